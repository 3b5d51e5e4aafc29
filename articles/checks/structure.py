"""Checks on the shape of a piece: repeated blocks, headings, the standfirst, the headline.

A repeated run is two or more consecutive blocks (paragraphs, headings, lists, quotations)
that appear again word for word, as a copy-paste slip leaves them; it is reported once, with
its length and where each copy starts. A single paragraph that appears twice outside such a
run is reported on its own, and a heading that appears twice outside one is a duplicated
heading. Blocks of fewer than five words ("Read more") are not counted as repeated.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator

from actors.mentions import fold_key

from .document import ArticleDocument, Block, excerpt
from .registry import Place, Severity, register

HEADLINE_LIMIT = 110
MIN_REPEATED_WORDS = 5


def _keys(blocks: list[Block]) -> list[str | None]:
    return [fold_key(block.text) or None for block in blocks]


def _digest(*parts: str) -> str:
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:12]


def _maximal_runs(keys: list[str | None]) -> list[tuple[int, int, int]]:
    """(first start, second start, length) of every maximal repeated run, copies apart."""
    positions: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key is not None:
            positions[key].append(i)
    runs = []
    for places in positions.values():
        for a, i in enumerate(places):
            for j in places[a + 1 :]:
                if i > 0 and keys[i - 1] is not None and keys[i - 1] == keys[j - 1]:
                    continue  # inside a longer run that starts earlier
                length = 0
                while (
                    j + length < len(keys)
                    and i + length < j
                    and keys[i + length] is not None
                    and keys[i + length] == keys[j + length]
                ):
                    length += 1
                runs.append((i, j, length))
    return runs


def _occurrences(keys: list[str | None], content: tuple, covered: set[int]) -> list[int]:
    """Where ``content`` appears, without overlapping itself or blocks already reported."""
    starts, size, i = [], len(content), 0
    while i + size <= len(keys):
        span = range(i, i + size)
        if tuple(keys[i : i + size]) == content and not covered.intersection(span):
            starts.append(i)
            i += size
        else:
            i += 1
    return starts


def _repetitions_of(document: ArticleDocument) -> tuple[list[tuple[list[int], int]], set[int]]:
    """The piece's repetitions, found once for the three checks that need them."""
    if not hasattr(document, "_repetitions"):
        document._repetitions = repetitions(document.blocks)
    return document._repetitions


def repetitions(blocks: list[Block]) -> tuple[list[tuple[list[int], int]], set[int]]:
    """Repeated runs as (block indexes where each copy starts, length), and every block
    index they cover; longest runs first."""
    keys = _keys(blocks)
    covered: set[int] = set()
    found = []
    seen = set()
    for i, _j, length in sorted(_maximal_runs(keys), key=lambda run: (-run[2], run[0])):
        if length < 2:
            continue
        content = tuple(keys[i : i + length])
        if content in seen:
            continue
        seen.add(content)
        if max(blocks[k].words for k in range(i, i + length)) < MIN_REPEATED_WORDS:
            continue
        starts = _occurrences(keys, content, covered)
        if len(starts) < 2:
            continue
        for start in starts:
            covered.update(range(start, start + length))
        found.append((starts, length))
    return found, covered


def _numbers(numbers: list[int]) -> str:
    names = [str(n) for n in numbers]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _counted(count: int, singular: str) -> str:
    return f"{count} {singular}{'' if count == 1 else 's'}"


@register("repeated_blocks", Severity.BLOCKING, "A run of blocks printed twice")
def repeated_blocks(document: ArticleDocument, found) -> Iterator:
    blocks = document.blocks
    runs, _ = _repetitions_of(document)
    for starts, length in runs:
        run = blocks[starts[0] : starts[0] + length]
        headings = sum(block.is_heading for block in run)
        parts = [_counted(length - headings, "paragraph")] if length - headings else []
        parts += [_counted(headings, "heading")] if headings else []
        words = sum(block.words for block in run)
        first, second = blocks[starts[0]].number, blocks[starts[1]].number
        copies = [blocks[start].number for start in starts]
        where = (
            f"again as blocks {second}–{second + length - 1}"
            if len(starts) == 2
            else f"{len(starts)} times, starting at blocks {_numbers(copies)}"
        )
        yield found(
            f"Blocks {first}–{first + length - 1} ({' and '.join(parts)}, {words} words) "
            f"appear {where}, word for word. Delete the extra copy.",
            Place("body", second, excerpt(blocks[starts[1]].text)),
            key=_digest(*(block.text for block in run)),
            length=length,
            words=words,
            first=first,
            second=second,
            copies=copies,
        )


@register("repeated_paragraph", Severity.WARNING, "A paragraph printed twice")
def repeated_paragraph(document: ArticleDocument, found) -> Iterator:
    blocks = document.blocks
    _, covered = _repetitions_of(document)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (block, key) in enumerate(zip(blocks, _keys(blocks), strict=True)):
        if key and not block.is_heading and i not in covered and block.words >= MIN_REPEATED_WORDS:
            groups[key].append(i)
    for places in groups.values():
        if len(places) < 2:
            continue
        numbers = [blocks[i].number for i in places]
        text = blocks[places[0]].text
        yield found(
            f"Block {numbers[1]} repeats block {numbers[0]} word for word: “{excerpt(text, 60)}”. "
            "Delete one of them.",
            Place("body", numbers[1], excerpt(text)),
            key=_digest(text),
            first=numbers[0],
            second=numbers[1],
            copies=numbers,
        )


@register("empty_heading", Severity.WARNING, "An empty heading")
def empty_heading(document: ArticleDocument, found) -> Iterator:
    for block in document.blocks:
        if block.is_heading and not block.text:
            yield found(
                f"Block {block.number} is an empty heading: write it or remove it.",
                Place("body", block.number),
                key=str(block.number),
            )


@register("duplicate_heading", Severity.WARNING, "The same heading twice")
def duplicate_heading(document: ArticleDocument, found) -> Iterator:
    blocks = document.blocks
    _, covered = _repetitions_of(document)
    groups: dict[str, list[Block]] = defaultdict(list)
    for i, (block, key) in enumerate(zip(blocks, _keys(blocks), strict=True)):
        if block.is_heading and key and i not in covered:
            groups[key].append(block)
    for same in groups.values():
        if len(same) < 2:
            continue
        numbers = [block.number for block in same]
        yield found(
            f"The heading “{same[0].text}” appears {len(same)} times, at blocks "
            f"{_numbers(numbers)}. Give each part its own heading.",
            Place("body", numbers[1], same[0].text),
            key=_digest(same[0].text),
            copies=numbers,
        )


@register("missing_dek", Severity.WARNING, "No standfirst")
def missing_dek(document: ArticleDocument, found) -> Iterator:
    if not document.dek.strip():
        yield found(
            "The piece has no standfirst: add one or two sentences under the headline; "
            "cards, feeds and search results show it.",
            Place("dek"),
        )


@register("long_headline", Severity.WARNING, f"A headline over {HEADLINE_LIMIT} characters")
def long_headline(document: ArticleDocument, found) -> Iterator:
    length = len(document.headline.strip())
    if length > HEADLINE_LIMIT:
        yield found(
            f"The headline has {length} characters; keep it to {HEADLINE_LIMIT} or fewer so "
            "that cards and search results show it whole.",
            Place("headline", excerpt=excerpt(document.headline, 60)),
            length=length,
        )
