"""Impressions and clicks, counted per placement and per day.

Each count is one ``INSERT … ON CONFLICT DO UPDATE`` that adds to the stored number inside
the database (PostgreSQL and SQLite alike), so requests arriving together never overwrite
one another's counts, and the first count of a day creates its row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import connection
from django.utils import timezone

from .models import PlacementDay

COUNTERS = ("impressions", "clicks")


def add_count(counter: str, placement_ids: Iterable[int], day: date | None = None) -> None:
    """Add one to ``counter`` (impressions or clicks) of each placement, on ``day``
    (default: today in the site's time zone)."""
    if counter not in COUNTERS:
        raise ValueError(f"Unknown counter {counter!r}.")
    ids = sorted(set(placement_ids))
    if not ids:
        return
    day = connection.ops.adapt_datefield_value(day or timezone.localdate())
    quote = connection.ops.quote_name
    table = quote(PlacementDay._meta.db_table)
    column = quote(counter)
    placement, day_column = quote("placement_id"), quote("day")
    impressions, clicks = quote("impressions"), quote("clicks")
    rows = ", ".join(["(%s, %s, %s, %s)"] * len(ids))
    one = (1, 0) if counter == "impressions" else (0, 1)
    params = []
    for pk in ids:
        params += [pk, day, *one]
    sql = (
        f"INSERT INTO {table} ({placement}, {day_column}, {impressions}, {clicks}) "
        f"VALUES {rows} "
        f"ON CONFLICT ({placement}, {day_column}) "
        f"DO UPDATE SET {column} = {table}.{column} + 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
