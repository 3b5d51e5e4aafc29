"""Sources a reader's search names, accents folded, shown above the matching articles."""

from django.db.models import QuerySet

from sources.models import Source

from . import matching_names

MATCHING_SOURCES = 4


def sources_matching(query: str, limit: int = MATCHING_SOURCES) -> QuerySet:
    if not query.strip():
        return Source.objects.none()
    return matching_names(Source.objects.all(), query).order_by("name")[:limit]
