"""Finding the actors a text names, by name or alias: the rules of mention detection.

The rules, in the order they apply:

- Accents and apostrophes are folded both ways: "Orban" finds Viktor Orbán and "Orbán" finds
  an actor stored as Orban; "Orbán’s" (curly apostrophe) is read as "Orbán's".
- Ordinary names match whatever their case ("ORBÁN" in a heading), with two exceptions for
  a one-word name or alias, which copy also uses as an ordinary word. Written all in lower
  case it is that word and names nobody ("turkey", "china", "chad", "may"), unless the name
  itself is stored in lower case. A month's name ("May", "March", "August") names nobody
  where the text uses it as a month: before a day or a year ("May 2024", "May 12"), after a
  day ("12 May", "the 12th of May"), or after "in", "since", "until", "early", "late",
  "mid-" and the like ("in May", "mid-May"), but not as a possessive ("May's cabinet"). A
  name of several words is left alone. An
  abbreviation, that is
  an alias of up to five letters written all in capitals ("EU", "UN", "U.S.", "NATO"),
  matches only as written, so "us", "who" or "Nato" never link the United States, the WHO or
  NATO. Short abbreviations also match with or without dots ("US" and "U.S.").
- A name matches only as whole words: never inside another word ("EU" in "Europe"), while
  possessives ("Fico's"), hyphenated compounds ("U.S.-Russia", "EU-Russia") and a title
  before a name ("Prime Minister Robert Fico") leave the name intact.
- Where names overlap, the longest wins ("Robert Kennedy" over "Kennedy"). Names of other
  things may be given as shadows: they take part in that contest but name nobody, so "the
  Budapest Memorandum" (a document) does not name Hungary by its alias "Budapest".
- An alias shared by several actors (two Kennedys) is linked to the one of them that the
  same paragraph names unambiguously ("Robert Kennedy met the ambassador. Kennedy said…");
  when the paragraph names none of them, to the one the whole text names. When that leaves
  none or more than one, the name is reported as ambiguous and linked to nobody. Paragraphs
  are separated by a blank line.
- A title and name of the same actor written side by side ("Hungarian Prime Minister Viktor
  Orbán") count as one mention.

The module is plain Python with no Django: ``build_index`` turns named records into a
``MentionIndex`` once (an Aho-Corasick automaton over every folded name), and
``find_mentions`` runs a text through it. Anything with names can be indexed; the newsroom
indexes actors (``actors.mention_index``) and, for attributions and credits, sources.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

# --- Folding --------------------------------------------------------------------------------
#
# Folding must keep every character in place, so that a span found in the folded text is the
# same span in the text as written. Each character therefore maps to exactly one character.

_APOSTROPHES = "’‘‛ʼʹ′´`"
_DASHES = "‐‑‒–—―−"
_EXTRA_LETTERS = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ħ": "h",
    "Ħ": "H",
    "ı": "i",
    "İ": "I",
    "ŧ": "t",
    "Ŧ": "T",
}
# Line and paragraph breaks stay breaks; every other kind of space becomes a plain space.
_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [range(0x00C0, 0x0250), range(0x1E00, 0x1F00)]
    for code in (c for r in ranges for c in r):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base != char:
            table[code] = base
    for char, base in _EXTRA_LETTERS.items():
        table[ord(char)] = base
    for char in _APOSTROPHES:
        table[ord(char)] = "'"
    for char in _DASHES:
        table[ord(char)] = "-"
    for code in range(0x3001):  # every space character lies below U+3001
        char = chr(code)
        if char.isspace():
            table[code] = "\n" if char in _BREAKS else " "
    return table


_FOLD = _fold_table()
# Runs of spaces collapse to one space; a blank line (two breaks or more) is a hard boundary
# that no name crosses, while a single line break inside a name ("Viktor\nOrbán") is a space.
_SPACE_RUN = re.compile(r"[ \n]{2,}|\n")
_HARD_BREAK = "\n"
_BREAK = re.compile(_HARD_BREAK)


def fold(text: str) -> str:
    """The text with accents, apostrophes, dashes and spaces folded, case kept."""
    return text.translate(_FOLD)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A handful of characters lower to two; keep them as they are to keep positions.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold_key(name: str) -> str:
    """How a name is compared: folded, lower case, single spaces."""
    return _lower(" ".join(fold(name).split()))


@dataclass(frozen=True)
class _Folded:
    """A text prepared for matching, with the way back to positions in the original."""

    cased: str
    lowered: str
    # (position in the prepared text, characters removed before it) at every squeezed run.
    shifts: tuple[tuple[int, int], ...]

    def original(self, position: int) -> int:
        if not self.shifts:
            return position
        i = bisect_right(self.shifts, (position, float("inf"))) - 1
        return position + (self.shifts[i][1] if i >= 0 else 0)


def _prepare(text: str) -> _Folded:
    folded = fold(text)
    shifts: list[tuple[int, int]] = []
    if "  " in folded or "\n" in folded:
        parts: list[str] = []
        last = removed = 0
        for run in _SPACE_RUN.finditer(folded):
            parts.append(folded[last : run.start()])
            parts.append(_HARD_BREAK if run.group().count("\n") >= 2 else " ")
            removed += len(run.group()) - 1
            shifts.append((run.start() - (removed - len(run.group()) + 1) + 1, removed))
            last = run.end()
        parts.append(folded[last:])
        folded = "".join(parts)
    return _Folded(folded, _lower(folded), tuple(shifts))


# --- The index -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorNames:
    """One record to look for: its name and aliases, with what a report shows of it."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()
    slug: str = ""
    kind: str = ""


