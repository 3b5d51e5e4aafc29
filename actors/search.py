"""Actors a reader's search names, by name or alias, accents folded ("orban" finds Viktor
Orbán), shown above the matching articles.

Names are matched against a folded index of every name and alias, built with one query
and kept in the cache until an actor or an alias changes (``bump_name_index``), so a search
costs one query for the actors it shows, however many actors the newsroom follows.
"""

import re
import uuid
from bisect import bisect_right
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import BooleanField, Value

from articles.search import name_needles
from articles.search.text import fold

from .models import Actor, ActorAlias

MATCHING_ACTORS = 6
NAME_INDEX_VERSION_KEY = "actors:names:version"
NAME_INDEX_SECONDS = 60 * 60 * 24


@dataclass
class NameIndex:
    """Every folded name and alias, one a line, with the actor each belongs to."""

    text: str
    starts: list[int]
    actor_ids: list[int]
    is_name: list[bool]

    def find(self, needle: str) -> list[tuple[int, bool]]:
        """(actor id, matched its name rather than an alias) for each line where a word
        starts with ``needle``."""
        found = []
        for match in re.finditer(r"(?<![^\n ])" + re.escape(needle), self.text):
            line = bisect_right(self.starts, match.start()) - 1
            found.append((self.actor_ids[line], self.is_name[line]))
        return found


def bump_name_index() -> None:
    cache.set(NAME_INDEX_VERSION_KEY, uuid.uuid4().hex, None)


def name_index() -> NameIndex:
    version = cache.get(NAME_INDEX_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(NAME_INDEX_VERSION_KEY, version, None)
    key = f"actors:names:{version}"
    index = cache.get(key)
    if index is None:
        names = (
            Actor.objects.annotate(is_name=Value(True, output_field=BooleanField()))
            .values_list("pk", "is_name", "name")
            .order_by()
        )
        aliases = (
            ActorAlias.objects.annotate(is_name=Value(False, output_field=BooleanField()))
            .values_list("actor_id", "is_name", "name")
            .order_by()
        )
        rows = list(names.union(aliases, all=True))
        lines = [" ".join(fold(name).split()) for _, _, name in rows]
        starts, position = [], 0
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        index = NameIndex("\n".join(lines), starts, [r[0] for r in rows], [r[1] for r in rows])
        cache.set(key, index, NAME_INDEX_SECONDS)
    return index


def actors_matching(query: str, limit: int = MATCHING_ACTORS) -> list[Actor]:
    """Actors whose name or one of whose aliases has a word starting with the query (or
    with one of its words); matches on the name itself come first, then by name."""
    needles = name_needles(query)
    if not needles:
        return []
    index = name_index()
    named: dict[int, bool] = {}
    for needle in needles:
        for actor_id, is_name in index.find(needle):
            named[actor_id] = named.get(actor_id, False) or is_name
    # Name matches first; a few more than shown, so the ordering below has its pick. The
    # query runs even when nothing matched, so the page's query count never varies.
    ranked = sorted(named, key=lambda pk: not named[pk])[: limit * 4] or [0]
    actors = Actor.objects.filter(pk__in=ranked)
    return sorted(actors, key=lambda a: (not named[a.pk], a.name.casefold()))[:limit]
