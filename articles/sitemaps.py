"""Sitemaps of the public pages this app owns, and the Google News sitemap.

Only what the public may read is listed: articles from ``Article.objects.public()``, and
sections, tags, authors, actors and sources with at least one public piece (sections
always, they are the site's navigation).
"""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control

from actors.models import Actor
from sources.models import Source

from .models import Article, AuthorProfile, Section
from .tags import public_tags

NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_MAX_ITEMS = 1000  # the news-sitemap format's limit


def public_ids():
    return Article.objects.public().values("pk")


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Article.objects.public().only("slug", "updated_at").order_by("-publish_at", "-id")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # One aggregate rather than the base class's walk over every article.
        return Article.objects.public().aggregate(latest=Max("updated_at"))["latest"]


class SectionSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Section.objects.annotate(
            latest=Max("articles__updated_at", filter=Q(articles__in=public_ids()))
        ).order_by("position", "name")

    def lastmod(self, section):
        return section.latest


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return public_tags().order_by("name")

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class AuthorSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return (
            AuthorProfile.objects.filter(bylines__article__in=public_ids())
            .distinct()
            .order_by("byline")
        )


@cache_control(max_age=300, public=True)
def news_sitemap(request):
    """Public pieces first published in the last two days, in the news-sitemap format."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        Article.objects.public()
        .filter(publish_at__gte=since)
        .only("slug", "headline", "publish_at")
        .order_by("-publish_at", "-id")[:NEWS_MAX_ITEMS]
    )
    return render(
        request,
        "articles/news_sitemap.xml",
        {"articles": articles, "publication": settings.SITE_NAME},
        content_type="application/xml; charset=utf-8",
    )


class ActorSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        public = Article.objects.public().values("pk")
        return Actor.objects.filter(article_links__article__in=public).distinct().order_by("name")


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
