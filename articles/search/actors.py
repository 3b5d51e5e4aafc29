"""Actors a reader's search names, by name or alias, accents folded ("orban" finds Viktor
Orbán), shown above the matching articles.

Names are matched against a folded index of every name and alias, built with one query
and kept in the cache until an actor or an alias changes (``NAMES_TAG``), so a search
costs one query for the actors it shows, however many actors the newsroom follows.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from django.db.models import BooleanField, Value

from actors.models import Actor, ActorAlias
from web import reader_cache

from . import name_needles
from .text import fold

MATCHING_ACTORS = 6
# The reader-cache tag the index is kept under: moved on when an actor or alias changes.
NAMES_TAG = "actors:names"
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


def name_index() -> NameIndex:
    """The index, from the cache until an actor or an alias changes (``NAMES_TAG``)."""
    return reader_cache.remember(
        "actors:names", (NAMES_TAG,), _build_name_index, lambda: NAME_INDEX_SECONDS
    )


def _build_name_index() -> NameIndex:
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
    return NameIndex("\n".join(lines), starts, [r[0] for r in rows], [r[1] for r in rows])


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
