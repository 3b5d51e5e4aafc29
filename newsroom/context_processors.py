"""What every page's base template needs: the publication's name and its sections."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    from articles.models import Section

    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        # Evaluated only by templates that draw the navigation: one query, never more.
        "nav_sections": SimpleLazyObject(lambda: list(Section.objects.all())),
    }
