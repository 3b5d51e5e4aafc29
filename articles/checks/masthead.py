"""Checks on who signs a piece and where it belongs: a byline and a section.

A piece without a byline goes out unsigned, and one without a section is on no section page
and in no section row of the home page: both are blocking.
"""

from __future__ import annotations

from collections.abc import Iterator

from .document import ArticleDocument
from .registry import Place, Severity, register


@register("missing_byline", Severity.BLOCKING, "A piece without a byline")
def missing_byline(document: ArticleDocument, found) -> Iterator:
    if not document.author_ids:
        yield found(
            "The piece has no byline: add at least one author under Bylines.",
            Place("authors"),
        )


@register("missing_section", Severity.BLOCKING, "A piece without a section")
def missing_section(document: ArticleDocument, found) -> Iterator:
    if document.article.section_id is None:
        yield found(
            "The piece has no section: choose the section it belongs to.",
            Place("section"),
        )
