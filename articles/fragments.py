"""Parts of reading pages that every reader sees alike, drawn once and kept in the reader
cache until what they show changes.

An article page is drawn afresh for every logged-in reader (never from the page cache), and
for anonymous readers when the page cache is off, yet most of it is the same for everyone
shown the same version of the piece: the header and byline, the lead figure and the body,
the author box, the actors' chips, topics and sources, the link previews' tags and the
structured data, related coverage. A template marks such a part
``{% fragment "<part>" article variant %} … {% endfragment %}``, the home page its pieces
``{% fragment "front-page" %}`` (``articles/templatetags/fragments.py``).

A part is kept under a key naming the part, the piece and the moment it was last saved, the
version of the body the page shows (``variant``: "full", or "teaser" for a reader without
access — the two are never one entry), the site's templates as they are now (a release
that changes them draws every part afresh) and the address the page is served at (it holds
absolute links). It is drawn afresh when one of its reader-cache tags
moves on (``web.reader_cache``):

- every part depends on ``SITE`` (sections' names);
- the parts of an article page on ``article_content_tag``, which the piece, its bylines,
  actors, citations and tags move on, and so do the actors, sources, authors and tags it
  shows (``articles.caching``) — a new comment does not;
- related coverage and the front page show other pieces: they depend on ``LISTS`` too, and
  are kept no longer than the page they are drawn on may be (the next scheduled piece, a
  home page slot's pin running out).

A page that names no variant keeps nothing: previews of drafts and of pending changes and
shared preview links always show the text they were given.

Inside a part, ``{% live %} … {% endlive %}`` marks what is drawn on every request all the
same (the comment count by the byline, which counts a member's own pending comment): the
part is kept with a hole there.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template import engines

from web import reader_cache

from .caching import article_content_tag
from .models.article import Article, load_page_parts

# How long a part may stay in the cache while nothing it shows changes: a day for the
# piece's own parts (its tags mark every change), an hour for those showing other pieces.
PIECE_SECONDS = 24 * 3600
LISTS_SECONDS = 3600
KEY_PREFIX = "fragment:"

FULL = "full"
TEASER = "teaser"
VARIANTS = (FULL, TEASER)
SEARCH_RESULTS = "search-results"


@dataclass(frozen=True)
class Part:
    of_article: bool
    lists: bool = False


PARTS = {
    # <head>: description, link previews' tags, the NewsArticle and breadcrumbs JSON-LD.
    "article-meta": Part(of_article=True),
    # The header (byline, dates, reading time), the lead figure and the body.
    "article-main": Part(of_article=True),
    # Share links, the author box, actors, topics, sources.
    "article-footer": Part(of_article=True),
    "article-related": Part(of_article=True, lists=True),
    "front-page": Part(of_article=False, lists=True),
    # A search's results, one entry per query, filters and page (``variant``), with the
    # number of the page shown (``articles.views.search_results_part``).
    SEARCH_RESULTS: Part(of_article=False, lists=True),
}


def may_keep(part: str, request, article: Article | None, variant) -> bool:
    """Whether this drawing of ``part`` may be kept and served again: on a reading page
    (there is a request), and for a piece's part only when the page names the version of
    the body it shows."""
    if request is None:
        return False
    if not PARTS[part].of_article:
        return True
    return article is not None and article.pk is not None and variant in VARIANTS


@functools.cache
def templates_version() -> str:
    """A digest of the site's own templates (read once per process)."""
    digest = hashlib.sha256()
    for engine in engines.all():
        for folder in getattr(engine, "dirs", ()):
            for path in sorted(Path(folder).rglob("*.html")):
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key_of(part: str, request, article: Article | None, variant: str | None) -> str:
    """Where ``part`` is kept: one entry per part, piece, saved version, body variant,
    templates and address."""
    saved = article.updated_at.timestamp() if article is not None and article.updated_at else ""
    pk = article.pk if article is not None else ""
    origin = f"{request.scheme}://{request.get_host()}"
    name = f"{part}|{pk}|{saved}|{variant or ''}|{templates_version()}|{origin}"
    return KEY_PREFIX + hashlib.sha256(name.encode()).hexdigest()


def tags_of(part: str, article: Article | None) -> tuple[str, ...]:
    tags = [reader_cache.SITE]
    if PARTS[part].lists:
        tags.append(reader_cache.LISTS)
    if PARTS[part].of_article:
        tags.append(article_content_tag(article.pk))
    return tuple(tags)


def remember(
    part: str,
    request,
    article: Article | None,
    variant: str | None,
    draw: Callable[[], Any],
) -> Any:
    """``draw()`` (the part, cut at its live holes, or what its caller keeps of it), from
    the cache while nothing it shows has changed. A piece's bylines, actors, citations and
    tags are loaded only to draw it."""

    def compute():
        if article is not None:
            load_page_parts(article)
        return draw()

    def timeout() -> int:
        if PARTS[part].lists:
            until = getattr(request, "reader_cache_until", None)
            return reader_cache.lifetime(LISTS_SECONDS, until)
        return PIECE_SECONDS

    key = key_of(part, request, article, variant)
    return reader_cache.remember(key, tags_of(part, article), compute, timeout)
