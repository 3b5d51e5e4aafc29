"""Dated pieces shown on reader pages (the editor's appeals, sponsor placements): each has
``starts_at``, an optional ``ends_at`` and optional sections (none means every section).

A ``CachedSchedule`` keeps the pieces that have not ended in the cache, each with the set
of its section ids, so a warm page runs no query for them however many there are; it says
when the next one starts or ends (a stored page is kept no longer), and ``forget()`` drops
the list and every stored page that shows such pieces (their reader-cache tag).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet

from newsroom import reader_cache


class CachedSchedule:
    def __init__(self, cache_key: str, page_tag: str, pieces: Callable[[], QuerySet]):
        self.cache_key = cache_key
        # Pages that draw these pieces depend on this reader-cache tag.
        self.page_tag = page_tag
        self.pieces = pieces
        self.seconds = 3600

    def unended(self, now: datetime) -> list:
        try:
            pieces = cache.get(self.cache_key)
        except Exception:  # a cache outage costs a query, never the page
            pieces = None
        if pieces is None:
            from articles.models import Section

            pieces = list(
                self.pieces()
                .exclude(ends_at__lte=now)
                .prefetch_related(Prefetch("sections", queryset=Section.objects.only("pk")))
            )
            for piece in pieces:
                piece.section_ids = frozenset(section.pk for section in piece.sections.all())
            with contextlib.suppress(Exception):
                cache.set(self.cache_key, pieces, self.seconds)
        return pieces

    def next_change(self, at: datetime) -> datetime | None:
        """The next moment a piece starts or ends."""
        moments = [
            moment
            for piece in self.unended(at)
            for moment in (piece.starts_at, piece.ends_at)
            if moment is not None and moment > at
        ]
        return min(moments, default=None)

    def forget(self) -> None:
        with contextlib.suppress(Exception):
            cache.delete(self.cache_key)
        reader_cache.invalidate(self.page_tag)
