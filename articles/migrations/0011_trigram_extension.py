"""pg_trgm on PostgreSQL, for the search page's "Did you mean" (trigram similarity of
names). Does nothing on other databases."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_images_checked_and_unguessable"),
    ]

    operations = [TrigramExtension()]
