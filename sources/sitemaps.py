"""The sitemap of source pages: sources cited in, or credited by, a public piece."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q

from articles.models import Article

from .models import Source


class SourceSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.3

    def items(self):
        public = Article.objects.public().values("pk")
        return (
            Source.objects.filter(
                Q(citations__article__in=public) | Q(credited_articles__in=public)
            )
            .distinct()
            .order_by("name")
        )
