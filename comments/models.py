"""Comments on articles, the reports readers file on them, and the moderators' tools.

What readers may see is decided in one place, here: ``visible`` (published comments; the
only ones counted) and ``shown_to`` (the visible ones, and a member's own pending ones), each
written once as a condition that ``CommentQuerySet`` filters on and once as the same test
of one comment (``Comment.is_visible``, ``Comment.is_shown_to``). Who may read comments at
all is ``comments.gate.may_read_comments``.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

BODY_MAX_LENGTH = 5000


def visible() -> models.Q:
    """The condition of ``CommentQuerySet.visible``, to combine with others in one query."""
    return models.Q(status=Comment.Status.PUBLISHED)


def shown_to(member) -> models.Q:
    """The condition of ``CommentQuerySet.shown_to``, to combine with others in one query."""
    own_pending = models.Q(member_id=getattr(member, "pk", None), status=Comment.Status.PENDING)
    return visible() | own_pending


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """Published: shown to every reader who may read comments, and counted."""
        return self.filter(visible())

    def shown_to(self, member):
        """What ``member`` sees in a thread: the visible comments and their own pending ones."""
        return self.filter(shown_to(member))

    def needing_attention(self):
        """The moderation queue: comments with an open report, and pending comments."""
        open_reports = Report.objects.filter(comment=models.OuterRef("pk"), resolved_at=None)
        return (
            self.exclude(status=Comment.Status.DELETED)
            .annotate(
                has_open_reports=models.Exists(open_reports),
                open_report_count=models.Count(
                    "reports", filter=models.Q(reports__resolved_at=None), distinct=True
                ),
            )
            .filter(models.Q(has_open_reports=True) | models.Q(status=Comment.Status.PENDING))
            .order_by("-has_open_reports", "-open_report_count", "created_at", "id")
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        PENDING = "pending", "Pending moderation"
        HIDDEN = "hidden", "Hidden by a moderator"
        REMOVED = "removed", "Removed by a moderator"
        DELETED = "deleted", "Deleted by its author"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="comments"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        help_text="The comment this one replies to. Replies go one level deep.",
    )
    body = models.TextField(
        help_text="Plain text as the member typed it; shown escaped, never as HTML."
    )
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.PUBLISHED,
        db_index=True,
        help_text="Only published comments are shown to subscribers and counted.",
    )
    held_because = models.CharField(
        "held because",
        max_length=200,
        blank=True,
        help_text="Why the comment waited for a moderator (first comment, a held phrase).",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    submission_key = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text="The key of the form that posted it: the same form sent twice (a double "
        "click, a retried request) is stored once.",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["article", "parent", "status", "created_at"], name="comment_thread_idx"
            ),
            models.Index(fields=["member", "created_at"], name="comment_member_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), BODY_MAX_LENGTH),
                name="comment_body_at_most_5000_characters",
            ),
            models.UniqueConstraint(
                fields=["member", "submission_key"], name="one_comment_per_submission"
            ),
        ]

    def __str__(self):
        # Never the body: this text shows up in admin history and confirmation pages.
        return f"Comment #{self.pk}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_visible(self) -> bool:
        """``visible()`` for this comment."""
        return self.status == self.Status.PUBLISHED

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    def is_shown_to(self, member) -> bool:
        """``shown_to(member)`` for this comment."""
        own = self.member_id is not None and self.member_id == getattr(member, "pk", None)
        return self.is_visible or (own and self.is_pending)

    @property
    def was_edited(self) -> bool:
        return self.edited_at is not None


class Report(models.Model):
    class Reason(models.TextChoices):
        ABUSE = "abuse", "Abusive or hateful"
        HARASSMENT = "harassment", "Harassment of another reader"
        SPAM = "spam", "Spam or advertising"
        OFF_TOPIC = "off_topic", "Off topic"
        MISINFORMATION = "misinformation", "Misleading or false"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports"
    )
    reason = models.CharField(max_length=16, choices=Reason.choices)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader"),
        ]

    def __str__(self):
        return f"Report on comment #{self.comment_id}: {self.get_reason_display()}"


class SuspensionQuerySet(models.QuerySet):
    def in_force(self, at=None):
        """Suspensions that stop their member posting at ``at``: not lifted, not run out."""
        at = at or timezone.now()
        return self.filter(lifted_at=None).filter(
            models.Q(until__isnull=True) | models.Q(until__gt=at)
        )


class Suspension(models.Model):
    """A member stopped from posting until a moment, or for good (a ban)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_suspensions"
    )
    until = models.DateTimeField(
        null=True, blank=True, help_text="Empty means banned: no end date."
    )
    reason = models.TextField(help_text="Shown to the member.")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        if self.until is None:
            return f"Ban of {self.member}"
        return f"Suspension of {self.member} until {timezone.localtime(self.until):%d %b %Y %H:%M}"

    @property
    def is_ban(self) -> bool:
        return self.until is None

    def is_in_force(self, at=None) -> bool:
        """``SuspensionQuerySet.in_force`` for this suspension."""
        at = at or timezone.now()
        return self.lifted_at is None and (self.until is None or self.until > at)


class HeldPhrase(models.Model):
    """A word or phrase that sends a comment to the moderation queue instead of the page."""

    phrase = models.CharField(
        max_length=100,
        unique=True,
        help_text="Matched as whole words, ignoring case. A comment containing it waits "
        "for a moderator.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why it is held.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["phrase"]
        verbose_name = "held word or phrase"
        verbose_name_plural = "held words and phrases"

    def __str__(self):
        return self.phrase

    def save(self, *args, **kwargs):
        self.phrase = " ".join(self.phrase.split()).lower()
        super().save(*args, **kwargs)


class ModerationAction(models.Model):
    """One entry of the audit trail: who did what to which comment or member, when and why.

    Automatic holds (first comment, a held phrase) are recorded with no moderator.
    """

    class Action(models.TextChoices):
        HELD = "held", "Held for moderation"
        APPROVED = "approved", "Approved or restored"
        HIDDEN = "hidden", "Hidden"
        REMOVED = "removed", "Removed"
        REPORTS_DISMISSED = "dismissed", "Reports dismissed"
        SUSPENDED = "suspended", "Commenter suspended"
        BANNED = "banned", "Commenter banned"
        LIFTED = "lifted", "Suspension or ban lifted"
        PHRASE_ADDED = "phrase_added", "Held phrase added"
        PHRASE_REMOVED = "phrase_removed", "Held phrase removed"

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_actions",
        help_text="Empty for automatic holds.",
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    comment = models.ForeignKey(
        Comment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_actions",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_record",
        help_text="The commenter concerned.",
    )
    detail = models.CharField(max_length=200, blank=True, help_text="e.g. the phrase.")
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "moderation action"

    def __str__(self):
        who = self.moderator or "Automatic"
        return f"{self.get_action_display()} by {who}"


class ModerationQueue(Comment):
    """The comments that need a moderator, reported ones first (an admin view of Comment)."""

    class Meta:
        proxy = True
        verbose_name = "comment awaiting moderation"
        verbose_name_plural = "moderation queue"
