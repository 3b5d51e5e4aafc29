"""Drawing a network so that it can be read: every actor named, no name over another, nothing
outside the drawing, the text at a size one reads on a phone.

A drawing is made for the width it is shown at (a phone's column, a desktop page): its units
are about CSS pixels there, so ``FONT_SIZE`` units render at about that many pixels. Each
actor is a box holding its circle and, beneath it, its name wrapped to a few short lines. The
boxes start where a layout put the nodes (a force-directed one, or a ring), are pushed apart
until none overlap, and a last pass moves down any that still do: the drawing grows taller
rather than letting two names collide. Text widths are estimated from the widths of a broad
sans-serif (DejaVu Sans, wider than the system fonts readers mostly have), so a name takes
no more room on screen than its box.
"""

import math
import unicodedata
from dataclasses import dataclass, field
from typing import Any

FONT_SIZE = 13
LINE_HEIGHT = 16
GAP = 4  # between a circle and its name, and between two boxes
PAD = 4  # between a box and the edge of the drawing

# Advance widths in ems, close to DejaVu Sans; letters not listed take DEFAULT_WIDTH.
CHAR_WIDTHS = {
    **dict.fromkeys(" .,;:'!|ijlIJ", 0.32),
    **dict.fromkeys("ft()[]/-", 0.4),
    **dict.fromkeys("rs", 0.53),
    **dict.fromkeys("MW", 1.0),
    **dict.fromkeys("mw", 0.98),
    **dict.fromkeys("ABCDGHKNOQRUVXZ&", 0.79),
    **dict.fromkeys("EFLPSTY", 0.64),
}
DEFAULT_WIDTH = 0.64
UNKNOWN_WIDTH = 1.0  # another script: as wide as a CJK character
BOLD = 1.12


def text_width(text: str, font_size: float = FONT_SIZE, bold: bool = False) -> float:
    """An upper estimate of ``text``'s width in a sans-serif at ``font_size``."""
    ems = 0.0
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1] or char
        if base in CHAR_WIDTHS:
            ems += CHAR_WIDTHS[base]
        else:
            ems += DEFAULT_WIDTH if base.isascii() else UNKNOWN_WIDTH
    return ems * font_size * (BOLD if bold else 1.0)


def wrap(text: str, max_width: float, font_size: float = FONT_SIZE, bold: bool = False):
    """``text`` in lines no wider than ``max_width`` (a word wider than that is cut and
    ends with an ellipsis: the list beside the drawing gives the whole name)."""
    lines: list[str] = []
    for word in text.split():
        while text_width(word, font_size, bold) > max_width:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "…", font_size, bold) > max_width:
                cut -= 1
            word = word[:cut] + "…"
        if lines and text_width(f"{lines[-1]} {word}", font_size, bold) <= max_width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


@dataclass
class Mark:
    """One actor as drawn: a circle at (x, y) with its name in ``lines`` beneath it."""

    node: Any
    r: float
    lines: list[str]
    label_width: float
    x: float = 0.0
    y: float = 0.0
    half_width: float = field(init=False)
    below: float = field(init=False)  # from the centre to the bottom of the name

    def __post_init__(self):
        # Fixed once the name is wrapped: only the position moves.
        self.half_width = max(self.r, self.label_width / 2)
        self.below = self.r + GAP + len(self.lines) * LINE_HEIGHT

    @property
    def left(self) -> float:
        return self.x - self.half_width

    @property
    def right(self) -> float:
        return self.x + self.half_width

    @property
    def top(self) -> float:
        return self.y - self.r

    @property
    def bottom(self) -> float:
        return self.y + self.below

    @property
    def label_lines(self) -> list[tuple[str, float]]:
        """Each line of the name with its baseline."""
        first = self.y + self.r + GAP + FONT_SIZE
        return [(line, round(first + i * LINE_HEIGHT, 1)) for i, line in enumerate(self.lines)]

    def overlaps(self, other: "Mark") -> bool:
        return (
            abs(self.x - other.x) < self.half_width + other.half_width + GAP
            and self.top < other.bottom + GAP
            and other.top < self.bottom + GAP
        )


