"""The subscriber rule: who is a subscriber, at a given moment.

A member is a subscriber while one of their subscriptions has started and is either Active
with its paid period not ended (an empty end means open-ended), or Payment overdue within
``SUBSCRIPTION_GRACE_DAYS`` of the first failed payment. A reader who cancels online stays
Active until the end of the period paid for. Complimentary and online subscriptions count
alike. Every route that needs the answer asks ``is_subscriber`` (or ``standing``; for many readers
at once, ``subscribers_among``); a page's
template tags ask ``request_standing``, which asks once per request (templates have no other
way to know). The condition itself is written once, as ``SubscriptionQuerySet.current``.

A lapsed reader is a member who is not a subscriber now but was one: a subscription of theirs
began and has ended (cancelled, expired, or overdue past the grace period). A checkout that
never took its first payment does not count. Pages greet them as returning readers ("welcome
back", a renew link) rather than as strangers; ``standing`` tells both in the same query.

What that means for a page is decided here too: ``sees_appeal`` (the editor's appeal is for
non-subscribers) and ``sees_sponsors`` (the ad-free rule), both read from one ``standing``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import BooleanField, Case, F, Value, When
from django.utils import timezone

from .models import Subscription
from .models.plans import gives_access_at


def is_subscriber(member, at: datetime | None = None) -> bool:
    """True when ``member`` holds a current subscription at ``at`` (default: now).

    Anonymous visitors and inactive accounts are never subscribers. One query for a
    logged-in member, none for anyone else.
    """
    return standing(member, at).subscriber


@dataclass(frozen=True)
class Standing:
    """What a reader's subscriptions mean for the page at one moment."""

    subscriber: bool
    # A current subscription on an ad-free plan: no sponsor placements.
    ad_free: bool
    # Not a subscriber now, but was one (see the module's docstring); ``ended_at`` is when
    # their last subscription ended, when that is known.
    lapsed: bool = False
    ended_at: datetime | None = None


NO_SUBSCRIPTION = Standing(subscriber=False, ad_free=False)


def standing(member, at: datetime | None = None) -> Standing:
    """Whether ``member`` subscribes at ``at``, on an ad-free plan, or has lapsed: one query
    for a logged-in member (the same rule as ``is_subscriber``), none for anyone else."""
    if member is None or not member.is_authenticated or not member.is_active:
        return NO_SUBSCRIPTION
    at = at or timezone.now()
    started = (
        Subscription.objects.started(at)
        .filter(member=member)
        .annotate(
            gives_access=Case(
                When(gives_access_at(at), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .values_list("gives_access", "plan__ad_free", "ends_at")
    )
    rows = list(started)
    current = [ad_free for gives_access, ad_free, _ in rows if gives_access]
    if current:
        return Standing(subscriber=True, ad_free=any(current))
    if not rows:
        return NO_SUBSCRIPTION
    ends = [ends_at for _, _, ends_at in rows if ends_at is not None and ends_at <= at]
    return Standing(subscriber=False, ad_free=False, lapsed=True, ended_at=max(ends, default=None))


def subscribers_among(member_ids: Iterable[int], at: datetime | None = None) -> set[int]:
    """Which of ``member_ids`` subscribe at ``at`` (default: now): ``is_subscriber`` for a
    whole batch of readers in one query (a newsletter going out to thousands)."""
    ids = [pk for pk in member_ids if pk is not None]
    if not ids:
        return set()
    current = Subscription.objects.current(at or timezone.now()).filter(
        member_id__in=ids, member__is_active=True
    )
    return set(current.values_list("member_id", flat=True))


def request_standing(request) -> Standing:
    """``standing`` of the request's member, asked once however many blocks need it."""
    if not hasattr(request, "_member_standing"):
        request._member_standing = standing(getattr(request, "user", None))
    return request._member_standing


def sees_appeal(reader: Standing) -> bool:
    """The editor's appeal is for readers who do not subscribe; subscribers never see it."""
    return not reader.subscriber


def sees_sponsors(reader: Standing) -> bool:
    """The ad-free rule: members on an ad-free plan see no sponsor placements; everyone else,
    anonymous readers included, does."""
    return not reader.ad_free


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


def bills_online(member) -> bool:
    """True while the payment system still bills ``member`` for a subscription (active,
    overdue, awaiting its first payment or paused, whatever their access is today): a
    second Checkout would charge them twice, so plan changes go through the billing portal."""
    if member is None or not member.is_authenticated:
        return False
    return (
        Subscription.objects.filter(member=member, source=Subscription.Source.ONLINE)
        .exclude(status__in=(Subscription.Status.CANCELLED, Subscription.Status.EXPIRED))
        .exists()
    )
