"""The subscriber rule: who is a subscriber, at a given moment.

A member is a subscriber while one of their subscriptions is Active, has started and its
paid period has not ended (an empty end means open-ended). Every route and template that
needs the answer asks ``is_subscriber``; templates get it as ``member_is_subscriber`` from
``members.context_processors.membership``. The condition itself is written once, as
``SubscriptionQuerySet.current``.
"""

from datetime import datetime, timedelta

from django.db.models import F
from django.utils import timezone

from .models import Subscription


def is_subscriber(member, at: datetime | None = None) -> bool:
    """True when ``member`` holds a current subscription at ``at`` (default: now).

    Anonymous visitors and inactive accounts are never subscribers. One query for a
    logged-in member, none for anyone else.
    """
    if member is None or not member.is_authenticated or not member.is_active:
        return False
    return Subscription.objects.current(at).filter(member=member).exists()


def current_subscription(member, at: datetime | None = None) -> Subscription | None:
    """The subscription that makes ``member`` a subscriber at ``at``, the latest-ending
    first; None when there is none (for display: plan, end of period)."""
    if member is None or not member.is_authenticated or not member.is_active:
        return None
    return (
        Subscription.objects.current(at)
        .filter(member=member)
        .select_related("plan")
        .order_by(F("ends_at").desc(nulls_first=True), "-starts_at")
        .first()
    )


def last_subscription(member) -> Subscription | None:
    """The member's most recent subscription, current or not (for "yours ended on …")."""
    if member is None or not member.is_authenticated:
        return None
    return (
        Subscription.objects.filter(member=member)
        .select_related("plan")
        .order_by("-starts_at", "-id")
        .first()
    )


def end_subscription(subscription: Subscription, at: datetime | None = None) -> None:
    """End access now: cancelled, with the paid period closed at this moment."""
    at = at or timezone.now()
    subscription.status = Subscription.Status.CANCELLED
    subscription.cancelled_at = at
    if subscription.ends_at is None or subscription.ends_at > at:
        subscription.ends_at = max(at, subscription.starts_at + timedelta(seconds=1))
    subscription.save(update_fields=["status", "cancelled_at", "ends_at"])
