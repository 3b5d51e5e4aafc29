"""Claims attributed to a source the piece does not cite ("According to Reuters, …" with no
citation of Reuters). One finding per source, naming it, with every place it is credited."""

from __future__ import annotations

from collections.abc import Iterator

from .document import ArticleDocument
from .registry import Severity, register


def _blocks(numbers: list[int]) -> str:
    unique = list(dict.fromkeys(numbers))
    if len(unique) == 1:
        return f"Block {unique[0]} attributes a claim"
    listed = ", ".join(str(n) for n in unique[:-1]) + f" and {unique[-1]}"
    return f"Blocks {listed} attribute claims"


@register("uncited_attribution", Severity.BLOCKING, "A claim attributed to an uncited source")
def uncited_attribution(document: ArticleDocument, found) -> Iterator:
    attributions = document.source_directory.attributions(document.text)
    by_source: dict[int, list] = {}
    for attribution in attributions:
        if attribution.source.id not in document.cited_source_ids:
            by_source.setdefault(attribution.source.id, []).append(attribution)
    for uncited in by_source.values():
        source = uncited[0].source
        places = [document.place_of(attribution.span) for attribution in uncited]
        numbers = [place.block for place in places if place.block is not None]
        where = _blocks(numbers) if numbers else f"The {places[0].describe()} attributes a claim"
        yield found(
            f"{where} to {source.name}, but the piece does not cite {source.name}. "
            f"Add {source.name} to the citations, or rephrase.",
            places[0],
            key=str(source.id),
            source={"id": source.id, "name": source.name, "slug": source.slug},
            occurrences=len(uncited),
        )
