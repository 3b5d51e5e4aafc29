"""Actors the text names that are not linked to the piece, and names it leaves ambiguous.

Actors an editor dismissed for the piece are not reported again."""

from __future__ import annotations

from collections.abc import Iterator

from .document import ArticleDocument
from .registry import Severity, register


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _either(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}"


@register("unlinked_actor", Severity.WARNING, "An actor named but not linked")
def unlinked_actor(document: ArticleDocument, found) -> Iterator:
    mentions = document.actor_mentions
    settled = document.linked_actor_ids | document.dismissed_actor_ids
    for mention in mentions.actors:
        if mention.actor.id in settled:
            continue
        place = document.place_of(mention.spans[0])
        yield found(
            f"{mention.actor.name} is named {_times(mention.count)} (first in "
            f"{place.describe()}) but not linked to the piece.",
            place,
            key=str(mention.actor.id),
            actor={"id": mention.actor.id, "name": mention.actor.name, "slug": mention.actor.slug},
            mentions=mention.count,
        )
    for ambiguous in mentions.ambiguous:
        if any(candidate.id in settled for candidate in ambiguous.candidates):
            continue
        place = document.place_of(ambiguous.spans[0])
        names = [candidate.name for candidate in ambiguous.candidates]
        yield found(
            f"“{ambiguous.name}” ({_times(ambiguous.count)}, first in {place.describe()}) could "
            f"mean {_either(names)}: link the one meant by hand.",
            place,
            key="ambiguous:" + "-".join(str(c.id) for c in ambiguous.candidates),
            candidates=names,
            mentions=ambiguous.count,
        )
