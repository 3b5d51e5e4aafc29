"""Sources named in a piece: the outlet a free-text photo credit names, and the claims the
text attributes to a source.

A source is recognised by its name or one of its aliases, with the rules of mention
detection (accents folded, abbreviations such as "AP" only as written, whole words only).

An attribution is a source named where the sentence hands it a claim:

- before the name: "according to", "told", "reported by", "quoted by", "cited by",
  "interviewed by", "in an interview with", "speaking to", "confirmed to", "a report by",
  "reporting by", "writing in";
- after the name: "reported", "said", "wrote", "revealed", "confirmed", "quoted", "cited",
  "found", "learned", "disclosed", "announced", "published" (with "has", "had", "also" and
  the like before them, and the present tense), or a possessive followed by "report",
  "reporting", "investigation", "interview" or "analysis".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actors.mentions import (
    ActorNames,
    MentionIndex,
    Span,
    build_index,
    find_mentions,
    fold,
    fold_key,
    is_abbreviation,
)
from sources.models import Source, SourceAlias

_BEFORE = re.compile(
    r"(?:\baccording to|\btold|\breported by|\bquoted by|\bcited by|\binterviewed by"
    r"|\binterview with|\bspeaking to|\bconfirmed to|\bconfirmed by|\brevealed by"
    r"|\b(?:a |an )?(?:report|reports|reporting|story|article|investigation|analysis|"
    r"dispatch) (?:by|from|in)|\bwriting (?:in|for)|\bwrote in)"
    r"\s+(?:the\s+)?$"
)
_AFTER = re.compile(
    r"^(?:'s?\s+(?:own\s+)?(?:report|reports|reporting|investigation|interview|analysis|"
    r"reporters?|correspondents?)\b"
    r"|,?\s+(?:has\s+|had\s+|have\s+|also\s+|first\s+|later\s+|previously\s+|separately\s+|"
    r"again\s+|itself\s+)?(?:reported|reports|said|says|wrote|writes|revealed|reveals|"
    r"confirmed|confirms|quoted|quotes|cited|cites|learned|found|finds|disclosed|discloses|"
    r"announced|announces|published|publishes)\b)"
)
# "Image Credit: Reuters", "Photo: AP/Jane Doe", "Jane Doe via Reuters".
_CREDIT_PREFIX = re.compile(
    r"^\s*(?:(?:image|photo|picture|photograph)\s+credit|credit|photo|picture|photograph|"
    r"image|courtesy(?:\s+of)?|source)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
_CREDIT_PARTS = re.compile(r"\s*(?:/|\||;|,|\bvia\b|\bfor\b|\bfrom\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    source: ActorNames
    span: Span


class SourceDirectory:
    """Every source's names, ready to look up credits and attributions."""

    def __init__(self, sources: list[ActorNames]):
        self.index: MentionIndex = build_index(sources)
        self._by_name: dict[str, list[tuple[ActorNames, str | None]]] = {}
        for source in sources:
            for name in {source.name, *source.aliases}:
                exact = fold(name) if is_abbreviation(name) else None
                self._by_name.setdefault(fold_key(name), []).append((source, exact))

    @classmethod
    def load(cls) -> SourceDirectory:
        aliases: dict[int, list[str]] = {}
        for source_id, name in SourceAlias.objects.values_list("source_id", "name"):
            aliases.setdefault(source_id, []).append(name)
        return cls(
            [
                ActorNames(pk, name, tuple(aliases.get(pk, ())), slug, kind)
                for pk, name, slug, kind in Source.objects.values_list("pk", "name", "slug", "kind")
            ]
        )

    def _named(self, text: str) -> ActorNames | None:
        text = text.strip(" .")
        for source, exact in self._by_name.get(fold_key(text), ()):
            if exact is None or " ".join(fold(text).split()) == exact:
                return source
        return None

    def for_credit(self, credit: str) -> ActorNames | None:
        """The source a free-text credit names, whole or as one of its parts."""
        credit = _CREDIT_PREFIX.sub("", " ".join(credit.split()))
        found = self._named(credit)
        if found:
            return found
        for part in _CREDIT_PARTS.split(credit):
            found = self._named(part) if part else None
            if found:
                return found
        return None

    def attributions(self, text: str) -> list[Attribution]:
        """Every place ``text`` hands a claim to a known source, in reading order."""
        found = []
        for mention in find_mentions(text, self.index).actors:
            for span in mention.spans:
                before = fold(text[max(0, span.start - 60) : span.start]).lower()
                after = fold(text[span.end : span.end + 60]).lower()
                if _BEFORE.search(before) or _AFTER.match(after):
                    found.append(Attribution(mention.actor, span))
        return sorted(found, key=lambda attribution: attribution.span.start)
