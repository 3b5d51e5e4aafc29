"""Moderation: what holds a comment back, and what moderators do about comments and
commenters. Every action taken here is written to the audit trail (``ModerationAction``).

A new comment waits in the queue (status pending) instead of appearing when it is the
member's first (``COMMENTS_PREMODERATE_FIRST``) or contains a held word or phrase.
"""

import re
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Comment, HeldPhrase, ModerationAction, Report, Suspension

Action = ModerationAction.Action

# What each moderator decision does to a comment's status.
DECISIONS = {
    Action.APPROVED: Comment.Status.PUBLISHED,
    Action.HIDDEN: Comment.Status.HIDDEN,
    Action.REMOVED: Comment.Status.REMOVED,
}


def held_phrase_in(body: str, phrases: Iterable[str]) -> str:
    """The first held phrase found in ``body`` as whole words, ignoring case; "" if none."""
    for phrase in phrases:
        words = [re.escape(word) for word in phrase.split()]
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)"
        if re.search(pattern, body, re.IGNORECASE):
            return phrase
    return ""


def hold_reason(member, body: str) -> str:
    """Why a comment from ``member`` with ``body`` must wait for a moderator; "" if it need not."""
    phrase = held_phrase_in(body, HeldPhrase.objects.values_list("phrase", flat=True))
    if phrase:
        return f"Contains a held phrase: “{phrase}”"
    if settings.COMMENTS_PREMODERATE_FIRST and not member.comments.visible().exists():
        return "The member's first comment"
    return ""


def record(action, *, moderator=None, comment=None, member=None, reason="", detail="", at=None):
    return ModerationAction.objects.create(
        action=action,
        moderator=moderator,
        comment=comment,
        member=member if member is not None else getattr(comment, "member", None),
        reason=reason,
        detail=detail[:200],
        at=at or timezone.now(),
    )


def resolve_reports(comment: Comment, moderator, at: datetime) -> int:
    return Report.objects.filter(comment=comment, resolved_at=None).update(
        resolved_at=at, resolved_by=moderator
    )


@transaction.atomic
def decide(comments: Iterable[Comment], action, moderator, reason: str = "") -> int:
    """Approve (or restore), hide or remove comments; their open reports are closed.

    Comments their authors deleted are left alone. Returns how many changed.
    """
    status = DECISIONS[action]
    now = timezone.now()
    changed = 0
    for comment in comments:
        if comment.status == Comment.Status.DELETED:
            continue
        resolve_reports(comment, moderator, now)
        if comment.status == status:
            continue
        comment.status = status
        if status == Comment.Status.PUBLISHED:
            comment.held_because = ""
        comment.save(update_fields=["status", "held_because"])
        record(action, moderator=moderator, comment=comment, reason=reason, at=now)
        changed += 1
    return changed


@transaction.atomic
def dismiss_reports(comments: Iterable[Comment], moderator, reason: str = "") -> int:
    """Keep the comments as they are and close their open reports."""
    now = timezone.now()
    dismissed = 0
    for comment in comments:
        if resolve_reports(comment, moderator, now):
            record(Action.REPORTS_DISMISSED, moderator=moderator, comment=comment, reason=reason)
            dismissed += 1
    return dismissed


def suspend(member, moderator, reason: str, until: datetime | None, comment=None) -> Suspension:
    """Stop ``member`` posting until ``until``; with no date, a ban."""
    suspension = Suspension.objects.create(
        member=member, until=until, reason=reason, created_by=moderator
    )
    record_suspension(suspension, comment=comment)
    return suspension


def record_suspension(suspension: Suspension, comment=None) -> None:
    until = suspension.until
    record(
        Action.BANNED if until is None else Action.SUSPENDED,
        moderator=suspension.created_by,
        member=suspension.member,
        comment=comment,
        reason=suspension.reason,
        detail="" if until is None else f"until {timezone.localtime(until):%Y-%m-%d %H:%M}",
    )


def lift(suspension: Suspension, moderator, reason: str = "") -> None:
    if suspension.lifted_at is not None:
        return
    suspension.lifted_at = timezone.now()
    suspension.lifted_by = moderator
    suspension.save(update_fields=["lifted_at", "lifted_by"])
    record(Action.LIFTED, moderator=moderator, member=suspension.member, reason=reason)
