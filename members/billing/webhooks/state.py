"""A subscription brought to what Stripe says about it: newest news wins, and a subscription
Stripe has cancelled stays cancelled.

A subscription remembers the ``created`` time of the newest event applied to it
(``stripe_event_at``); an older event changes nothing, and so does a
``customer.subscription.created`` that arrives after any later news of the same second.
Rows are changed under a lock, so two events about one subscription apply one after the
other.
"""

import calendar
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from ...models import Plan, StripeSync, Subscription
from .payload import metadata_pk, moment, period_end, price_id

STATUS_FROM_STRIPE = {
    "active": Subscription.Status.ACTIVE,
    "trialing": Subscription.Status.ACTIVE,
    "past_due": Subscription.Status.PAST_DUE,
    # Every retry failed; access lasts as long as the grace period after the first failure.
    "unpaid": Subscription.Status.PAST_DUE,
    "incomplete": Subscription.Status.INCOMPLETE,
    "paused": Subscription.Status.PAUSED,
    "canceled": Subscription.Status.CANCELLED,
    "incomplete_expired": Subscription.Status.EXPIRED,
}
# Stripe never brings a subscription back from these.
FINAL = {Subscription.Status.CANCELLED, Subscription.Status.EXPIRED}


def apply_subscription(
    subscription: Subscription, data: dict, at: datetime, *, event_type: str = ""
) -> str:
    """Bring ``subscription`` to the state of Stripe's subscription object ``data``, as it
    was at ``at``, unless newer news has been applied already."""
    if is_stale(subscription, at, event_type):
        return f"subscription {subscription.pk}: older than what is known, skipped"
    status = STATUS_FROM_STRIPE.get(data.get("status"), subscription.status)
    if subscription.status in FINAL and subscription.stripe_event_at and status not in FINAL:
        return f"subscription {subscription.pk}: already ended, skipped"
    plan = plan_for(price_id(data), None)
    if plan is not None:
        subscription.plan = plan  # the reader changed plans in the billing portal
    subscription.status = status
    subscription.starts_at = moment(data.get("start_date")) or subscription.starts_at
    cancel_at = moment(data.get("cancel_at"))
    subscription.cancel_at_period_end = bool(data.get("cancel_at_period_end") or cancel_at)
    subscription.cancelled_at = moment(data.get("canceled_at"))
    if status in FINAL:
        subscription.ends_at = moment(data.get("ended_at")) or at
        subscription.cancelled_at = subscription.cancelled_at or subscription.ends_at
    else:
        ends = period_end(data)
        if ends is not None:
            subscription.ends_at = min(ends, cancel_at) if cancel_at else ends
    if status == Subscription.Status.PAST_DUE:
        subscription.payment_failed_at = subscription.payment_failed_at or at
    elif status == Subscription.Status.ACTIVE:
        subscription.payment_failed_at = None
    return save_news(subscription, at, f"now {subscription.get_status_display().lower()}")


def request_sync(subscription_id: str, reason: str) -> None:
    """Ask ``sync_stripe`` to fetch this subscription from Stripe (outside any request)."""
    StripeSync.objects.update_or_create(
        stripe_subscription_id=subscription_id,
        defaults={
            "reason": reason[:255],
            "attempts": 0,
            "last_error": "",
            "next_attempt_at": timezone.now(),
            "done_at": None,
        },
    )


def is_stale(subscription: Subscription, at: datetime, event_type: str) -> bool:
    """True when newer news of ``subscription`` than an event of ``at`` is applied already."""
    known = subscription.stripe_event_at
    if known is None:
        return False
    # Stripe stamps events to the second: the first news of a subscription never
    # overrides later news of the same second.
    return at < known or (at == known and event_type == "customer.subscription.created")


def save_news(subscription: Subscription, at: datetime, what: str) -> str:
    """Store ``subscription`` as the news of ``at`` left it; say what changed."""
    subscription.stripe_event_at = at
    if subscription.ends_at is not None and subscription.ends_at <= subscription.starts_at:
        subscription.ends_at = subscription.starts_at + timedelta(seconds=1)
    subscription.save()
    return f"subscription {subscription.pk}: {what}"


def locked(subscription_id: str | None) -> Subscription | None:
    """The subscription with this Stripe id, locked until the transaction ends."""
    if not subscription_id:
        return None
    return (
        Subscription.objects.select_for_update()
        .filter(stripe_subscription_id=subscription_id)
        .first()
    )


def locked_or_created(
    subscription_id: str, start: Callable[[], Subscription]
) -> tuple[Subscription, bool]:
    """The subscription with this Stripe id, locked; or a new one from ``start()``.

    Two events about a new subscription may arrive at once: the unique Stripe id lets one
    create it, and the other then finds it.
    """
    existing = locked(subscription_id)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            subscription = start()
            subscription.save()
            return subscription, True
    except IntegrityError:
        winner = locked(subscription_id)
        if winner is None:  # another constraint refused the row: not a race, a real fault
            raise
        return winner, False


def plan_for(price: str | None, plan_id) -> Plan | None:
    """The plan selling Stripe's ``price``, or else the plan we named in metadata."""
    if price:
        plan = Plan.objects.filter(stripe_price_id=price).first()
        if plan is not None:
            return plan
    pk = metadata_pk(plan_id)
    return Plan.objects.filter(pk=pk).first() if pk else None


def estimated_period_end(plan: Plan, start: datetime) -> datetime:
    """Until Stripe says otherwise: one interval of the plan from the start, as Stripe
    bills (31 January + a month is the last day of February)."""
    months = start.month - 1 + (12 if plan.interval == Plan.Interval.YEAR else 1)
    year, month = start.year + months // 12, months % 12 + 1
    return start.replace(
        year=year, month=month, day=min(start.day, calendar.monthrange(year, month)[1])
    )
