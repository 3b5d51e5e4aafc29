"""Every URL pattern of the project, read from Django's resolver, and a way to fill one in.

Tests that must cover every address (the access matrix, hostile path segments) start from
``url_patterns()``, so a new pattern cannot be added without those tests noticing.
"""

import re
from collections.abc import Callable

from django.urls import URLPattern, URLResolver, get_resolver

# A parameter in a route: ``<int:pk>``, ``<slug>``, ``(?P<key>[-:\w]+)`` or ``(\d+)``.
PARAMETER = re.compile(
    r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>"
    r"|\((?:\?P<(?P<group>\w+)>)?(?P<regex>(?:[^()\\]|\\.|\([^()]*\))*)\)"
)


def url_patterns() -> list[str]:
    """The full route of every pattern (``admin/articles/article/<path:object_id>/change/``)."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return list(dict.fromkeys(walk(get_resolver().url_patterns)))


def parameters(route: str) -> list[str]:
    """The names of a route's parameters, in order (unnamed regex groups are ``group1``…)."""
    names = []
    for n, match in enumerate(PARAMETER.finditer(route), start=1):
        names.append(match["name"] or match["group"] or f"group{n}")
    return names


def fill(route: str, value: Callable[[str], str] | str) -> str:
    """The address of ``route`` with every parameter replaced by ``value`` (a string, or a
    function of the parameter's name), regex anchors removed, with a leading slash."""
    names = iter(parameters(route))

    def substitute(match):
        name = next(names)
        return value(name) if callable(value) else value

    path = PARAMETER.sub(substitute, route)
    return "/" + path.replace("^", "").replace("$", "")
