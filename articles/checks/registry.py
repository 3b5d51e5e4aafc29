"""The registry of publish checks and the shape of what they find.

A check is a function that reads an ``ArticleDocument`` and yields findings. It is
registered once, under a fixed code and a severity:

- ``blocking``: the piece must not go out like this. Publishing, scheduling and editing a
  published piece are refused until it is fixed or an editor overrides it with a reason.
- ``warning``: worth a look; never stops anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import ArticleDocument


class Severity(StrEnum):
    BLOCKING = "blocking"
    WARNING = "warning"


@dataclass(frozen=True)
class Place:
    """Where a finding stands: a field of the piece and, in the body, the block number
    (blocks are the body's paragraphs, headings, lists and quotations, counted from 1)."""

    field: str
    block: int | None = None
    excerpt: str = ""

    FIELD_NAMES = {
        "headline": "the headline",
        "dek": "the standfirst",
        "caption": "the caption",
        "lead_image": "the lead image",
        "body": "the body",
        "authors": "the bylines",
        "section": "the section",
    }

    def describe(self) -> str:
        if self.block is not None:
            return f"block {self.block}"
        return self.FIELD_NAMES.get(self.field, self.field)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"field": self.field}
        if self.block is not None:
            data["block"] = self.block
        if self.excerpt:
            data["excerpt"] = self.excerpt
        return data


@dataclass(frozen=True)
class Finding:
    """One problem a check found, in words an editor understands.

    ``key`` tells this finding apart from others of the same check (which source, which
    repeated run), so that an override covers exactly what the editor saw.
    """

    code: str
    severity: Severity
    message: str
    place: Place | None = None
    key: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.BLOCKING

    @property
    def identity(self) -> str:
        return f"{self.code}:{self.key}" if self.key else self.code

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.place:
            data["place"] = self.place.as_dict()
        data.update(self.details)
        return data


CheckFunction = Callable[["ArticleDocument", Callable[..., Finding]], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: Severity
    title: str
    run: CheckFunction

    def finding(
        self, message: str, place: Place | None = None, key: str = "", **details: Any
    ) -> Finding:
        return Finding(self.code, self.severity, message, place, key, details)

    def findings(self, document: ArticleDocument) -> list[Finding]:
        return list(self.run(document, self.finding))


CHECKS: dict[str, Check] = {}


def register(code: str, severity: Severity, title: str) -> Callable[[CheckFunction], Check]:
    """Add a check to the registry under a fixed code; codes are part of the interface."""

    def decorator(function: CheckFunction) -> Check:
        if code in CHECKS:
            raise ValueError(f"A check is already registered as {code!r}.")
        CHECKS[code] = Check(code, severity, title, function)
        return CHECKS[code]

    return decorator
