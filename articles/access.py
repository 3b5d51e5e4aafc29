"""Who reads a piece in full, as the article page asks it, and what the others see.

A piece's ``access`` (public, members, subscribers) says who it is for. Whether *this*
reader gets it whole depends on their account (subscription, monthly allowance, gift links),
which ``articles`` does not know: the rule is ``members.access``, which hands it over in its
``AppConfig.ready()`` (``register_reading_rule``), as the desk and the reader cache take
what apps above them give. Until then — or in a project without members — a gated piece is
shown to nobody in full.

What a reader without access sees of the body is decided here, once, for every route that
shows any of it (the page, search excerpts): the opening blocks (``opening_and_rest``) —
at most ``TEASER_BLOCKS`` top-level paragraphs, headings, lists or quotations, fewer once
``TEASER_WORDS`` are reached, never more than half the piece, never ending on a heading.
The cut falls between two top-level elements of the sanitised body, so both parts are
well-formed HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

TEASER_BLOCKS = 3
TEASER_WORDS = 150
# The class of the gated part's container on a full page: structured data names it.
GATED_PART_CLASS = "gated-part"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Reading:
    """How one reader meets one piece on the page.

    ``reader`` says who they are, for the invitation: "anonymous", "member" (logged in,
    never subscribed), "lapsed" (subscribed once), "subscriber", "newsroom" (staff who
    work on articles) or "guest" (a gift link, a shared preview).
    """

    full: bool
    reader: str = "anonymous"
    # Members' pieces read through the monthly allowance: how many remain after this one,
    # and the allowance itself; None when no allowance was used or asked for.
    remaining: int | None = None
    allowance: int | None = None
    # A subscriber may give this piece away (subscriber-only pieces).
    may_gift: bool = False

    @property
    def variant(self) -> str:
        """``full`` or ``teaser``: what the body shows, for anything keyed on it."""
        return "full" if self.full else "teaser"

    @property
    def used_allowance(self) -> bool:
        return self.full and self.remaining is not None


FULL = Reading(full=True, reader="guest")

ReadingRule = Callable[[object, object], Reading]


def _nobody_but_the_public(request, article) -> Reading:
    return Reading(full=not article.is_gated)


_rule: ReadingRule = _nobody_but_the_public


def register_reading_rule(rule: ReadingRule) -> None:
    """Hand over the rule that decides, per request, who reads a gated piece in full."""
    global _rule
    _rule = rule


def reading_for(request, article) -> Reading:
    """How the reader who made ``request`` meets ``article``: public pieces whole for
    everyone, gated ones by the registered rule."""
    if not article.is_gated:
        return Reading(full=True, reader="anonymous")
    return _rule(request, article)


class _TopLevelBlocks(HTMLParser):
    """Where each top-level element of a body ends, with its tag and its words."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self._html = html
        self._line_starts = [0]
        for line in html.splitlines(keepends=True):
            self._line_starts.append(self._line_starts[-1] + len(line))
        self._depth = 0
        self._tag = ""
        self._words = 0
        # (tag, end offset, words) of each top-level element, in order.
        self.blocks: list[tuple[str, int, int]] = []
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "hr", "img"):
            return
        if self._depth == 0:
            self._tag, self._words = tag, 0
        self._depth += 1

    def handle_data(self, data):
        if self._depth:
            self._words += len(data.split())

    def handle_endtag(self, tag):
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth == 0:
            end = self._html.index(">", self._offset()) + 1
            self.blocks.append((self._tag, end, self._words))


def opening_and_rest(body: str) -> tuple[str, str]:
    """The body cut in two at a block boundary: what readers without access see, and the
    rest, which only readers with access ever receive."""
    body = body or ""
    blocks = _TopLevelBlocks(body).blocks
    limit = min(TEASER_BLOCKS, len(blocks) // 2)
    taken, words = 0, 0
    while taken < limit and words < TEASER_WORDS:
        words += blocks[taken][2]
        taken += 1
    while taken and blocks[taken - 1][0] in HEADINGS:
        taken -= 1
    if not taken:
        return "", body
    cut = blocks[taken - 1][1]
    return body[:cut], body[cut:]


def opening(body: str) -> str:
    """What readers without access see of ``body``."""
    return opening_and_rest(body)[0]


def open_body(article) -> str:
    """The body's HTML as far as every reader may read it: the whole of a public piece, the
    opening of a gated one. Search indexes and quotes only this."""
    return opening(article.body) if article.is_gated else (article.body or "")
