"""The comments gate (DESIGN §7): who may read comments, post, report and delete, now.

Reading: ``may_read_comments`` — subscribers (``members.subscriptions.is_subscriber``),
and the newsroom's moderators and editors, who answer for what is shown. Everyone else,
anonymous or logged in, sees the count and an invitation, never a comment.

Posting (and editing): subscribers only, on an article whose comments are open, while no
suspension or ban is in force (``access`` says which, and why not).

Reporting: ``may_report_comments`` — subscribers, suspended or not (a suspension stops
posting, not reading). Newsroom staff act on comments in the admin; they do not report.

Deleting one's own comment: ``may_delete_own_comments`` — whoever may read the discussion.

These are the only statements of the rules: the services in ``comments.posting`` enforce
them on every call, and pages ask ``access`` which actions to offer.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format

from members.subscriptions import is_subscriber
from web import reader_cache

from .models import Suspension

# What a member the gate turns away is told.
POSTING_REFUSAL = "Only subscribers can post comments."
REPORTING_REFUSAL = "Only subscribers can report comments."
DELETING_REFUSAL = "Only subscribers can delete their comments."


def is_comment_moderator(member) -> bool:
    """Newsroom staff holding the comments permissions (Moderators, Editors, superusers)."""
    return bool(
        member is not None
        and member.is_authenticated
        and member.is_active
        and member.is_staff
        and member.has_perm("comments.view_comment")
    )


def may_read_comments(
    member, at: datetime | None = None, *, subscriber: bool | None = None
) -> bool:
    """True when ``member`` may read comment bodies on the site at ``at`` (default: now).

    ``subscriber`` passes on an answer of ``is_subscriber`` already asked for the same
    moment, to spare its query.
    """
    if subscriber is None:
        subscriber = is_subscriber(member, at)
    return subscriber or is_comment_moderator(member)


def may_report_comments(
    member, at: datetime | None = None, *, subscriber: bool | None = None
) -> bool:
    """True when ``member`` may report other readers' comments at ``at`` (default: now).

    ``subscriber`` passes on an answer of ``is_subscriber`` already asked for the same
    moment, to spare its query.
    """
    if subscriber is None:
        subscriber = is_subscriber(member, at)
    return subscriber


def may_delete_own_comments(
    member, at: datetime | None = None, *, subscriber: bool | None = None
) -> bool:
    """True when ``member`` may take down their own comments at ``at`` (default: now)."""
    return may_read_comments(member, at, subscriber=subscriber)


def suspension_in_force(member, at: datetime | None = None) -> Suspension | None:
    """The suspension or ban that stops ``member`` posting at ``at``; bans first."""
    if member is None or not member.is_authenticated:
        return None
    return (
        Suspension.objects.in_force(at)
        .filter(member=member)
        .order_by(F("until").desc(nulls_first=True), "-created_at")
        .first()
    )


# How long the suspension a page shows is kept at most; saving or deleting a suspension of
# the member moves ``suspensions_tag`` on at once, and a kept one is looked up again once it
# has run out.
SUSPENSION_KEPT_SECONDS = 10 * 60


def suspensions_tag(member_id: int) -> str:
    return f"member-suspensions:{member_id}"


def kept_suspension(member, at: datetime | None = None) -> Suspension | None:
    """``suspension_in_force`` for drawing a page: kept in the reader cache between the
    member's pages. Posting itself always asks ``suspension_in_force``."""
    at = at or timezone.now()
    if member is None or not member.is_authenticated:
        return None
    key, tags = f"suspension:{member.pk}", (suspensions_tag(member.pk),)

    def find():
        return suspension_in_force(member, at)

    def stale(kept: Suspension | None) -> bool:
        # It has run out: another may follow it.
        return kept is not None and kept.until is not None and kept.until <= at

    return reader_cache.remember(key, tags, find, lambda: SUSPENSION_KEPT_SECONDS, stale)


def keep_suspensions_fresh() -> None:
    """Saving or deleting a suspension refreshes what pages show of it (from ``ready()``)."""
    reader_cache.stale_when_changed(Suspension, _suspension_tags)


def _suspension_tags(suspension: Suspension) -> tuple[str, ...]:
    return (suspensions_tag(suspension.member_id),)


def suspension_message(suspension: Suspension) -> str:
    if suspension.is_ban:
        lead = "You can no longer post comments."
    else:
        until = date_format(timezone.localtime(suspension.until), "j F Y, H:i")
        lead = f"You cannot post comments until {until}."
    return f"{lead} A moderator gave this reason: {suspension.reason}"


@dataclass(frozen=True)
class Access:
    """What one member may do in one article's discussion at one moment."""

    may_read: bool
    may_post: bool
    may_report: bool
    may_delete_own: bool
    subscriber: bool
    # Reads as newsroom staff, without a subscription: may moderate, may not post.
    staff_reader: bool
    # Why ``may_post`` is False.
    refusal: str = ""
    suspension: Suspension | None = None


def access(
    member,
    article,
    at: datetime | None = None,
    *,
    subscriber: bool | None = None,
    for_page: bool = False,
) -> Access:
    """The rights of ``member`` in ``article``'s discussion; ``refusal`` says why they may
    not post.

    ``subscriber`` passes on an answer of ``is_subscriber`` already asked for the same
    moment, to spare its query. ``for_page``: the rights only decide what a page offers,
    so a suspension may come from the reader cache (``kept_suspension``).
    """
    at = at or timezone.now()
    if subscriber is None:
        subscriber = is_subscriber(member, at)
    may_read = may_read_comments(member, at, subscriber=subscriber)
    rights = {
        "may_read": may_read,
        "may_report": may_report_comments(member, at, subscriber=subscriber),
        "may_delete_own": may_delete_own_comments(member, at, subscriber=subscriber),
        "subscriber": subscriber,
        "staff_reader": may_read and not subscriber,
    }
    if not subscriber:
        return Access(may_post=False, refusal=POSTING_REFUSAL, **rights)
    if not article.comments_open:
        return Access(may_post=False, refusal="Comments are closed on this article.", **rights)
    suspension = kept_suspension(member, at) if for_page else suspension_in_force(member, at)
    if suspension is not None:
        refusal = suspension_message(suspension)
        return Access(may_post=False, refusal=refusal, suspension=suspension, **rights)
    return Access(may_post=True, **rights)
