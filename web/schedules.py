"""Dated pieces shown on reader pages (the editor's appeals, sponsor placements): each has
``starts_at``, an optional ``ends_at`` and optional sections (none means every section).

A ``CachedSchedule`` keeps the pieces that have not ended in the cache, each with the set
of its section ids, so a warm page runs no query for them however many there are; it says
when the next one starts or ends (a stored page is kept no longer). The list is kept under
the reader-cache tag of the pages that show such pieces: moving it on
(``reader_cache.invalidate``, wired by the app that owns the pieces) makes both stale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet

from web import reader_cache


def running_at(at: datetime) -> Q:
    """The rows running at ``at``: started, and not yet ended (an empty end: open-ended)."""
    return Q(starts_at__lte=at) & (Q(ends_at__isnull=True) | Q(ends_at__gt=at))


def runs_at(piece, at: datetime) -> bool:
    """``running_at`` for one piece already loaded."""
    return piece.starts_at <= at and (piece.ends_at is None or piece.ends_at > at)


class CachedSchedule:
    def __init__(self, cache_key: str, page_tag: str, pieces: Callable[[], QuerySet]):
        self.cache_key = cache_key
        # Pages that draw these pieces depend on this reader-cache tag.
        self.page_tag = page_tag
        self.pieces = pieces
        self.seconds = 3600

    def unended(self, now: datetime) -> list:
        def load() -> list:
            pieces = self.pieces()
            sections = pieces.model._meta.get_field("sections").related_model
            pieces = list(
                pieces.exclude(ends_at__lte=now).prefetch_related(
                    Prefetch("sections", queryset=sections.objects.only("pk"))
                )
            )
            for piece in pieces:
                piece.section_ids = frozenset(section.pk for section in piece.sections.all())
            return pieces

        # Kept under the pages' own tag: a list read while a change was being saved is
        # stored as already stale (``reader_cache.remember``), never served for an hour.
        return reader_cache.remember(self.cache_key, (self.page_tag,), load, lambda: self.seconds)

    def next_change(self, at: datetime) -> datetime | None:
        """The next moment a piece starts or ends."""
        moments = [
            moment
            for piece in self.unended(at)
            for moment in (piece.starts_at, piece.ends_at)
            if moment is not None and moment > at
        ]
        return min(moments, default=None)
