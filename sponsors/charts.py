"""The report's chart, drawn on the server as SVG: three panels over the same days —
impressions and clicks as bars, click rate as a line — each scaled to its own peak.

Only geometry is computed here; ``admin/sponsors/report.html`` draws it, and
``sponsors/report.css`` colours it for the admin's light and dark themes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.dateformat import format as format_date

from .reports import Report

WIDTH = 760
LEFT = 64  # room for the scale
RIGHT = 12
PANEL_HEIGHT = 110
PANEL_GAP = 34
TOP = 22
AXIS = 30  # date labels under the last panel


@dataclass
class Mark:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass
class Panel:
    title: str
    kind: str  # "bars" or "line"
    css: str
    top: float
    peak_label: str
    marks: list[Mark] = field(default_factory=list)
    points: str = ""

    @property
    def bottom(self) -> float:
        return self.top + PANEL_HEIGHT

    @property
    def title_y(self) -> float:
        return self.top - 8

    @property
    def middle_y(self) -> float:
        return self.top + PANEL_HEIGHT / 2


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    panels: list[Panel]
    ticks: list[Tick]
    width: int
    height: int
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _nice_ceiling(value: float) -> float:
    """A round number at or above ``value`` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _count_label(value: float) -> str:
    return f"{value:,.0f}"


def build_chart(report: Report) -> Chart:
    days = report.days
    n = max(1, len(days))
    slot = (WIDTH - LEFT - RIGHT) / n
    bar = max(1.0, slot * 0.72)
    panels = []
    series = [
        ("Impressions", "impressions", "chart-impressions", lambda d: d.impressions),
        ("Clicks", "clicks", "chart-clicks", lambda d: d.clicks),
    ]
    top = TOP
    for title, _, css, value in series:
        peak = _nice_ceiling(max((value(d) for d in days), default=0))
        panel = Panel(title, "bars", css, top, _count_label(peak))
        for i, day in enumerate(days):
            height = PANEL_HEIGHT * value(day) / peak
            panel.marks.append(
                Mark(
                    x=round(LEFT + i * slot + (slot - bar) / 2, 2),
                    y=round(top + PANEL_HEIGHT - height, 2),
                    width=round(bar, 2),
                    height=round(height, 2),
                    label=f"{format_date(day.day, 'j M')}: {_count_label(value(day))}",
                )
            )
        panels.append(panel)
        top += PANEL_HEIGHT + PANEL_GAP

    rates = [d.rate for d in days]
    peak = _nice_ceiling(max((r for r in rates if r is not None), default=0))
    panel = Panel("Click rate", "line", "chart-rate", top, f"{peak:g}%")
    points = []
    for i, (day, rate) in enumerate(zip(days, rates, strict=True)):
        if rate is None:
            continue
        x = round(LEFT + i * slot + slot / 2, 2)
        y = round(top + PANEL_HEIGHT - PANEL_HEIGHT * rate / peak, 2)
        points.append(f"{x},{y}")
        panel.marks.append(Mark(x, y, 0, 0, f"{format_date(day.day, 'j M')}: {rate:.2f}%"))
    panel.points = " ".join(points)
    panels.append(panel)

    # About six date labels, on whole days.
    every = max(1, math.ceil(n / 6))
    ticks = [
        Tick(round(LEFT + i * slot + slot / 2, 2), format_date(day.day, "j M"))
        for i, day in enumerate(days)
        if i % every == 0
    ]
    height = top + PANEL_HEIGHT + AXIS
    return Chart(panels, ticks, WIDTH, int(height))
