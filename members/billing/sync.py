"""Calls to Stripe made outside any request, and retried until Stripe answers.

The webhook never calls Stripe. When it needs more than an event holds (the real period of
a subscription whose Checkout session completed before its own events arrived), it records
a ``StripeSync``; ``manage.py sync_stripe`` (run every few minutes) fetches each due one
and applies it like an event. A call that fails is tried again later, each time after a
longer wait; a subscription Stripe does not know is given up.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import stripe
from django.db import transaction
from django.utils import timezone

from ..models import StripeSync, Subscription
from . import stripe_client
from .webhooks import apply_subscription

log = logging.getLogger(__name__)

MAX_WAIT = timedelta(hours=6)


@dataclass
class SyncReport:
    synced: int = 0
    failed: int = 0
    given_up: int = 0


def retry_wait(attempts: int) -> timedelta:
    """Two minutes after the first failure, doubling, at most six hours."""
    return min(timedelta(minutes=2) * 2 ** max(attempts - 1, 0), MAX_WAIT)


def run_due_syncs(now: datetime | None = None, limit: int = 100) -> SyncReport:
    now = now or timezone.now()
    report = SyncReport()
    due = list(StripeSync.objects.filter(done_at__isnull=True, next_attempt_at__lte=now)[:limit])
    if not due:
        return report
    client = stripe_client()
    for job in due:
        try:
            data = client.v1.subscriptions.retrieve(job.stripe_subscription_id).to_dict()
        except stripe.InvalidRequestError as error:
            # Stripe answered, and will answer the same again: nothing to retry.
            _finish(job, now, f"given up: {error.user_message or error}")
            report.given_up += 1
            continue
        except stripe.StripeError as error:
            job.attempts += 1
            job.last_error = str(error.user_message or error)[:2000]
            job.next_attempt_at = now + retry_wait(job.attempts)
            job.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            log.warning("Stripe sync of %s failed: %s", job.stripe_subscription_id, job.last_error)
            report.failed += 1
            continue
        with transaction.atomic():
            subscription = (
                Subscription.objects.select_for_update()
                .filter(stripe_subscription_id=job.stripe_subscription_id)
                .first()
            )
            if subscription is not None:
                # What Stripe says now is newer than any event created before this moment.
                apply_subscription(subscription, data, now)
            _finish(job, now, "")
        report.synced += 1
    return report


def _finish(job: StripeSync, now: datetime, error: str) -> None:
    job.done_at = now
    job.last_error = error[:2000]
    job.save(update_fields=["done_at", "last_error"])
