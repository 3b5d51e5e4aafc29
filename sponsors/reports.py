"""Reports for the sponsors desk: impressions, clicks and click rate per day over a period,
for one placement or for all of a sponsor's placements, as figures, a chart and CSV."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, timedelta

from django import forms
from django.db.models import Sum
from django.utils import timezone

from .models import PlacementDay

DEFAULT_DAYS = 30
MAX_DAYS = 366


class PeriodForm(forms.Form):
    """The period a report covers: both days included, at most a year."""

    start = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label="To", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError("The period must end on or after the day it starts.")
            if (end - start).days + 1 > MAX_DAYS:
                raise forms.ValidationError(f"A report covers at most {MAX_DAYS} days.")
        return data


def default_period(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    return today - timedelta(days=DEFAULT_DAYS - 1), today


def period_from(params) -> tuple[PeriodForm, date, date]:
    """The period asked for in ``params`` (GET), or the last 30 days when none is asked for
    or the one asked for is wrong (the form then carries the reason)."""
    start, end = default_period()
    if not params.get("start") and not params.get("end"):
        form = PeriodForm(initial={"start": start, "end": end})
        return form, start, end
    form = PeriodForm(params)
    if form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


@dataclass(frozen=True)
class Day:
    day: date
    impressions: int
    clicks: int

    @property
    def rate(self) -> float | None:
        """Clicks per hundred impressions; None on a day without impressions."""
        if not self.impressions:
            return None
        return 100 * self.clicks / self.impressions


@dataclass
class Report:
    start: date
    end: date
    days: list[Day] = field(default_factory=list)

    @property
    def impressions(self) -> int:
        return sum(d.impressions for d in self.days)

    @property
    def clicks(self) -> int:
        return sum(d.clicks for d in self.days)

    @property
    def rate(self) -> float | None:
        return Day(self.end, self.impressions, self.clicks).rate


def daily_report(placements, start: date, end: date) -> Report:
    """Impressions and clicks of ``placements`` (a queryset) added up per day, every day of
    the period present (zero when nothing was counted). One query."""
    rows = (
        PlacementDay.objects.filter(placement__in=placements, day__gte=start, day__lte=end)
        .values("day")
        .annotate(impressions=Sum("impressions"), clicks=Sum("clicks"))
        .order_by("day")
    )
    found = {row["day"]: row for row in rows}
    days = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        row = found.get(day, {})
        days.append(Day(day, row.get("impressions") or 0, row.get("clicks") or 0))
    return Report(start, end, days)


def write_csv(report: Report, out) -> None:
    """The report as CSV: one row a day, then the period's total."""
    writer = csv.writer(out)
    writer.writerow(["date", "impressions", "clicks", "click_rate_percent"])
    for day in report.days:
        writer.writerow([day.day.isoformat(), day.impressions, day.clicks, _percent(day.rate)])
    writer.writerow(["total", report.impressions, report.clicks, _percent(report.rate)])


def _percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.2f}"
