"""Which pieces fill the top of the home page: the one rule, for readers and for the desk.

The top has ``SLOTS`` slots; the first is the lead. A slot shows the piece an editor placed
in it (``HomeSlot``) while that piece is public and its pin has not run out. Every other
slot falls back, in order, to the newest featured public piece, then the newest public
piece, not already at the top: the top is never empty while anything is published.

Only public pieces ever occupy a slot. A placed piece that is not public yet (a draft, a
piece in review, a scheduled one) waits in its slot, seen by editors only, and the fallback
fills the slot meanwhile; it appears when it goes out (the reader cache keeps no page past
the next publication) and leaves when its pin runs out (``Top.changes_at``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from .models import Article, HomeSlot

SLOTS = 3
SLOT_NAMES = ["Lead", "Second", "Third", "Fourth", "Fifth"]

PLACED, FEATURED, NEWEST = "placed", "featured", "newest"
HOW = {
    PLACED: "Placed by an editor",
    FEATURED: "Fallback: newest featured piece",
    NEWEST: "Fallback: newest published piece",
}


@dataclass(frozen=True)
class Slot:
    position: int
    # The public piece readers see here (None only when nothing is published).
    article: Article | None
    how: str
    # The piece an editor placed here, shown or not (waiting, or its pin run out).
    placement: HomeSlot | None

    @property
    def name(self) -> str:
        return SLOT_NAMES[self.position - 1]

    @property
    def how_in_words(self) -> str:
        return HOW[self.how] if self.article else "Empty: nothing is published"


@dataclass(frozen=True)
class Top:
    slots: list[Slot]
    # When a shown piece's pin runs out and the top changes with no save to mark it.
    changes_at: datetime | None

    @property
    def articles(self) -> list[Article]:
        return [slot.article for slot in self.slots if slot.article is not None]


def holds(placement: HomeSlot, now: datetime) -> bool:
    """The placement still keeps its slot (no pin, or a pin not yet run out)."""
    return placement.pinned_until is None or placement.pinned_until > now


def waiting_in_words(placement: HomeSlot | None, now: datetime) -> str:
    """For editors: how a placed piece that readers do not see yet waits ("" if it does
    not wait)."""
    if placement is None or not holds(placement, now) or placement.article.is_public(now):
        return ""
    article = placement.article
    if article.is_scheduled:
        when = date_format(timezone.localtime(article.publish_at), "j F Y, H:i")
        return f"“{article}” is waiting until {when} (scheduled): readers do not see it yet."
    return (
        f"“{article}” is waiting until it is published ({article.state_in_words}): "
        "readers do not see it yet."
    )


def home_page_top(newest: list[Article] | None = None, now: datetime | None = None) -> Top:
    """The pieces at the top of the home page, slot by slot.

    One query: the placed pieces and the newest featured ones together. ``newest``, the
    newest public pieces (a list the caller reads anyway), fills what featured pieces
    cannot; without it, a second query reads them.
    """
    now = now or timezone.now()
    newest_featured = (
        Article.objects.public(now).filter(featured=True).order_by("-publish_at", "-id")
    )
    candidates = list(
        Article.objects.for_cards()
        .select_related("home_slot")
        .filter(Q(home_slot__position__lte=SLOTS) | Q(pk__in=newest_featured.values("pk")[:SLOTS]))
    )
    placements = {
        a.home_slot.position: a.home_slot for a in candidates if _placement_of(a) is not None
    }
    shown = {
        position: placement.article
        for position, placement in placements.items()
        if holds(placement, now) and placement.article.is_public(now)
    }
    taken = {a.pk for a in shown.values()}
    featured = [a for a in candidates if a.featured and a.is_public(now) and a.pk not in taken]
    if newest is None and len(shown) + len(featured) < SLOTS:
        newest = list(Article.objects.public(now).for_cards()[: 2 * SLOTS])
    fallbacks = [(a, FEATURED) for a in featured] + [(a, NEWEST) for a in newest or []]
    slots = []
    for position in range(1, SLOTS + 1):
        article, how = shown.get(position), PLACED
        if article is None:
            article, how = _next_free(fallbacks, taken)
        slots.append(Slot(position, article, how, placements.get(position)))
    pins = [placements[p].pinned_until for p in shown if placements[p].pinned_until is not None]
    return Top(slots, min(pins, default=None))


def _placement_of(article: Article) -> HomeSlot | None:
    try:
        return article.home_slot
    except HomeSlot.DoesNotExist:
        return None


def _next_free(fallbacks, taken: set[int]):
    for article, how in fallbacks:
        if article.pk not in taken:
            taken.add(article.pk)
            return article, how
    return None, NEWEST


def featured_left_out(article: Article, top: Top, now: datetime | None = None) -> str | None:
    """Why a featured piece is not (or, once it goes out, will not be) at the top of the
    home page; None when it is, or will be, or is not featured."""
    now = now or timezone.now()
    if not article.featured or article.pk in {a.pk for a in top.articles}:
        return None
    occupants = "; ".join(
        f"{slot.name}: “{slot.article}” ({slot.how_in_words.lower()})"
        for slot in top.slots
        if slot.article is not None
    )
    if article.is_public(now):
        return (
            f"“{article}” is featured but not at the top of the home page: its {SLOTS} slots "
            f"show {occupants}."
        )
    if article.status != Article.Status.PUBLISHED:
        return None
    held = [s for s in top.slots if s.how == PLACED or (s.placement and holds(s.placement, now))]
    if len(held) < SLOTS or _placement_of(article) is not None:
        return None
    return (
        f"“{article}” is featured but will not be at the top of the home page when it goes "
        f"out: every slot holds a piece an editor placed ({occupants})."
    )
