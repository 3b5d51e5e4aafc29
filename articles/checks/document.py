"""A piece as the publish checks read it: its fields, its body cut into blocks, and the
places in it.

The body's blocks are its top-level paragraphs, headings, lists and quotations, numbered from
1 in reading order; the checks point editors at them by number ("block 12"). The text that
mention detection searches is the headline, the standfirst, the caption and every block,
each on its own, so that no name is read across two of them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

from actors.mentions import MentionIndex, MentionResult, Span, find_mentions

from .registry import Place

BLOCK_TAGS = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "ul": "list",
    "ol": "list",
    "blockquote": "quotation",
    "pre": "paragraph",
}
SEGMENT_BREAK = "\n\n"


@dataclass(frozen=True)
class Block:
    number: int
    kind: str
    text: str
    level: int = 0

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


class _BlockParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int, list[str]]] = []
        self._open: tuple[str, int, list[str]] | None = None
        self._depth = 0
        self._loose: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        if self._open is None:
            if tag in BLOCK_TAGS:
                self._flush_loose()
                level = int(tag[1]) if BLOCK_TAGS[tag] == "heading" else 0
                self._open = (BLOCK_TAGS[tag], level, [])
                self._tag, self._depth = tag, 1
            elif tag == "br":
                self._loose.append(" ")
            return
        if tag == self._tag:
            self._depth += 1
        if tag in ("br", "li", "p"):
            # List items and a quotation's paragraphs are words apart, not run together.
            self._open[2].append(" ")

    def handle_endtag(self, tag):
        if self._open is not None and tag == self._tag:
            self._depth -= 1
            if self._depth == 0:
                self.blocks.append(self._open)
                self._open = None

    def handle_data(self, data):
        (self._open[2] if self._open is not None else self._loose).append(data)

    def _flush_loose(self):
        if "".join(self._loose).strip():
            self.blocks.append(("paragraph", 0, self._loose))
        self._loose = []

    def close(self):
        super().close()
        if self._open is not None:
            self.blocks.append(self._open)
            self._open = None
        self._flush_loose()


def body_blocks(html: str) -> list[Block]:
    """The body's top-level blocks, in order, as plain text with single spaces."""
    parser = _BlockParser()
    parser.feed(html or "")
    parser.close()
    return [
        Block(number, kind, " ".join("".join(parts).split()), level)
        for number, (kind, level, parts) in enumerate(parser.blocks, start=1)
    ]


def excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Segment:
    """One field, or one block of the body, inside the searchable text."""

    start: int
    field: str
    block: Block | None
    text: str


def build_segments(headline: str, dek: str, caption: str, blocks: list[Block]) -> list[Segment]:
    parts = [("headline", None, headline), ("dek", None, dek), ("caption", None, caption)]
    parts += [("body", block, block.text) for block in blocks]
    segments, start = [], 0
    for field_name, block, text in parts:
        text = " ".join((text or "").split())
        if not text:
            continue
        segments.append(Segment(start, field_name, block, text))
        start += len(text) + len(SEGMENT_BREAK)
    return segments


def searchable_text(segments: list[Segment]) -> str:
    return SEGMENT_BREAK.join(segment.text for segment in segments)


def article_text(article) -> str:
    """The words of a piece that name actors: headline, standfirst, caption and body."""
    blocks = body_blocks(article.body)
    return searchable_text(
        build_segments(article.headline, article.dek, article.lead_image_caption, blocks)
    )


class ArticleDocument:
    """One piece, read once for all the checks; related rows are fetched when first needed.

    ``actor_index`` and ``source_directory`` may be passed in (an import reuses them);
    otherwise the process's current ones are used.
    """

    def __init__(self, article, actor_index: MentionIndex | None = None, source_directory=None):
        self.article = article
        self.headline = article.headline or ""
        self.dek = article.dek or ""
        self.caption = article.lead_image_caption or ""
        self.blocks = body_blocks(article.body)
        self._actor_index = actor_index
        self._source_directory = source_directory

    # --- Text and places --------------------------------------------------------------

    @cached_property
    def segments(self) -> list[Segment]:
        return build_segments(self.headline, self.dek, self.caption, self.blocks)

    @cached_property
    def text(self) -> str:
        return searchable_text(self.segments)

    def segment_at(self, offset: int) -> Segment:
        starts = [segment.start for segment in self.segments]
        return self.segments[max(0, bisect_right(starts, offset) - 1)]

    def place_of(self, span: Span) -> Place:
        segment = self.segment_at(span.start)
        return Place(
            segment.field,
            segment.block.number if segment.block else None,
            self.excerpt_around(span),
        )

    def excerpt_around(self, span: Span, before: int = 40, after: int = 60) -> str:
        """The words around a span, cut at word boundaries."""
        segment = self.segment_at(span.start)
        text = segment.text
        start = max(0, span.start - segment.start - before)
        end = min(len(text), span.end - segment.start + after)
        if start:
            start = text.rfind(" ", 0, start) + 1
        if end < len(text):
            following = text.find(" ", end)
            end = following if following != -1 else len(text)
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")

    # --- The lead image -----------------------------------------------------------------

    @property
    def has_lead_image(self) -> bool:
        return bool(self.article.lead_image)

    @property
    def lead_image_name(self) -> str:
        return self.article.lead_image.name if self.article.lead_image else ""

    # --- Related rows -------------------------------------------------------------------

    @cached_property
    def cited_source_ids(self) -> frozenset[int]:
        if self.article.pk is None:
            return frozenset()
        return frozenset(self.article.citations.values_list("source_id", flat=True))

    @cached_property
    def author_ids(self) -> frozenset[int]:
        if self.article.pk is None:
            return frozenset()
        return frozenset(self.article.bylines.values_list("author_id", flat=True))

    @cached_property
    def linked_actor_ids(self) -> frozenset[int]:
        if self.article.pk is None:
            return frozenset()
        return frozenset(self.article.actor_links.values_list("actor_id", flat=True))

    @cached_property
    def dismissed_actor_ids(self) -> frozenset[int]:
        if self.article.pk is None:
            return frozenset()
        return frozenset(self.article.dismissed_actors.values_list("actor_id", flat=True))

    # --- Names found in the text ----------------------------------------------------------

    @cached_property
    def actor_mentions(self) -> MentionResult:
        from actors.mention_index import current_index

        return find_mentions(self.text, self._actor_index or current_index())

    @cached_property
    def source_directory(self):
        from .sources import SourceDirectory

        return self._source_directory or SourceDirectory.load()
