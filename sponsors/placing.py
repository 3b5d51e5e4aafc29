"""Which sponsor placements a page shows.

Up to ``PER_PAGE`` placements of the page's slot that are running now and meant for its
section (a placement with no sections is meant for every section), the heaviest first,
then by start. The same for every reader who sees sponsors at all
(``members.subscriptions.sees_sponsors``), so anonymous pages stay cacheable.

The active placements that have not ended are kept in the cache with their sponsor, so a
warm page runs no query for them however many there are; saving or deleting a sponsor or
a placement forgets them and refreshes the stored pages that show placements.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from web.schedules import CachedSchedule

from .models import Placement

PER_PAGE = 3
SCHEDULE = CachedSchedule(
    "sponsors:placements",
    "sponsors",
    lambda: (
        Placement.objects.filter(active=True)
        .select_related("sponsor")
        .order_by("-weight", "starts_at", "pk")
    ),
)
PAGE_TAG = SCHEDULE.page_tag


def placements_for(
    slot: str, section_id: int | None, at: datetime | None = None, limit: int = PER_PAGE
) -> list[Placement]:
    """The placements a page of ``slot`` in section ``section_id`` shows at ``at``."""
    at = at or timezone.now()
    chosen = []
    for placement in SCHEDULE.unended(at):
        if placement.slot != slot or not placement.is_running(at):
            continue
        if placement.section_ids and section_id not in placement.section_ids:
            continue
        chosen.append(placement)
        if len(chosen) == limit:
            break
    return chosen


def running_placement_ids(at: datetime | None = None) -> set[int]:
    """Every placement that may be on a page now (impressions of others are not counted)."""
    at = at or timezone.now()
    return {p.pk for p in SCHEDULE.unended(at) if p.is_running(at)}


def next_placement_change(at: datetime | None = None) -> datetime | None:
    """The next moment a placement starts or ends: a stored page is kept no longer."""
    return SCHEDULE.next_change(at or timezone.now())
