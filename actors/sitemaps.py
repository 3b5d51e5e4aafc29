"""The sitemap of actor pages: actors linked to at least one public piece."""

from django.contrib.sitemaps import Sitemap

from articles.models import Article

from .models import Actor


class ActorSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        public = Article.objects.public().values("pk")
        return Actor.objects.filter(article_links__article__in=public).distinct().order_by("name")
