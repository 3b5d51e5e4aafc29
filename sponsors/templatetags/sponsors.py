"""Sponsor blocks on reader pages.

``{% load sponsors %}{% article_sponsors article %}`` after an article's appeal, and
``{% section_sponsors section %}`` on a section page. Every reader who sees sponsors gets
the same blocks (``sponsors.placing``), with no query on a warm page; members on an
ad-free plan get none (``members.subscriptions.sees_sponsors``). Impressions are counted
by the beacon image the blocks carry, so a page served from a cache counts too.
"""

from django import template

from members.subscriptions import request_standing, sees_sponsors
from web import reader_cache

from ..models import Placement
from ..placing import PAGE_TAG, next_placement_change, placements_for

register = template.Library()


def _blocks(context, slot: str, section_id: int | None, heading_id: str) -> dict:
    request = context.get("request")
    if request is None:
        return {"placements": []}
    reader_cache.add_page_tags(request, PAGE_TAG)
    change = next_placement_change()
    if change is not None:
        reader_cache.expire_page_by(request, change)
    if not sees_sponsors(request_standing(request)):
        return {"placements": []}
    placements = placements_for(slot, section_id)
    return {
        "placements": placements,
        # A staff preview of a draft is not an impression.
        "beacon_ids": "" if context.get("preview") else "-".join(str(p.pk) for p in placements),
        "heading_id": heading_id,
    }


@register.inclusion_tag("sponsors/blocks.html", takes_context=True)
def article_sponsors(context, article):
    return _blocks(context, Placement.Slot.ARTICLE_END, article.section_id, "sponsored-heading")


@register.inclusion_tag("sponsors/blocks.html", takes_context=True)
def section_sponsors(context, section):
    return _blocks(context, Placement.Slot.SECTION_PAGE, section.pk, "sponsored-heading")
