"""The articles app takes over the links between articles and actors and the citations of
sources (they were the actors and sources apps' models). The tables keep their names; the
content types move, so the permissions granted on them and the revisions that hold them
keep working."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = [("actors", "articleactor"), ("actors", "dismissedactor"), ("sources", "citation")]


def move_content_types(apps, schema_editor, forwards=True):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    for old_app, model in MOVED:
        old, new = (old_app, "articles") if forwards else ("articles", old_app)
        if ContentType.objects.filter(app_label=new, model=model).exists():
            continue
        moved = ContentType.objects.filter(app_label=old, model=model).first()
        if moved is None:
            continue
        moved.app_label = new
        moved.save(update_fields=["app_label"])
        # Revisions store each object with its model's label: restoring an old revision
        # must find the model where it now lives.
        for version in Version.objects.filter(content_type=moved).only("pk", "serialized_data"):
            version.serialized_data = version.serialized_data.replace(
                f'"model": "{old}.{model}"', f'"model": "{new}.{model}"'
            )
            version.save(update_fields=["serialized_data"])


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_article_newest_first_indexes"),
        ("actors", "0004_article_links_move_to_articles"),
        ("sources", "0004_citations_move_to_articles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ArticleActor",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("role", models.CharField(choices=[("main", "Main subject"), ("mentioned", "Mentioned")], default="mentioned", max_length=12)),
                        ("found_automatically", models.BooleanField(default=False, help_text="Suggested by mention detection rather than linked by hand.")),
                        ("mentions", models.PositiveIntegerField(default=0, help_text="How often the text names the actor, counted on each save of a suggestion.")),
                        ("position", models.PositiveSmallIntegerField(default=0)),
                        ("actor", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="article_links", to="actors.actor")),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="actor_links", to="articles.article")),
                    ],
                    options={
                        "verbose_name": "linked actor",
                        "db_table": "actors_articleactor",
                        "ordering": ["position", "id"],
                        "constraints": [models.UniqueConstraint(fields=("article", "actor"), name="one_link_per_actor")],
                    },
                ),
                migrations.CreateModel(
                    name="DismissedActor",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("dismissed_at", models.DateTimeField(auto_now_add=True)),
                        ("actor", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="dismissals", to="actors.actor")),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="dismissed_actors", to="articles.article")),
                        ("dismissed_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "dismissed suggestion",
                        "db_table": "actors_dismissedactor",
                        "ordering": ["actor__name"],
                        "constraints": [models.UniqueConstraint(fields=("article", "actor"), name="one_dismissal_per_actor")],
                    },
                ),
                migrations.CreateModel(
                    name="Citation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("url", models.URLField(blank=True, max_length=500, verbose_name="link to the report")),
                        ("note", models.CharField(blank=True, help_text='What the piece takes from it, e.g. "July 2024 interview".', max_length=300)),
                        ("position", models.PositiveSmallIntegerField(default=0)),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="citations", to="articles.article")),
                        ("source", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="citations", to="sources.source")),
                    ],
                    options={
                        "db_table": "sources_citation",
                        "ordering": ["position", "id"],
                        "constraints": [models.UniqueConstraint(fields=("article", "source"), name="one_citation_per_source")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
