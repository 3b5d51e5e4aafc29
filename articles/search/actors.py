"""Actors a reader's search names, by name or alias, accents folded ("orban" finds Viktor
Orbán): shown above the matching articles, and the pieces about them found with the text
matches (``actors_named``).

Names are matched against a folded index of every name and alias, built with one query
and kept in the cache until an actor or an alias changes (``NAMES_TAG``), so a search
costs one query for the actors it shows, however many actors the newsroom follows.
"""

from bisect import bisect_right
from dataclasses import dataclass

from django.db.models import BooleanField, Value

from actors.models import Actor, ActorAlias
from web import reader_cache

from .text import folded_words, name_needles, query_words

MATCHING_ACTORS = 6
# At most this many actors a query names bring their pieces ("Kennedy" names a family).
NAMED_ACTORS = 4
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
    is_person: list[bool]

    def _word_starts(self, needle: str):
        """Where a word of the index starts with ``needle``: a plain substring search, with
        the character before checked (a regular expression's look-behind would test every
        position of the text)."""
        text, position = self.text, self.text.find(needle)
        while position != -1:
            if position == 0 or text[position - 1] in "\n ":
                yield position
            position = text.find(needle, position + 1)

    def find(self, needle: str) -> list[tuple[int, bool]]:
        """(actor id, matched its name rather than an alias) for each line where a word
        starts with ``needle``."""
        found = []
        for position in self._word_starts(needle):
            line = bisect_right(self.starts, position) - 1
            found.append((self.actor_ids[line], self.is_name[line]))
        return found

    def named(self, phrase: str) -> list[int]:
        """The actors ``phrase`` names in full: one of their names or aliases, or for a
        person the last words of one ("kennedy", "orban"), in the order of the index."""
        found: list[int] = []
        for position in self._word_starts(phrase):
            end = position + len(phrase)
            if end < len(self.text) and self.text[end] != "\n":
                continue  # the phrase must end the line
            line = bisect_right(self.starts, position) - 1
            whole = position == self.starts[line]
            person = self.is_person[line] and len(phrase) >= 3
            if (whole or person) and self.actor_ids[line] not in found:
                found.append(self.actor_ids[line])
        return found

    def names_of(self, actor_ids: list[int]) -> list[str]:
        """Every folded name and alias of these actors, and a person's surname (the last
        word of their name: "Zelensky" names Volodymyr Zelensky)."""
        wanted, names = set(actor_ids), {}
        lines = self.text.split("\n")
        for line, pk, is_name, person in zip(
            lines, self.actor_ids, self.is_name, self.is_person, strict=True
        ):
            if pk in wanted and line:
                names[line] = None
                if is_name and person and len(surname := line.rsplit(" ", 1)[-1]) >= 3:
                    names[surname] = None
        return list(names)


def name_index() -> NameIndex:
    """The index, until an actor or an alias changes (``NAMES_TAG``): each process keeps
    its copy while the tag's version stands (one small cache read per call, where reading
    the shared copy would unpickle every name), and takes the new one from the shared
    cache, or builds it, once the version moves on."""
    global _process_copy
    version = reader_cache.version(NAMES_TAG)
    kept = _process_copy
    if kept is not None and kept[0] == version:
        return kept[1]
    index = reader_cache.remember(
        "actors:names:v2", (NAMES_TAG,), _build_name_index, lambda: NAME_INDEX_SECONDS
    )
    _process_copy = (version, index)
    return index


_process_copy: tuple[str, NameIndex] | None = None


def _build_name_index() -> NameIndex:
    names = (
        Actor.objects.annotate(is_name=Value(True, output_field=BooleanField()))
        .values_list("pk", "is_name", "name", "kind")
        .order_by()
    )
    aliases = (
        ActorAlias.objects.annotate(is_name=Value(False, output_field=BooleanField()))
        .values_list("actor_id", "is_name", "name", "actor__kind")
        .order_by()
    )
    rows = sorted(names.union(aliases, all=True), key=lambda row: (row[0], not row[1]))
    # A name is kept as its folded words: punctuation ("Kim Jong-un") reads as a space.
    lines = [" ".join(folded_words(name)) for _, _, name, _ in rows]
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return NameIndex(
        "\n".join(lines),
        starts,
        [row[0] for row in rows],
        [row[1] for row in rows],
        [row[3] == Actor.Kind.PERSON for row in rows],
    )


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


@dataclass(frozen=True)
class NamedActors:
    """The actors a query names in full, and every name and alias they go by (folded): a
    search for one of them also finds the pieces linked to them and those that name them
    otherwise ("Zelenskyy" finds the piece that says "Zelensky")."""

    actor_ids: tuple[int, ...] = ()
    names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.actor_ids)


def actors_named(query: str) -> NamedActors:
    """The actors the whole query names (at most ``NAMED_ACTORS``); no query to the
    database, the name index is in the cache."""
    phrase = " ".join(query_words(query))
    if len(phrase) < 2:
        return NamedActors()
    index = name_index()
    actor_ids = index.named(phrase)[:NAMED_ACTORS]
    if not actor_ids:
        return NamedActors()
    return NamedActors(tuple(actor_ids), tuple(index.names_of(actor_ids)))
