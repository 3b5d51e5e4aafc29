"""What every page's base template needs: the publication's name and its sections.

The sections drawn in the navigation change rarely and appear on every page, so they are
kept in the cache under the reader cache's ``SITE`` tag, which a change to a section moves on
(``articles.caching``). A cache outage costs a query, never the page.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.models import Section
from web import reader_cache

NAV_SECTIONS_KEY = "nav-sections"


def nav_sections() -> list:
    return reader_cache.remember(
        NAV_SECTIONS_KEY, (reader_cache.SITE,), lambda: list(Section.objects.all()), lambda: 3600
    )


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        # Evaluated only by templates that draw the navigation.
        "nav_sections": SimpleLazyObject(nav_sections),
    }
