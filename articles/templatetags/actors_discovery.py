"""Actors on reading pages: matching actors above search results and related coverage
under an article."""

from django import template

from ..related import related_coverage as cached_related_coverage
from ..search.actors import actors_matching

register = template.Library()


@register.simple_tag
def matching_actors(query):
    """``{% matching_actors query as actors %}``: at most six, one query, none for no query."""
    if not query:
        return []
    return list(actors_matching(query))


@register.simple_tag
def related_coverage(article):
    """``{% related_coverage article as related %}``: up to four public pieces; one query
    when the cached list is stale, none otherwise."""
    return cached_related_coverage(article)
