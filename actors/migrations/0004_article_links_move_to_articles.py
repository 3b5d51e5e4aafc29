"""The links between articles and actors now belong to the articles app
(``articles.ArticleActor``, ``articles.DismissedActor``): they leave this app's state only.
The tables stay where they are; ``articles`` 0009 takes them over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0003_mention_counts_and_dismissals"),
        # After every migration that still knows the models under this app's name.
        ("articles", "0008_article_newest_first_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ArticleActor"),
                migrations.DeleteModel(name="DismissedActor"),
            ],
            database_operations=[],
        ),
    ]
