"""Plans, and the subscriptions members hold to them.

Whether a member is a subscriber at a moment is decided in one place,
``members.subscriptions.is_subscriber``; ``SubscriptionQuerySet.current`` is the same rule
written as a query, for that module's use.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


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
        return self.started(at).filter(gives_access_at(at))

    def started(self, at=None):
        """Subscriptions that had begun by ``at`` (default: now), current or ended, leaving
        out checkouts still awaiting their first payment (they never gave access)."""
        return self.filter(started_by(at or timezone.now()))


def started_by(at):
    """The condition of ``SubscriptionQuerySet.started``, as a ``Q``."""
    return models.Q(starts_at__lte=at) & ~models.Q(status=Subscription.Status.INCOMPLETE)


def gives_access_at(at):
    """The condition of ``SubscriptionQuerySet.current`` on a started subscription, as a ``Q``
    (``members.subscriptions.standing`` reads it as a column, to tell current from ended)."""
    paid_up = models.Q(status=Subscription.Status.ACTIVE) & (
        models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)
    )
    in_grace = models.Q(
        status=Subscription.Status.PAST_DUE,
        payment_failed_at__gt=at - timedelta(days=settings.SUBSCRIPTION_GRACE_DAYS),
    )
    return paid_up | in_grace


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
