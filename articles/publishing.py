"""Publishing behind the publish checks.

The rule: a piece is not left published (published now, scheduled, or a published piece
saved again) while it has a blocking finding that no override covers. An editor may
override with a reason; the override is recorded with their name and the findings it
covers, and those findings stay covered for the piece, so fixing a typo later needs no new
reason while a new blocking problem does. Who may publish or override is decided in
``articles.workflow``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from . import conflicts, workflow
from .checks import Finding, run_checks
from .models import Article, PublishOverride


class PublishBlocked(Exception):
    """Blocking findings stand in the way and no reason to override them was given."""

    def __init__(self, article: Article, findings: list[Finding]):
        self.article = article
        self.findings = findings
        codes = ", ".join(dict.fromkeys(finding.code for finding in findings))
        super().__init__(f"“{article}” has blocking problems: {codes}.")


def overridden(article: Article) -> set[str]:
    """The identities of the findings editors have overridden for this piece."""
    if article.pk is None:
        return set()
    keys: set[str] = set()
    for override in article.publish_overrides.all():
        keys |= override.keys
    return keys


def blocking_findings(article: Article, findings: list[Finding] | None = None) -> list[Finding]:
    """The blocking findings on the piece that no override covers."""
    findings = run_checks(article) if findings is None else findings
    covered = overridden(article) if any(finding.blocking for finding in findings) else set()
    return [f for f in findings if f.blocking and f.identity not in covered]


def clear_to_publish(
    article: Article, *, by, reason: str = "", findings: list[Finding] | None = None
) -> PublishOverride | None:
    """Let the piece stay published, or raise ``PublishBlocked``.

    With blocking findings and a reason from someone who may override, the override is
    recorded and returned.
    """
    blocking = blocking_findings(article, findings)
    if not blocking:
        return None
    reason = (reason or "").strip()
    if not reason:
        raise PublishBlocked(article, blocking)
    if not workflow.may_override_checks(by):
        raise PermissionDenied("Only editors override the publish checks.")
    return PublishOverride.objects.create(
        article=article,
        user=by,
        reason=reason,
        codes=list(dict.fromkeys(finding.code for finding in blocking)),
        findings=[{"code": f.code, "key": f.identity, "message": f.message} for f in blocking],
    )


def publish(article: Article, *, by, at=None, reason: str = "") -> PublishOverride | None:
    """Publish now (or schedule for ``at``) unless blocking findings stand in the way."""
    if not workflow.may_publish(by):
        raise PermissionDenied("Only editors publish.")
    with transaction.atomic():
        # Checks and publishes the piece as it stands once any save in progress is done.
        conflicts.take_turn(article, by=by)
        override = clear_to_publish(article, by=by, reason=reason)
        workflow.publish(article, at)
    return override
