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

from django.conf import settings
from django.db.models import BooleanField, Case, F, Value, When
from django.utils import timezone

from web import reader_cache

from .models import Subscription
from .models.plans import gives_access_at, started_by


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
    # The next moment the answer may change by the clock alone (a subscription starting, a
    # paid period or a grace period ending); None when no such moment is known.
    changes_at: datetime | None = None


NO_SUBSCRIPTION = Standing(subscriber=False, ad_free=False)


def standing(member, at: datetime | None = None) -> Standing:
    """Whether ``member`` subscribes at ``at``, on an ad-free plan, or has lapsed: one query
    for a logged-in member (the same rule as ``is_subscriber``), none for anyone else."""
    if member is None or not member.is_authenticated or not member.is_active:
        return NO_SUBSCRIPTION
    at = at or timezone.now()
    rows = list(
        Subscription.objects.filter(member=member)
        .exclude(status=Subscription.Status.INCOMPLETE)
        .annotate(
            started=_as_column(started_by(at)),
            gives_access=_as_column(started_by(at) & gives_access_at(at)),
        )
        .values_list(
            "started", "gives_access", "plan__ad_free", "ends_at", "starts_at", "payment_failed_at"
        )
    )
    changes_at = _next_change(rows, at)
    current = [ad_free for _, gives_access, ad_free, *_ in rows if gives_access]
    if current:
        return Standing(subscriber=True, ad_free=any(current), changes_at=changes_at)
    started = [ends_at for began, _, _, ends_at, *_ in rows if began]
    if not started:
        return Standing(subscriber=False, ad_free=False, changes_at=changes_at)
    ends = [ends_at for ends_at in started if ends_at is not None and ends_at <= at]
    return Standing(
        subscriber=False,
        ad_free=False,
        lapsed=True,
        ended_at=max(ends, default=None),
        changes_at=changes_at,
    )


def _as_column(condition) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def _next_change(rows, at: datetime) -> datetime | None:
    """The first moment after ``at`` at which one of the subscriptions starts, ends its paid
    period or its grace period (``standing``'s rows)."""
    grace = timedelta(days=settings.SUBSCRIPTION_GRACE_DAYS)
    moments = []
    for *_, ends_at, starts_at, payment_failed_at in rows:
        moments += [starts_at, ends_at, payment_failed_at and payment_failed_at + grace]
    return min((m for m in moments if m is not None and m > at), default=None)


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


# How long a reader's standing is kept for drawing pages at most. A subscription saved or
# deleted (a payment, a cancellation, the newsroom's grant) refreshes it at once, and so
# does the moment one starts or runs out (``Standing.changes_at``); this only bounds what a
# write that bypasses the models (raw SQL, a restored dump) leaves behind.
STANDING_SECONDS = 60
# Moved on by every saved plan (an ad-free plan that becomes one with sponsors).
PLANS_TAG = "subscription-plans"


def member_tag(member_id: int) -> str:
    """The reader-cache tag of what is kept about one member's subscriptions."""
    return f"member-subscriptions:{member_id}"


def request_standing(request) -> Standing:
    """``standing`` of the request's member, for drawing a page: asked once however many
    blocks need it, and kept in the reader cache between one page and the next (see
    ``STANDING_SECONDS``), so a logged-in reader's page usually runs no query for it.
    Decisions that change something (posting, paying) ask ``standing`` itself."""
    if not hasattr(request, "_member_standing"):
        member = getattr(request, "user", None)
        if member is None or not member.is_authenticated or not member.is_active:
            request._member_standing = NO_SUBSCRIPTION
        else:
            request._member_standing = _kept_standing(member)
    return request._member_standing


def _kept_standing(member) -> Standing:
    key = f"standing:{member.pk}"
    tags = (member_tag(member.pk), PLANS_TAG)
    computed = {}

    def compute() -> Standing:
        computed["standing"] = standing(member)
        return computed["standing"]

    def timeout() -> int:
        changes_at = computed["standing"].changes_at
        if changes_at is None:
            return STANDING_SECONDS
        seconds = (changes_at - timezone.now()).total_seconds()
        return max(1, min(STANDING_SECONDS, int(seconds)))

    def stale(kept: Standing) -> bool:
        # Its moment has come: a subscription started or ran out since it was kept.
        return kept.changes_at is not None and kept.changes_at <= timezone.now()

    return reader_cache.remember(key, tags, compute, timeout, stale)


def keep_standings_fresh() -> None:
    """Saving or deleting a subscription or a plan refreshes the standings kept for pages
    (called from ``MembersConfig.ready()``)."""
    from .models import Plan

    reader_cache.stale_when_changed(Subscription, _subscription_tags)
    reader_cache.stale_when_changed(Plan, _plan_tags)


def _subscription_tags(subscription) -> tuple[str, ...]:
    return (member_tag(subscription.member_id),)


def _plan_tags(plan) -> tuple[str, ...]:
    return (PLANS_TAG,)


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
