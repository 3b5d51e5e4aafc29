"""Rebuild the stored search column of every article (or of a range of ids).

Saves and tag changes keep it current on their own; this is for rows written in bulk
(``bulk_create``, ``QuerySet.update``, a restored dump) and after moving between databases.
"""

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.search import index_articles
from articles.search.backends import search_backend
from web import reader_cache


class Command(BaseCommand):
    help = "Rebuild the search index column of articles (all of them by default)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="Articles per UPDATE.")

    def handle(self, *args, batch, **options):
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            index_articles(Article.objects.filter(pk__gte=chunk[0], pk__lte=chunk[-1]))
            if options["verbosity"] > 1:
                self.stdout.write(f"{start + len(chunk)} / {len(ids)}")
        # What a search finds may have changed: results kept for readers are drawn afresh.
        reader_cache.invalidate(reader_cache.LISTS)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {len(ids)} articles ({search_backend().name}).")
        )
