"""What every page's base template needs: the publication's name and its sections.

The sections drawn in the navigation change rarely and appear on every page, so they are
kept in the cache and forgotten whenever a section is saved or deleted.
"""

import contextlib

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

NAV_SECTIONS_KEY = "nav-sections"


def nav_sections() -> list:
    from articles.models import Section

    try:
        sections = cache.get(NAV_SECTIONS_KEY)
    except Exception:  # a cache outage costs a query, never the page
        sections = None
    if sections is None:
        sections = list(Section.objects.all())
        with contextlib.suppress(Exception):
            cache.set(NAV_SECTIONS_KEY, sections, 3600)
    return sections


def forget_nav_sections(**kwargs) -> None:
    with contextlib.suppress(Exception):
        cache.delete(NAV_SECTIONS_KEY)


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        # Evaluated only by templates that draw the navigation.
        "nav_sections": SimpleLazyObject(nav_sections),
    }
