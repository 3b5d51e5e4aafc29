"""What every page's base template needs: the publication's name, its sections (the
navigation), its own pages (the footer) and the addresses its header and footer link to.

Both lists change rarely and appear on every page, so they are kept in the cache under the
reader cache's ``SITE`` tag, which a change to a section or a page moves on
(``articles.caching``), each with its address (``url``) worked out once. A cache outage
costs a query, never the page. The fixed addresses are worked out once per process.
"""

import functools

from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from articles.models import Page, Section
from web import reader_cache

NAV_SECTIONS_KEY = "nav-sections"
FOOTER_PAGES_KEY = "footer-pages"


def _site_wide(key: str, rows) -> list:
    """``rows`` as a list, each with its ``url``, kept until a section or a page changes (at
    most an hour)."""

    def compute() -> list:
        found = list(rows())
        for row in found:
            row.url = row.get_absolute_url()
        return found

    return reader_cache.remember(key, (reader_cache.SITE,), compute, lambda: 3600)


# The header's and the footer's fixed links: name in templates → URL pattern.
SITE_LINKS = {
    "home": "articles:home",
    "actors": "actors:index",
    "sources": "sources:index",
    "search": "articles:search",
    "feed": "feeds:latest",
    "newsletters": "newsletters:list",
    "subscribe": "members:subscribe",
    "account": "members:account",
    "logout": "account_logout",
}


@functools.cache
def site_links() -> dict[str, str]:
    return {name: reverse(pattern) for name, pattern in SITE_LINKS.items()}


def nav_sections() -> list:
    return _site_wide(NAV_SECTIONS_KEY, Section.objects.all)


def footer_pages() -> list:
    return _site_wide(
        FOOTER_PAGES_KEY, lambda: Page.objects.published().only("title", "slug", "position")
    )


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        # Evaluated only by templates that draw the navigation and the footer.
        "nav_sections": SimpleLazyObject(nav_sections),
        "footer_pages": SimpleLazyObject(footer_pages),
        "site_links": SimpleLazyObject(site_links),
    }
