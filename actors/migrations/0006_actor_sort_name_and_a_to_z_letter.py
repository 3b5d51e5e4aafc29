"""People sort by surname: a sort name on every actor, the A–Z letter it files under and the
folded key it is ordered by, filled for the actors already there."""

from django.db import migrations, models

from actors.sort_names import index_letter, sort_key, sort_name_for


def fill_sort_names(apps, schema_editor):
    Actor = apps.get_model("actors", "Actor")
    actors = list(Actor.objects.only("pk", "name", "kind"))
    for actor in actors:
        actor.sort_name = sort_name_for(actor.name, person=actor.kind == "person")
        actor.index_letter = index_letter(actor.sort_name)
        actor.sort_key = sort_key(actor.sort_name)
    Actor.objects.bulk_update(actors, ["sort_name", "index_letter", "sort_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0005_portrait_checked_and_unguessable"),
    ]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="sort_name",
            field=models.CharField(
                blank=True,
                help_text="Where the actor files in the A–Z index. Left blank it is made from "
                'the name: people surname first ("Orbán, Viktor", "Leyen, Ursula von der"), '
                'others by name without a leading "The". Write it by hand when that is wrong '
                '("Xi Jinping").',
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="actor",
            name="index_letter",
            field=models.CharField(
                default="",
                editable=False,
                help_text="From the sort name, accents folded.",
                max_length=1,
                verbose_name="A–Z letter",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="actor",
            name="sort_key",
            field=models.CharField(
                default="", editable=False, help_text="The sort name folded.", max_length=200
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_sort_names, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(fields=["index_letter", "sort_key"], name="actor_a_to_z"),
        ),
    ]
