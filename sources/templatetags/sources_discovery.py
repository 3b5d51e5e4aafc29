"""Sources shown on the search page (owned by articles; this app sits above it)."""

from django import template

from ..search import sources_matching

register = template.Library()


@register.simple_tag
def matching_sources(query):
    """``{% matching_sources query as sources %}``: at most four, one query."""
    if not query:
        return []
    return list(sources_matching(query))
