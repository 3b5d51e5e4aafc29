"""What every page's base template needs: the publication's name, its sections (the
navigation) and its own pages (the footer).

Both lists change rarely and appear on every page, so they are kept in the cache under the
reader cache's ``SITE`` tag, which a change to a section or a page moves on
(``articles.caching``). A cache outage costs a query, never the page.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.models import Page, Section
from web import reader_cache

NAV_SECTIONS_KEY = "nav-sections"
FOOTER_PAGES_KEY = "footer-pages"


def _site_wide(key: str, rows) -> list:
    """``rows`` as a list, kept until a section or a page changes (at most an hour)."""
    return reader_cache.remember(key, (reader_cache.SITE,), lambda: list(rows()), lambda: 3600)


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
    }
