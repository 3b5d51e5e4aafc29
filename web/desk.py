"""The desk: the admin's first page, built from blocks the apps contribute.

Each app registers, in its ``ready()``, a function that gives the blocks one member of the
newsroom may act on (none for the others): articles give drafts, reviews and the schedule,
comments the reported comments. This module knows no app; the page asks it for the blocks
of the member who opens it (``blocks_for``). Each contributor keeps its queries constant in
the number of rows: counts by aggregate, a few items.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# How many items a block lists; its "see all" link leads to the rest.
ITEMS_PER_BLOCK = 5


@dataclass(frozen=True)
class DeskItem:
    label: str
    url: str
    # A line about the item in words: "Scheduled for 10 December 2026, 09:00".
    note: str = ""


@dataclass(frozen=True)
class DeskBlock:
    title: str
    count: int
    see_all_url: str
    items: list[DeskItem] = field(default_factory=list)
    # Said when the block has nothing in it.
    empty: str = "Nothing here."


Contributor = Callable[[object], Iterable[DeskBlock]]

_contributors: list[tuple[int, str, Contributor]] = []


def contribute(name: str, contributor: Contributor, *, order: int) -> None:
    """Add an app's blocks to the desk, at ``order`` (lower first). Registering the same
    name again replaces it."""
    _contributors[:] = [entry for entry in _contributors if entry[1] != name]
    _contributors.append((order, name, contributor))
    _contributors.sort(key=lambda entry: entry[0])


def blocks_for(request) -> list[DeskBlock]:
    """The blocks the member who made ``request`` may act on, in the desk's order."""
    return [block for _, _, contributor in _contributors for block in contributor(request)]
