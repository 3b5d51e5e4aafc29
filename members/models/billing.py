"""Online payment's own records: Stripe's events as received, and the subscriptions to fetch
from Stripe outside any request (``members.billing``)."""

from django.db import models
from django.utils import timezone


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
