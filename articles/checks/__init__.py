"""Publish checks: what a piece must not carry when it goes out, and what is worth a look.

Every check is registered once in ``registry.CHECKS`` under a fixed code, with a severity:

| code | severity |
|---|---|
| ``repeated_blocks`` | blocking |
| ``repeated_paragraph`` | warning |
| ``uncredited_image`` | blocking |
| ``credit_not_linked`` | warning |
| ``missing_alt_text`` | warning |
| ``uncited_attribution`` | blocking |
| ``empty_heading`` | warning |
| ``duplicate_heading`` | warning |
| ``missing_dek`` | warning |
| ``long_headline`` | warning |
| ``unlinked_actor`` | warning |
| ``missing_byline`` | blocking |
| ``missing_section`` | blocking |

``run_checks(article)`` runs them all; what blocking findings mean for publishing is decided
in ``articles.publishing``.
"""

from __future__ import annotations

from . import actors, attribution, image, masthead, structure  # noqa: F401  (they register the checks)
from .document import ArticleDocument
from .registry import CHECKS, Check, Finding, Place, Severity

__all__ = ["CHECKS", "ArticleDocument", "Check", "Finding", "Place", "Severity", "run_checks"]

CHECK_ORDER = [
    "repeated_blocks",
    "repeated_paragraph",
    "uncredited_image",
    "credit_not_linked",
    "missing_alt_text",
    "uncited_attribution",
    "empty_heading",
    "duplicate_heading",
    "missing_dek",
    "long_headline",
    "unlinked_actor",
    "missing_byline",
    "missing_section",
]


def run_checks(article, document: ArticleDocument | None = None) -> list[Finding]:
    """Every finding on ``article``, blocking ones first, each group in reading order."""
    document = document or ArticleDocument(article)
    findings = [finding for code in CHECK_ORDER for finding in CHECKS[code].findings(document)]
    return sorted(findings, key=lambda finding: not finding.blocking)
