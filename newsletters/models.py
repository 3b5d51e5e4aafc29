"""Newsletters, the addresses that receive them, their issues and each issue's deliveries.

A reader signs up with nothing but an e-mail address: a ``Recipient`` (a free member of the
mailing lists), confirmed by a link sent to that address. A member's own address is the same
recipient: when someone with a recipient's address creates an account, or logs in, the two
are joined (``newsletters.readers``) and their sign-ups show on their account page.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, AuthorProfile, Section
from web.slugs import SluggedModel


class Newsletter(SluggedModel):
    class Cadence(models.TextChoices):
        DAILY = "daily", "Every weekday"
        WEEKLY = "weekly", "Weekly"
        MONTHLY = "monthly", "Monthly"
        OCCASIONAL = "occasional", "When there is news"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    description = models.TextField(
        help_text="One or two sentences: what a reader gets, shown on the sign-up forms."
    )
    cadence = models.CharField(max_length=12, choices=Cadence.choices, default=Cadence.WEEKLY)
    sections = models.ManyToManyField(
        Section,
        blank=True,
        related_name="newsletters",
        help_text="An issue with no pieces chosen carries the latest from these sections "
        "(from every section when none is chosen).",
    )
    active = models.BooleanField(
        default=True, help_text="Offered to readers. An inactive newsletter keeps its readers."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the forms.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class RecipientQuerySet(models.QuerySet):
    def reachable(self):
        """Confirmed, and no bounce or complaint recorded: the only addresses mail goes to."""
        return self.filter(confirmed_at__isnull=False, dead_at__isnull=True)


class Recipient(models.Model):
    email = models.EmailField("e-mail address", unique=True)
    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_recipient",
        help_text="The account with this address, once there is one.",
    )
    newsletters = models.ManyToManyField(Newsletter, through="Signup", related_name="recipients")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the reader followed the confirmation link."
    )
    dead_at = models.DateTimeField(
        "unreachable since",
        null=True,
        blank=True,
        help_text="A bounce or complaint was recorded: no more mail goes to this address.",
    )
    dead_reason = models.CharField("why unreachable", max_length=200, blank=True)
    follow_digests = models.BooleanField(
        "receives follow digests",
        default=True,
        help_text="The daily e-mail of new pieces on what the member follows.",
    )

    objects = RecipientQuerySet.as_manager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def reachable(self) -> bool:
        return self.confirmed_at is not None and self.dead_at is None


class Signup(models.Model):
    """A recipient's wish to receive one newsletter."""

    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="signups")
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="signups")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recipient", "newsletter"], name="one_signup_per_list")
        ]

    def __str__(self):
        return f"{self.recipient} → {self.newsletter}"


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    subject = models.CharField(max_length=200)
    intro = models.TextField(
        blank=True, help_text="A few lines above the pieces, in plain text (blank lines part them)."
    )
    articles = models.ManyToManyField(
        Article,
        through="IssuePiece",
        blank=True,
        related_name="+",
        help_text="Leave empty for the latest from the newsletter's sections.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField("finished sending", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.subject

    def get_progress_url(self):
        return reverse("admin:newsletters_issue_progress", args=[self.pk])


class IssuePiece(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="pieces")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "article"], name="one_piece_per_issue")
        ]

    def __str__(self):
        return f"{self.issue}: {self.article}"


class Delivery(models.Model):
    """One issue to one recipient: the row that makes sure it goes out once.

    pending → claimed (a batch took it) → sending (handed to the mail server now) → sent.
    A batch that stops leaves its claimed rows to go back to pending when the sending is
    resumed; a row left in "sending" may have reached the reader, so it is never sent again
    and is counted as failed ("interrupted"). See ``newsletters.sending``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        CLAIMED = "claimed", "Claimed by a batch"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (unreachable)"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["issue", "recipient"], name="one_delivery_per_reader")
        ]
        indexes = [models.Index(fields=["issue", "status", "id"], name="delivery_issue_status_idx")]

    def __str__(self):
        return f"{self.issue} → {self.recipient}"


class Follow(models.Model):
    """A member's wish to hear of new pieces that link one thing: an actor, an author (by
    byline), a section or a tag. Exactly one of the four is set (``kind`` says which)."""

    class Kind(models.TextChoices):
        ACTOR = "actor", "Actor"
        AUTHOR = "author", "Author"
        SECTION = "section", "Section"
        TAG = "tag", "Topic"

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        "articles.AuthorProfile", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey(
        "taggit.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    KINDS = [Kind.ACTOR, Kind.AUTHOR, Kind.SECTION, Kind.TAG]

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(actor__isnull=False, author=None, section=None, tag=None)
                    | models.Q(actor=None, author__isnull=False, section=None, tag=None)
                    | models.Q(actor=None, author=None, section__isnull=False, tag=None)
                    | models.Q(actor=None, author=None, section=None, tag__isnull=False)
                ),
                name="follow_names_exactly_one_thing",
            ),
            *(
                models.UniqueConstraint(
                    fields=["member", kind],
                    condition=models.Q(**{f"{kind}__isnull": False}),
                    name=f"one_follow_per_{kind}",
                )
                for kind in ("actor", "author", "section", "tag")
            ),
        ]

    def __str__(self):
        return f"{self.member} → {self.target}"

    @property
    def kind(self) -> str:
        return next(kind for kind in self.KINDS if getattr(self, f"{kind.value}_id") is not None)

    @property
    def target(self):
        return getattr(self, self.kind)

    @property
    def kind_label(self) -> str:
        return self.Kind(self.kind).label

    @property
    def target_name(self) -> str:
        return name_of(self.target)


def name_of(target) -> str:
    """How a followed thing is named to readers (an author by their byline)."""
    return target.byline if isinstance(target, AuthorProfile) else target.name


class FollowDigest(models.Model):
    """The day's digest of one member's follows: one row per member and day, written before
    the e-mail is handed to the mail server, so a second run (or a run after a crash) never
    sends that member a second digest that day."""

    class Status(models.TextChoices):
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_digests"
    )
    day = models.DateField()
    until = models.DateTimeField(help_text="Pieces published up to this moment are in it.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    pieces = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "day"], name="one_follow_digest_a_day")
        ]

    def __str__(self):
        return f"{self.member}, {self.day}"
