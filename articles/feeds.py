"""RSS 2.0 feeds of public articles: the latest pieces, and those of a section, a tag, an
actor or an author.

Each item carries headline, link, dek, authors, publication date, section and tags as
categories, and the lead image (the large rendition) as an enclosure. A feed runs a fixed
number of queries whatever it lists: authors and tags are prefetched, and the enclosure's
length comes from the storage, not the database.
"""

import copy
import logging
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from actors.models import Actor

from .models import Article, ArticleAuthor, AuthorProfile, Section
from .tags import public_tags

FEED_ITEMS = 30

logger = logging.getLogger(__name__)

# What XML 1.0 cannot carry: C0 controls other than tab and line breaks, lone surrogates,
# U+FFFE and U+FFFF. One in a headline would otherwise stop the whole feed.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """``value`` (text, or lists and dicts of it) without the characters XML cannot carry."""
    if isinstance(value, str):
        return XML_INVALID.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_text(part) for part in value)
    if isinstance(value, dict):
        return {key: xml_text(part) for key, part in value.items()}
    return value


class XMLSafeRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose channel and items leave out what XML cannot carry."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = xml_text(self.feed)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = xml_text(self.items[-1])


def feed_articles(articles):
    """What a feed shows of ``articles``: newest first, with authors and tags prefetched."""
    return articles.for_cards().prefetch_related(
        Prefetch("bylines", ArticleAuthor.objects.select_related("author")), "tags"
    )[:FEED_ITEMS]


class ArticleFeed(Feed):
    """The item side shared by every article feed."""

    feed_type = XMLSafeRssFeed
    language = "en-gb"

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.dek

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.first_published_at or item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        names = [byline.author.byline for byline in item.bylines.all()]
        return ", ".join(names) or None

    def item_categories(self, item):
        section = [item.section.name] if item.section else []
        return section + [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item):
        if not item.lead_image:
            return []
        rendition = item.lead_image_large
        try:
            url = rendition.url  # generates the rendition if it is missing
            length = rendition.storage.size(rendition.name)
        except (OSError, ValueError):
            logger.warning("No enclosure for %s: its lead image is unreadable", item.pk)
            return []
        return [Enclosure(self.request.build_absolute_uri(url), str(length), "image/jpeg")]

    def __call__(self, request, *args, **kwargs):
        # One feed object serves every request: each request works on its own copy, which
        # knows the request (enclosure URLs are built from it).
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)


class LatestFeed(ArticleFeed):
    def title(self):
        return f"{settings.SITE_NAME}: latest"

    def description(self):
        return settings.SITE_TAGLINE

    def link(self):
        return reverse("articles:home")

    def items(self):
        return feed_articles(Article.objects.public())


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{settings.SITE_NAME}: {section.name}"

    def description(self, section):
        return section.description or f"The latest from {section.name}."

    def link(self, section):
        return section.get_absolute_url()

    def items(self, section):
        return feed_articles(Article.objects.public().filter(section=section))


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(public_tags(), slug=slug)

    def title(self, tag):
        return f"{settings.SITE_NAME}: {tag.name}"

    def description(self, tag):
        return f"Analysis and reporting on {tag.name}."

    def link(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def items(self, tag):
        return feed_articles(Article.objects.public().filter(tags=tag))


class ActorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Actor, slug=slug)

    def title(self, actor):
        return f"{settings.SITE_NAME}: {actor.name}"

    def description(self, actor):
        return f"Analysis and reporting on {actor.name}" + (
            f", {actor.title}." if actor.title else "."
        )

    def link(self, actor):
        return actor.get_absolute_url()

    def items(self, actor):
        return feed_articles(Article.objects.public().filter(actor_links__actor=actor))


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(AuthorProfile, slug=slug)

    def title(self, author):
        return f"{settings.SITE_NAME}: {author.byline}"

    def description(self, author):
        return f"Writing by {author.byline}" + (f", {author.title}." if author.title else ".")

    def link(self, author):
        return author.get_absolute_url()

    def items(self, author):
        return feed_articles(Article.objects.public().filter(bylines__author=author))