_MAX_ABBREVIATION_LETTERS = 5
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,4}$")
_UNDOTTED = re.compile(r"^[A-Z]{2,4}$")


def is_abbreviation(alias: str) -> bool:
    """Up to five letters, all capitals ("EU", "U.S.", "NATO"): matched only as written."""
    letters = [c for c in alias if c.isalpha()]
    return (
        2 <= len(letters) <= _MAX_ABBREVIATION_LETTERS
        and all(c.isupper() for c in letters)
        and not any(c.islower() for c in alias)
    )


def _spellings(alias: str) -> set[str]:
    """The alias and, for a short abbreviation, its dotted or undotted twin."""
    spellings = {alias}
    if _UNDOTTED.match(alias):
        spellings.add("".join(f"{letter}." for letter in alias))
    elif _DOTTED.match(alias):
        spellings.add(alias.replace(".", ""))
    return spellings


@dataclass
class MentionIndex:
    """Every name and alias of a set of records, ready to search texts for them."""

    records: tuple[ActorNames, ...]
    automaton: ahocorasick.Automaton | None
    keys: int
    version: str = ""
    # One-word keys some record stores in lower case: those match in lower case too.
    lower_case_keys: frozenset[str] = frozenset()
    by_id: dict[int, ActorNames] = field(init=False, repr=False)

    def __post_init__(self):
        self.by_id = {record.id: record for record in self.records}

    def __len__(self) -> int:
        return len(self.records)


_SHADOW = -1


def build_index(
    actors: Iterable[ActorNames], version: str = "", shadows: Iterable[str] = ()
) -> MentionIndex:
    """Index the names and aliases of ``actors`` (or of any named records).

    ``shadows`` are names of other things that contain actors' names ("The Washington
    Post"); where one of them stands in a text, the actor names inside it do not count.
    """
    records = tuple(actors)
    # key -> [(record position, exact spelling or None)]; plain tuples of ints and strings,
    # which the garbage collector stops tracking, so a large index adds no pauses.
    entries: dict[str, list[tuple[int, str | None]]] = {}
    lower_case_keys: set[str] = set()
    for position, record in enumerate(records):
        for alias in {record.name, *record.aliases}:
            alias = " ".join(alias.split())
            if not any(c.isalnum() for c in alias):
                continue
            if " " not in alias and not any(c.isupper() for c in alias):
                lower_case_keys.add(fold_key(alias))
            abbreviation = is_abbreviation(alias)
            for spelling in _spellings(alias) if abbreviation else {alias}:
                entry = (position, fold(spelling) if abbreviation else None)
                found = entries.setdefault(fold_key(spelling), [])
                if entry not in found:
                    found.append(entry)
    for shadow in shadows:
        key = fold_key(shadow)
        if len(key.split()) > 1 and key not in entries:
            entries[key] = [(_SHADOW, None)]
    automaton = None
    if entries:
        automaton = ahocorasick.Automaton()
        for key, found in entries.items():
            automaton.add_word(key, (len(key), tuple(found)))
        automaton.make_automaton()
    return MentionIndex(records, automaton, len(entries), version, frozenset(lower_case_keys))


# --- Finding -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Where a mention stands in the text as given: ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorMention:
    """An actor the text names, with every place it does so."""

    actor: ActorNames
    spans: tuple[Span, ...]

    @property
    def count(self) -> int:
        return len(self.spans)


@dataclass(frozen=True)
class AmbiguousMention:
    """A name several actors share that the text does not settle: linked to none of them."""

    name: str
    candidates: tuple[ActorNames, ...]
    spans: tuple[Span, ...]

    @property
    def count(self) -> int:
        return len(self.spans)


@dataclass(frozen=True)
class MentionResult:
    actors: tuple[ActorMention, ...] = ()
    ambiguous: tuple[AmbiguousMention, ...] = ()

    def get(self, actor_id: int) -> ActorMention | None:
        return next((m for m in self.actors if m.actor.id == actor_id), None)

    @property
    def actor_ids(self) -> set[int]:
        return {mention.actor.id for mention in self.actors}


@dataclass
class _Match:
    start: int
    end: int
    candidates: tuple[int, ...]
    key: str
    actor: int | None = None


def _word_char(char: str) -> bool:
    return char.isalnum()


