"""What a subscriber does in a discussion: post, reply, edit, delete, report.

Each function checks the gate (``comments.gate``) and the rules of its action and either
does it or raises ``CommentRefused`` with the sentence to show and the HTTP status to answer
with. The gate is checked here, whoever calls: a view that asks it first (to refuse before
reading a form) only says the same thing earlier.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import moderation
from .gate import (
    DELETING_REFUSAL,
    REPORTING_REFUSAL,
    access,
    may_delete_own_comments,
    may_report_comments,
)
from .models import Comment, Report


class CommentRefused(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def _require_posting_rights(member, article, at: datetime) -> None:
    rights = access(member, article, at)
    if not rights.may_post:
        raise CommentRefused(rights.refusal, status=403)


def require_reporting_rights(member, at: datetime | None = None) -> None:
    """Refuse ``member`` unless the gate lets them report comments at ``at``."""
    if not may_report_comments(member, at):
        raise CommentRefused(REPORTING_REFUSAL, status=403)


def _require_deleting_rights(member, at: datetime) -> None:
    if not may_delete_own_comments(member, at):
        raise CommentRefused(DELETING_REFUSAL, status=403)


def _check_pace(member, at: datetime) -> None:
    """One comment per member every ``COMMENTS_MIN_INTERVAL_SECONDS``."""
    interval = timedelta(seconds=settings.COMMENTS_MIN_INTERVAL_SECONDS)
    last = member.comments.filter(created_at__gt=at - interval).order_by("-created_at").first()
    if last is not None:
        wait = max(1, int((last.created_at + interval - at).total_seconds() + 0.999))
        raise CommentRefused(
            f"You are posting faster than we allow. Please wait {wait} seconds and try again; "
            "your text is kept below.",
            status=429,
        )


def _thread_root(parent: Comment | None, article) -> Comment | None:
    """Replies go one level deep: a reply to a reply joins its parent's thread."""
    if parent is None:
        return None
    root = parent.parent if parent.parent_id else parent
    if root.article_id != article.pk or not parent.is_visible or not root.is_visible:
        raise CommentRefused("That comment cannot be replied to any more.", status=400)
    return root


def _lock_member(member) -> None:
    """Hold ``member``'s row until the transaction ends, so that one member's posts are
    decided one after another: two sent at the same instant cannot both pass the pace rule,
    nor both store the same form. (On SQLite every transaction takes the database's write
    lock as it begins, which serialises them the same way.)"""
    members = get_user_model()._default_manager
    list(members.select_for_update().filter(pk=member.pk).values_list("pk", flat=True))


def _stored_submission(member, submission) -> Comment | None:
    if submission is None:
        return None
    return Comment.objects.filter(member=member, submission_key=submission).first()


def post_comment(
    member, article, body: str, parent: Comment | None = None, at=None, submission=None
) -> Comment:
    """A new comment (or reply) by ``member``: published, or pending when it is held.

    ``submission`` is the key of the form it came from: the same form sent again (a double
    click, a retried request) gets back the comment stored the first time, never a second
    copy nor a refusal.
    """
    try:
        with transaction.atomic():
            _lock_member(member)
            stored = _stored_submission(member, submission)
            if stored is not None:
                return stored
            at = at or timezone.now()
            _require_posting_rights(member, article, at)
            root = _thread_root(parent, article)
            _check_pace(member, at)
            held = moderation.hold_reason(member, body)
            comment = Comment.objects.create(
                article=article,
                member=member,
                parent=root,
                body=body,
                status=Comment.Status.PENDING if held else Comment.Status.PUBLISHED,
                held_because=held,
                created_at=at,
                submission_key=submission,
            )
            if held:
                moderation.record(moderation.Action.HELD, comment=comment, detail=held, at=at)
            return comment
    except IntegrityError:
        # The same form stored by a request the lock did not hold back: answer with it.
        stored = _stored_submission(member, submission)
        if stored is None:
            raise
        return stored


def edit_deadline(comment: Comment) -> datetime:
    return comment.created_at + timedelta(minutes=settings.COMMENTS_EDIT_MINUTES)


def _is_own(member, comment: Comment) -> bool:
    return comment.member_id == getattr(member, "pk", None)


def may_edit(member, comment: Comment, at: datetime | None = None) -> bool:
    """Authors edit their own comment while they see it (published or pending), within the
    edit window."""
    at = at or timezone.now()
    return _is_own(member, comment) and comment.is_shown_to(member) and at < edit_deadline(comment)


def may_delete(member, comment: Comment) -> bool:
    """Authors delete their own comment while they see it (published or pending)."""
    return _is_own(member, comment) and comment.is_shown_to(member)


def may_report(member, comment: Comment) -> bool:
    """Anyone else's visible comment can be reported."""
    return not _is_own(member, comment) and comment.is_visible


def _lock_comment(comment: Comment) -> None:
    """Hold the comment's row until the transaction ends and read it as it now stands, so a
    repeated or concurrent edit or deletion works from what the first one stored."""
    list(Comment.objects.select_for_update().filter(pk=comment.pk).values_list("pk", flat=True))
    comment.refresh_from_db(fields=["body", "status", "held_because", "edited_at"])


@transaction.atomic
def edit_comment(member, comment: Comment, body: str, at=None) -> Comment:
    """The author rewrites their comment; the same edit sent twice changes it once."""
    at = at or timezone.now()
    _require_posting_rights(member, comment.article, at)
    _lock_comment(comment)
    if not may_edit(member, comment, at):
        raise CommentRefused(
            f"Comments can be edited for {settings.COMMENTS_EDIT_MINUTES} minutes after "
            "posting; this one can no longer be changed.",
            status=403,
        )
    if body == comment.body:
        return comment
    held = moderation.hold_reason(member, body)
    comment.body = body
    comment.edited_at = at
    fields = ["body", "edited_at"]
    if held and comment.status == Comment.Status.PUBLISHED:
        comment.status = Comment.Status.PENDING
        comment.held_because = held
        fields += ["status", "held_because"]
        moderation.record(moderation.Action.HELD, comment=comment, detail=held, at=at)
    comment.save(update_fields=fields)
    return comment


@transaction.atomic
def delete_comment(member, comment: Comment, at=None) -> None:
    """The author takes their comment down; its text is erased.

    A comment with replies stays in the thread as a "comment deleted" placeholder. Deleting
    it again (a second click, a retried request) changes nothing and is no error.
    """
    at = at or timezone.now()
    _require_deleting_rights(member, at)
    _lock_comment(comment)
    if comment.status == Comment.Status.DELETED and _is_own(member, comment):
        return
    if not may_delete(member, comment):
        raise CommentRefused("Only the author can delete this comment.", status=403)
    comment.status = Comment.Status.DELETED
    comment.body = ""
    comment.save(update_fields=["status", "body"])
    comment.reports.filter(resolved_at=None).update(resolved_at=at)


def report_comment(member, comment: Comment, reason: str, detail: str = "", at=None) -> Report:
    """A subscriber flags someone else's comment for the moderators, once."""
    at = at or timezone.now()
    require_reporting_rights(member, at)
    if not may_report(member, comment):
        raise CommentRefused("You cannot report this comment.", status=403)
    try:
        with transaction.atomic():
            return Report.objects.create(
                comment=comment, reporter=member, reason=reason, detail=detail, created_at=at
            )
    except IntegrityError:
        raise CommentRefused("You have already reported this comment.", status=400) from None
