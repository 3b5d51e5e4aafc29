"""Sources shown on the search page, above the matching articles."""

from django import template

from ..search.sources import sources_matching

register = template.Library()


@register.simple_tag
def matching_sources(query):
    """``{% matching_sources query as sources %}``: at most four, one query."""
    if not query:
        return []
    return list(sources_matching(query))
