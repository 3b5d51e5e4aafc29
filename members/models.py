"""Members: the people who log in, by e-mail, under a public display name; the plans they
subscribe to and their subscriptions.

Whether a member is a subscriber at a moment is decided in one place,
``members.subscriptions.is_subscriber``; ``SubscriptionQuerySet.current`` is the same rule
written as a query, for that module's use.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


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

    objects = MemberManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["email"]
        verbose_name = "member"
        constraints = [
            models.UniqueConstraint(Lower("email"), name="member_email_ci_unique"),
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

    class Meta:
        ordering = ["position", "price", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gte=0), name="plan_price_not_negative")
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
        """Active, started, and its paid period not ended at ``at`` (default: now).

        The subscriber rule as a query; ``members.subscriptions`` is its only caller.
        """
        at = at or timezone.now()
        return self.filter(status=Subscription.Status.ACTIVE, starts_at__lte=at).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)
        )


class Subscription(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAST_DUE = "past_due", "Payment overdue"
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
        "has not ended.",
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
        ]

    def __str__(self):
        return f"{self.plan} for {self.member}"

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The paid period must end after it starts."})
        if self.source == self.Source.ONLINE and self.ends_at is None:
            raise ValidationError({"ends_at": "An online subscription runs to a paid-up date."})
