"""Members: the people who log in, by e-mail, under a public display name; the plans they
subscribe to and their subscriptions.

Whether a member is a subscriber at a moment is decided in one place,
``members.subscriptions.is_subscriber``; ``SubscriptionQuerySet.current`` is the same rule
written as a query, for that module's use.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from web.schedules import running_at, runs_at


class MemberManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("A member needs an e-mail address.")
        member = self.model(email=self.normalize_email(email).lower(), **fields)
        member.set_password(password)
        member.save(using=self._db)
        return member

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class Member(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("e-mail address", unique=True)
    display_name = models.CharField(
        max_length=60,
        blank=True,
        help_text="Shown publicly beside the member's comments. Never the e-mail address.",
    )
    is_staff = models.BooleanField(
        "newsroom staff",
        default=False,
        help_text="Staff can log in to the newsroom admin; their group decides what they do.",
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    stripe_customer_id = models.CharField(
        "Stripe customer",
        max_length=255,
        blank=True,
        help_text="Set when the member first pays online (cus_…); the same customer is reused.",
    )

    objects = MemberManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["email"]
        verbose_name = "member"
        constraints = [
            models.UniqueConstraint(Lower("email"), name="member_email_ci_unique"),
            models.UniqueConstraint(
                fields=["stripe_customer_id"],
                condition=~models.Q(stripe_customer_id=""),
                name="member_stripe_customer_unique",
            ),
        ]

    def __str__(self):
        return self.display_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]

    @property
    def public_name(self) -> str:
        """The name shown to other readers: the display name, or a neutral fallback."""
        return self.display_name or "A reader"


class Plan(models.Model):
    class Interval(models.TextChoices):
        MONTH = "month", "Monthly"
        YEAR = "year", "Yearly"

    name = models.CharField(max_length=80, unique=True)
    price = models.DecimalField(max_digits=8, decimal_places=2, help_text="Per interval.")
    currency = models.CharField(max_length=3, default="GBP", help_text="ISO code, e.g. GBP.")
    interval = models.CharField(max_length=8, choices=Interval.choices, default=Interval.MONTH)
    description = models.TextField(blank=True, help_text="One or two sentences for /subscribe/.")
    active = models.BooleanField(
        default=True, help_text="Only active plans are offered on the subscribe page."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the page.")
    stripe_price_id = models.CharField(
        "Stripe price",
        max_length=255,
        blank=True,
        help_text="The id of the recurring price in Stripe (price_…) that this plan sells. "
        "Empty: the plan cannot be bought online.",
    )
    ad_free = models.BooleanField(
        "ad-free",
        default=False,
        help_text="Members with a current subscription to this plan see no sponsor placements.",
    )

    class Meta:
        ordering = ["position", "price", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price__gte=0), name="plan_price_not_negative"
            ),
            models.UniqueConstraint(
                fields=["stripe_price_id"],
                condition=~models.Q(stripe_price_id=""),
                name="plan_stripe_price_unique",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def price_label(self) -> str:
        symbol = {"GBP": "£", "EUR": "€", "USD": "$"}.get(self.currency)
        amount = f"{self.price:,.2f}".removesuffix(".00")
        per = "month" if self.interval == self.Interval.MONTH else "year"
        if symbol:
            return f"{symbol}{amount} a {per}"
        return f"{amount} {self.currency} a {per}"


class SubscriptionQuerySet(models.QuerySet):
    def current(self, at=None):
        """Started, and at ``at`` (default: now) either Active with its paid period not
        ended, or Payment overdue within the grace period that follows the first failed
        payment (``SUBSCRIPTION_GRACE_DAYS``).

        A subscription cancelled at the end of its period stays Active until that end, so
        it gives access until then. The subscriber rule as a query; ``members.subscriptions``
        (and the admin's "gives access now") are its only callers.
        """
        at = at or timezone.now()
        paid_up = models.Q(status=Subscription.Status.ACTIVE) & (
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)
        )
        in_grace = models.Q(
            status=Subscription.Status.PAST_DUE,
            payment_failed_at__gt=at - timedelta(days=settings.SUBSCRIPTION_GRACE_DAYS),
        )
        return self.filter(paid_up | in_grace, starts_at__lte=at)


class Subscription(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAST_DUE = "past_due", "Payment overdue"
        INCOMPLETE = "incomplete", "Awaiting first payment"
        PAUSED = "paused", "Paused"
        CANCELLED = "cancelled", "Cancelled"
        EXPIRED = "expired", "Expired"

    class Source(models.TextChoices):
        COMPLIMENTARY = "complimentary", "Complimentary"
        ONLINE = "online", "Online"

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="subscriptions")
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text="A member is a subscriber while the status is Active and the paid period "
        "has not ended, or while a payment is overdue and the grace period after the failed "
        "payment has not ended.",
    )
    starts_at = models.DateTimeField("start", default=timezone.now)
    ends_at = models.DateTimeField(
        "end of paid period",
        null=True,
        blank=True,
        help_text="Access stops at this moment. Empty: open-ended (complimentary only).",
    )
    cancelled_at = models.DateTimeField("cancelled at", null=True, blank=True)
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.COMPLIMENTARY)
    note = models.TextField(blank=True, help_text="Why it was granted, for the desk's records.")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Online subscriptions: kept in step with Stripe by members.billing.webhooks.
    stripe_subscription_id = models.CharField(
        "Stripe subscription", max_length=255, blank=True, editable=False
    )
    cancel_at_period_end = models.BooleanField(
        "ends at period end",
        default=False,
        editable=False,
        help_text="The reader cancelled: access continues until the end of the paid period, "
        "then stops.",
    )
    payment_failed_at = models.DateTimeField(
        "payment failed at",
        null=True,
        blank=True,
        editable=False,
        help_text="The first failed payment of an overdue subscription; the grace period "
        "runs from here.",
    )
    stripe_event_at = models.DateTimeField(
        "last Stripe event", null=True, blank=True, editable=False
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["member", "status", "ends_at"], name="subscription_current_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="subscription_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["stripe_subscription_id"],
                condition=~models.Q(stripe_subscription_id=""),
                name="subscription_stripe_id_unique",
            ),
        ]

    def __str__(self):
        return f"{self.plan} for {self.member}"

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The paid period must end after it starts."})
        if self.source == self.Source.ONLINE and self.ends_at is None:
            raise ValidationError({"ends_at": "An online subscription runs to a paid-up date."})

    @property
    def grace_ends_at(self):
        """When access stops if the overdue payment is not made (None: nothing overdue)."""
        if self.status != self.Status.PAST_DUE or self.payment_failed_at is None:
            return None
        return self.payment_failed_at + timedelta(days=settings.SUBSCRIPTION_GRACE_DAYS)

    @property
    def renews(self) -> bool:
        """Paid online and set to renew at the end of the period."""
        return (
            self.source == self.Source.ONLINE
            and self.status == self.Status.ACTIVE
            and not self.cancel_at_period_end
        )


# --- The editor's appeal ----------------------------------------------------------------------


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


# --- Online payment (Stripe) -----------------------------------------------------------------


class StripeEvent(models.Model):
    """A Stripe webhook event, recorded once: its id is unique, so a replay, or the same
    event delivered twice at once, is applied only once (``members.billing.webhooks``)."""

    event_id = models.CharField("event", max_length=255, unique=True)
    type = models.CharField(max_length=100)
    created = models.DateTimeField(help_text="When Stripe created the event.")
    received_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(max_length=255, blank=True, help_text="What it changed, or why not.")

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "Stripe event"

    def __str__(self):
        return f"{self.type} {self.event_id}"


class StripeSync(models.Model):
    """A subscription to fetch from Stripe outside any request, and to try again later when
    Stripe cannot be reached (``manage.py sync_stripe``)."""

    stripe_subscription_id = models.CharField("Stripe subscription", max_length=255, unique=True)
    reason = models.CharField(max_length=255, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["next_attempt_at", "id"]
        verbose_name = "Stripe sync"
        indexes = [models.Index(fields=["done_at", "next_attempt_at"], name="stripesync_due_idx")]

    def __str__(self):
        return self.stripe_subscription_id
