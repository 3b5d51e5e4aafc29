"""A progress bar for long management commands, drawn on standard error.

Only on a terminal and only for long runs: redirected output (a log, a pipe, ``--format
json``) stays clean, and a short run finishes before a bar would help.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

LONG_RUN = 200
WIDTH = 30


def progress(
    items: Iterable[T], total: int, label: str, stream: TextIO, *, minimum: int = LONG_RUN
) -> Iterator[T]:
    """Yield ``items``, redrawing a bar on ``stream`` at most ten times a second."""
    isatty = getattr(stream, "isatty", None)
    if total < minimum or not (isatty and isatty()):
        yield from items
        return
    # Django's OutputWrapper ends every write with a newline unless told otherwise.
    options = {"ending": ""} if hasattr(stream, "ending") else {}
    drawn = 0.0
    for done, item in enumerate(items, start=1):
        yield item
        now = time.monotonic()
        if now - drawn >= 0.1 or done == total:
            filled = WIDTH * done // max(total, 1)
            bar = "#" * filled + "-" * (WIDTH - filled)
            stream.write(f"\r{label} [{bar}] {done:,}/{total:,}", **options)
            stream.flush()
            drawn = now
    stream.write("\n", **options)
    stream.flush()
