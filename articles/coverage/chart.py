"""An actor's coverage over time: public articles per month, drawn as a small bar chart."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from actors.models import Actor

from ..models import Article

CHART_MONTHS = 24
CHART_MIN_MONTHS = 6


@dataclass
class Bar:
    month: datetime.date
    count: int
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    labelled: bool = False

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class BarChart:
    bars: list[Bar]
    earlier: int  # pieces published before the first month drawn
    width: int = 640
    height: int = 180
    top: int = 12
    bottom: int = 150  # the baseline; month labels below it
    left: int = 28

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars) + self.earlier

    @property
    def peak(self) -> int:
        return max((bar.count for bar in self.bars), default=0)

    @property
    def peak_y(self) -> int:
        return self.top

    @property
    def first(self) -> Bar | None:
        return self.bars[0] if self.bars else None

    @property
    def last(self) -> Bar | None:
        return self.bars[-1] if self.bars else None


def _add_months(month: datetime.date, n: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def monthly_counts(actor: Actor) -> dict[datetime.date, int]:
    """Public articles linked to ``actor``, counted by month of publication (one query)."""
    rows = (
        Article.objects.public()
        .filter(actor_links__actor=actor)
        .annotate(month=TruncMonth("publish_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    counts: dict[datetime.date, int] = {}
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
        month = month.replace(day=1)
        counts[month] = counts.get(month, 0) + row["n"]
    return counts


def coverage_chart(actor: Actor, months: int = CHART_MONTHS) -> BarChart | None:
    """Bars for each month from the first piece (at most ``months`` back) to this month."""
    counts = monthly_counts(actor)
    if not counts:
        return None
    this_month = timezone.localdate().replace(day=1)
    first = max(min(counts), _add_months(this_month, -(months - 1)))
    first = min(first, _add_months(this_month, -(CHART_MIN_MONTHS - 1)))
    span = (this_month.year - first.year) * 12 + this_month.month - first.month + 1
    chart = BarChart(
        bars=[Bar(m, counts.get(m, 0)) for m in (_add_months(first, i) for i in range(span))],
        earlier=sum(n for month, n in counts.items() if month < first),
    )
    slot = (chart.width - chart.left - 8) / len(chart.bars)
    scale = (chart.bottom - chart.top) / (chart.peak or 1)
    step = max(1, round(len(chart.bars) / 6))
    for i, bar in enumerate(chart.bars):
        bar.width = round(slot * 0.72, 1)
        bar.x = round(chart.left + i * slot + (slot - bar.width) / 2, 1)
        bar.height = round(bar.count * scale, 1)
        bar.y = round(chart.bottom - bar.height, 1)
        bar.labelled = (len(chart.bars) - 1 - i) % step == 0
    return chart
