"""The editor's appeal to subscribe, and the follows of its link (``members.appeals``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from web.schedules import running_at, runs_at

from .plans import Subscription


class AppealQuerySet(models.QuerySet):
    def running(self, at=None):
        """Started and not yet ended at ``at`` (default: now)."""
        return self.filter(running_at(at or timezone.now()))


class Appeal(models.Model):
    """An appeal to subscribe, signed by someone in the newsroom, shown after the body of an
    article to readers who do not subscribe (``members.appeals``)."""

    heading = models.CharField(max_length=120)
    text = models.TextField(help_text="Plain text. A blank line starts a new paragraph.")
    signed_by = models.ForeignKey(
        "articles.AuthorProfile",
        on_delete=models.PROTECT,
        related_name="appeals",
        verbose_name="signed by",
        help_text="Their byline name and title are printed under the text.",
    )
    call_to_action = models.CharField(
        "call to action",
        max_length=60,
        default="Become a subscriber",
        help_text="The words of the link to the subscribe page.",
    )
    starts_at = models.DateTimeField("start", default=timezone.now)
    ends_at = models.DateTimeField(
        "end", null=True, blank=True, help_text="Empty: runs until another appeal replaces it."
    )
    sections = models.ManyToManyField(
        "articles.Section",
        blank=True,
        related_name="appeals",
        help_text="Shown on articles of these sections only. Empty: every section. An appeal "
        "for the article's section comes before one for every section; among equals, the one "
        "started last.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="appeal_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.heading

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The appeal must end after it starts."})

    def is_running(self, at=None) -> bool:
        return runs_at(self, at or timezone.now())


class AppealClick(models.Model):
    """One follow of an appeal's link, and the subscription it led to, if any.

    The reader is known at once when logged in, or when they log in afterwards in the same
    browser (a signed cookie, never a session); ``members.appeals`` links the click to the
    first subscription giving them access that started within 30 days after it.
    """

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="clicks")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appeal_clicks",
    )
    clicked_at = models.DateTimeField(default=timezone.now, db_index=True)
    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appeal_clicks",
        help_text="The subscription this click led to.",
    )
    converted_at = models.DateTimeField("subscribed at", null=True, blank=True)

    class Meta:
        ordering = ["-clicked_at", "-id"]
        verbose_name = "appeal click"
        indexes = [
            models.Index(fields=["member", "converted_at"], name="appealclick_member_idx"),
        ]

    def __str__(self):
        return f"{self.appeal} at {self.clicked_at:%Y-%m-%d %H:%M}"
