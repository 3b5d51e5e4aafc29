"""Citations now belong to the articles app (``articles.Citation``): they leave this app's
state only. The table stays where it is; ``articles`` 0009 takes it over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0003_source_aliases"),
        # After every migration that still knows the models under this app's name.
        ("articles", "0008_article_newest_first_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Citation")],
            database_operations=[],
        ),
    ]