def _raw_matches(prepared: _Folded, index: MentionIndex) -> list[_Match]:
    text, cased = prepared.lowered, prepared.cased
    length = len(text)
    matches = []
    for last, (size, entries) in index.automaton.iter(text):
        start, end = last - size + 1, last + 1
        if start > 0 and _word_char(text[start - 1]) and _word_char(text[start]):
            continue
        if end < length and _word_char(text[end]) and _word_char(text[last]):
            continue
        candidates = tuple(
            dict.fromkeys(
                record for record, exact in entries if exact is None or cased[start:end] == exact
            )
        )
        if candidates:
            matches.append(_Match(start, end, candidates, text[start:end]))
    return matches


def _longest_first(matches: list[_Match]) -> list[_Match]:
    """Keep the longest of overlapping matches; among equals, the first."""
    kept: list[_Match] = []
    starts: list[int] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        i = bisect_right(starts, match.start)
        if i > 0 and kept[i - 1].end > match.start:
            continue
        if i < len(kept) and kept[i].start < match.end:
            continue
        starts.insert(i, match.start)
        kept.insert(i, match)
    return kept


def _resolve(matches: list[_Match], text: str) -> None:
    """Settle shared names by the actors named unambiguously in the same paragraph or,
    when the paragraph names none of them, in the whole text."""
    breaks = [found.start() for found in _BREAK.finditer(text)]
    in_text: set[int] = set()
    in_paragraph: dict[int, set[int]] = {}
    for match in matches:
        if len(match.candidates) == 1:
            in_text.add(match.candidates[0])
            in_paragraph.setdefault(bisect_right(breaks, match.start), set()).add(
                match.candidates[0]
            )
    for match in matches:
        if len(match.candidates) == 1:
            match.actor = match.candidates[0]
            continue
        nearby = in_paragraph.get(bisect_right(breaks, match.start), set())
        present = [c for c in match.candidates if c in nearby]
        if not present:
            present = [c for c in match.candidates if c in in_text]
        if len(present) == 1:
            match.actor = present[0]


_SAME_MENTION_GAP = re.compile(r"^[ ,]{1,3}$")

_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_DAY_OR_YEAR_AFTER = re.compile(r"^[ ,]{0,2}(?:\d{1,2}(?:st|nd|rd|th)?\b|\d{4}\b|'\d\d\b)")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?(?: of)?[ ,]{1,2}$", re.IGNORECASE)
_MONTH_WORDS_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|through|throughout|during|early|late|last|next|this|each|"
    r"every)[ -]|\bmid-)$",
    re.IGNORECASE,
)


def _ordinary_word(match: _Match, cased: str, index: MentionIndex) -> bool:
    """A one-word name used as an ordinary word: in lower case, or a month used as a date."""
    if " " in match.key:
        return False
    written = cased[match.start : match.end]
    if not any(c.isupper() for c in written) and match.key not in index.lower_case_keys:
        return True
    if match.key not in _MONTHS or cased[match.end : match.end + 2] in ("'s", "'S"):
        return False
    before = cased[max(0, match.start - 24) : match.start]
    after = cased[match.end : match.end + 8]
    return bool(
        _DAY_OR_YEAR_AFTER.match(after)
        or _DAY_BEFORE.search(before)
        or _MONTH_WORDS_BEFORE.search(before)
    )


def find_mentions(text: str, index: MentionIndex) -> MentionResult:
    """Every actor ``text`` names, with its spans, and the names it leaves ambiguous."""
    if index.automaton is None or not text:
        return MentionResult()
    prepared = _prepare(text)
    matches = [
        match
        for match in _longest_first(_raw_matches(prepared, index))
        if match.candidates[0] != _SHADOW and not _ordinary_word(match, prepared.cased, index)
    ]
    _resolve(matches, prepared.cased)

    def span(match: _Match) -> Span:
        start, end = prepared.original(match.start), prepared.original(match.end)
        return Span(start, end, text[start:end])

    linked: dict[int, list[Span]] = {}
    previous: _Match | None = None
    ambiguous: dict[tuple[str, tuple[int, ...]], list[Span]] = {}
    for match in matches:
        if match.actor is None:
            group = (match.key, tuple(sorted(match.candidates)))
            ambiguous.setdefault(group, []).append(span(match))
            previous = None
            continue
        gap = prepared.cased[previous.end : match.start] if previous else ""
        if previous and previous.actor == match.actor and _SAME_MENTION_GAP.match(gap):
            # "Hungarian Prime Minister Viktor Orbán": a title and the name, one mention.
            spans = linked[match.actor]
            start, end = spans[-1].start, span(match).end
            spans[-1] = Span(start, end, text[start:end])
        else:
            linked.setdefault(match.actor, []).append(span(match))
        previous = match

    records = index.records
    return MentionResult(
        actors=tuple(
            ActorMention(records[position], tuple(spans)) for position, spans in linked.items()
        ),
        ambiguous=tuple(
            AmbiguousMention(
                name=spans[0].text,
                candidates=tuple(records[c] for c in candidates),
                spans=tuple(spans),
            )
            for (_, candidates), spans in ambiguous.items()
        ),
    )