@dataclass
class Line:
    """An edge as drawn."""

    edge: Any
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass
class Drawing:
    """A network laid out for one width. ``fit`` says where it is shown: "narrow" (phones),
    "wide" (desktop) or "any"."""

    width: int
    height: int
    fit: str
    marks: list[Mark] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    font_size: int = FONT_SIZE

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def draw(
    nodes: list,
    edges: list,
    positions: dict[int, tuple[float, float]],
    *,
    width: int,
    height: int,
    fit: str,
    radius: tuple[float, float] = (5.0, 14.0),
    bounds: tuple[float, float, float, float] | None = None,
) -> Drawing:
    """Lay ``nodes`` (with ``pk``, ``name``, ``weight``, ``centre``) out from ``positions``
    (within ``bounds``: min x, max x, min y, max y; by default the positions' own) in a
    drawing ``width`` wide and at least ``height`` tall,
    with no two boxes overlapping and every box inside the drawing."""
    max_label = max(96.0, width * 0.3)
    heaviest = max((node.weight for node in nodes), default=1) or 1
    marks = []
    for node in nodes:
        lines = wrap(node.name, max_label, bold=node.centre)
        label_width = max(text_width(line, bold=node.centre) for line in lines)
        r = radius[0] + (radius[1] - radius[0]) * math.sqrt(max(node.weight, 0) / heaviest)
        marks.append(Mark(node, round(r, 1), lines, label_width))
    _place(marks, positions, width, height, bounds)
    _separate(marks, width)
    _settle(marks, width)
    drawing = Drawing(
        width=width,
        height=math.ceil(max((m.bottom for m in marks), default=height / 2) + PAD),
        fit=fit,
        marks=marks,
    )
    by_pk = {mark.node.pk: mark for mark in marks}
    strongest = max((edge.weight for edge in edges), default=1) or 1
    thickest = 4.0 if width > 600 else 2.5  # a phone's drawing is dense: finer lines
    for edge in edges:
        a, b = by_pk[edge.source.pk], by_pk[edge.target.pk]
        drawing.lines.append(
            Line(edge, a.x, a.y, b.x, b.y, round(1 + thickest * edge.weight / strongest, 1))
        )
    return drawing


def _clamp_x(mark: Mark, width: int) -> None:
    # Rounded inwards to the tenth the drawing is written with.
    low = math.ceil((mark.half_width + PAD) * 10) / 10
    high = math.floor((width - mark.half_width - PAD) * 10) / 10
    mark.x = min(max(round(mark.x, 1), low), max(low, high))


def _clamp_top(mark: Mark) -> None:
    mark.y = max(round(mark.y, 1), math.ceil((mark.r + PAD) * 10) / 10)


def _place(marks: list[Mark], positions, width: int, height: int, bounds) -> None:
    """Scale the layout's positions into the drawing, leaving room for names at the sides
    and beneath."""
    xs = [positions[m.node.pk][0] for m in marks]
    ys = [positions[m.node.pk][1] for m in marks]
    min_x, max_x, min_y, max_y = bounds or (min(xs), max(xs), min(ys), max(ys))
    span_x, span_y = (max_x - min_x) or 1.0, (max_y - min_y) or 1.0
    side, above, below = 48, 20, 40
    for mark, x, y in zip(marks, xs, ys, strict=True):
        if len(marks) == 1:
            mark.x, mark.y = width / 2, height / 2
        else:
            mark.x = side + (x - min_x) / span_x * (width - 2 * side)
            mark.y = above + (y - min_y) / span_y * (height - above - below)
        _clamp_x(mark, width)
        _clamp_top(mark)


def _separate(marks: list[Mark], width: int, rounds: int = 80) -> None:
    """Push overlapping boxes apart, each along the axis where the overlap is smaller,
    keeping the layout's shape where it can."""
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(marks):
            for b in marks[i + 1 :]:
                if not a.overlaps(b):
                    continue
                moved = True
                overlap_x = min(a.right, b.right) - max(a.left, b.left) + GAP
                overlap_y = min(a.bottom, b.bottom) - max(a.top, b.top) + GAP
                if overlap_y <= overlap_x:
                    step = overlap_y / 2 + 0.5
                    sign = 1 if (b.y, b.node.pk) >= (a.y, a.node.pk) else -1
                    a.y, b.y = a.y - sign * step, b.y + sign * step
                else:
                    step = overlap_x / 2 + 0.5
                    sign = 1 if (b.x, b.node.pk) >= (a.x, a.node.pk) else -1
                    a.x, b.x = a.x - sign * step, b.x + sign * step
                for mark in (a, b):
                    _clamp_x(mark, width)
                    _clamp_top(mark)
        if not moved:
            return


def _settle(marks: list[Mark], width: int) -> None:
    """The guarantee: from the top down, a box that still overlaps one already settled moves
    down below it, until it overlaps none. A box only ever moves down, so each settled box
    is cleared at most once and the pass ends."""
    settled: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.top, m.x, m.node.pk)):
        _clamp_x(mark, width)
        while blocking := [other for other in settled if mark.overlaps(other)]:
            lowest = max(other.bottom for other in blocking)
            mark.y = round(lowest + 2 * GAP + mark.r + 0.1, 1)
        settled.append(mark)
