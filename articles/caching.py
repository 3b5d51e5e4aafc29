"""What the articles app's changes make stale in the reader cache (``web.reader_cache``).

An article page depends on the tag ``article_tag(pk)``; every other reading page on
``LISTS``; all pages on ``SITE`` (the navigation). The parts of an article page that show
the piece itself (``articles.fragments``) depend on ``article_content_tag(pk)``, which the
same changes move on, but not a comment. So:

- saving or deleting an article, one of its bylines, actor links or citations, or changing
  its tags, refreshes its page, its parts and the lists;
- an actor, a source, an author or a tag appears on the pages of the pieces that link it:
  changing one refreshes those pages, their parts and the lists;
- placing, moving or removing a piece in a home page slot refreshes the lists (the home
  page among them);
- a section is in the navigation, a published page of the publication in the footer:
  changing one refreshes everything;
- the actor networks and coverage charts (``coverage.graph``) are redrawn when articles,
  links or actors change, and the actor names the search page matches
  (``search.actors``) are read again when actors or aliases change;
- nothing that lists articles is kept past the moment the next scheduled piece goes out,
  which no signal marks.

``register()`` wires it, once, from ``ArticlesConfig.ready``.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from taggit.models import Tag, TaggedItem

from actors.models import Actor, ActorAlias
from sources.models import Source
from web.reader_cache import (
    LISTS,
    SITE,
    keep_pages_until,
    remember,
    stale_when_changed,
    stale_when_m2m_changed,
)

from .coverage.graph import GRAPH_TAG
from .models import (
    Article,
    ArticleActor,
    ArticleAuthor,
    AuthorProfile,
    Citation,
    HomeSlot,
    Page,
    Section,
)
from .search.actors import NAMES_TAG

NEXT_PUBLICATION_KEY = "next-publication"
NEXT_PUBLICATION_SECONDS = 3600


def article_tag(pk: int) -> str:
    """The reader-cache tag of an article's page (and of what is kept for it alone)."""
    return f"article:{pk}"


def article_content_tag(pk: int) -> str:
    """The tag of what an article page shows of the piece itself: its text, bylines, actors,
    sources and tags, as they are drawn for every reader. Its discussion does not move it."""
    return f"article-content:{pk}"


def _both(pk: int) -> tuple[str, str]:
    return article_tag(pk), article_content_tag(pk)


def next_publication() -> datetime | None:
    """When the next scheduled piece goes out (None when none is scheduled).

    Asked whenever a page, or a part of one, that lists pieces is kept: one query, then
    kept until a piece changes (``LISTS``) or that moment comes.
    """
    found: list[datetime | None] = []

    def find():
        found.append(
            Article.objects.scheduled()
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )
        return found[0]

    def until_it_comes() -> int:
        if found[0] is None:
            return NEXT_PUBLICATION_SECONDS
        seconds = int((found[0] - timezone.now()).total_seconds())
        return max(1, min(NEXT_PUBLICATION_SECONDS, seconds))

    return remember(NEXT_PUBLICATION_KEY, (LISTS,), find, until_it_comes)


def _article(article: Article):
    return *_both(article.pk), LISTS, GRAPH_TAG


def _part_of_article(part):
    return *_both(part.article_id), LISTS, GRAPH_TAG


def _link_part(part):
    return *_both(part.article_id), LISTS


def _pages_showing(articles):
    pks = articles.values_list("pk", flat=True).distinct()
    return LISTS, *(tag for pk in pks for tag in _both(pk))


def _actor(actor: Actor):
    return NAMES_TAG, GRAPH_TAG, *_pages_showing(Article.objects.filter(actor_links__actor=actor))


def _actor_alias(alias: ActorAlias):
    return NAMES_TAG, LISTS


def _source(source: Source):
    return _pages_showing(
        Article.objects.filter(citations__source=source)
        | Article.objects.filter(lead_image_credit_source=source)
    )


def _author(author: AuthorProfile):
    return _pages_showing(Article.objects.filter(bylines__author=author))


def _tag(tag: Tag):
    return _pages_showing(Article.objects.filter(tags__id=tag.pk))


def _tagged(instance):
    # Tags added to or removed from an article (``instance``); taggit also sends the
    # change with a tag as ``instance`` when a tag's set of articles is edited.
    if isinstance(instance, Article):
        return *_both(instance.pk), LISTS
    return ()


def _lists(instance):
    return (LISTS,)


def _site_wide(instance: Section | Page):
    return (SITE,)


def register() -> None:
    stale_when_changed(Article, _article)
    stale_when_changed(ArticleActor, _part_of_article)
    stale_when_changed(ArticleAuthor, _link_part)
    stale_when_changed(Citation, _link_part)
    stale_when_changed(Actor, _actor)
    stale_when_changed(ActorAlias, _actor_alias)
    stale_when_changed(Source, _source)
    stale_when_changed(AuthorProfile, _author)
    stale_when_changed(Tag, _tag)
    stale_when_m2m_changed(TaggedItem, _tagged)
    stale_when_changed(HomeSlot, _lists)
    stale_when_changed(Section, _site_wide)
    stale_when_changed(Page, _site_wide)
    keep_pages_until(next_publication)
