"""Stripe's events, applied to members' subscriptions.

The rules, in the order they are applied:

- **Signed or refused.** An event is read only when its ``Stripe-Signature`` header
  (HMAC-SHA256 of ``timestamp.payload`` with ``STRIPE_WEBHOOK_SECRET``) matches and is at
  most five minutes old; anything else is refused and nothing is stored.
- **Once.** Every event id is recorded (``StripeEvent``, unique) in the same transaction as
  the change it makes: a replay, or the same event delivered twice at once, changes nothing.
- **From the event alone.** Nothing here calls Stripe. When a Checkout session completes
  before its subscription's own events arrive, the period end is estimated from the plan and
  ``StripeSync`` asks for the subscription later (``manage.py sync_stripe``).
- **Newest wins.** A subscription remembers the ``created`` time of the newest event applied
  to it (``stripe_event_at``); an older event changes nothing, and so does a
  ``customer.subscription.created`` that arrives after any later news of the same second.
  A subscription Stripe has cancelled stays cancelled.
- **Unknown is not an error.** An event about a customer, subscription or price we do not
  know is recorded, logged and answered as received.
"""

import calendar
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Member, Plan, StripeEvent, StripeSync, Subscription

log = logging.getLogger(__name__)

# Stripe's own default: a signature older than this is refused (a replayed capture).
SIGNATURE_TOLERANCE_SECONDS = 300

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


class InvalidEvent(Exception):
    """The request is not a genuine, readable Stripe event."""


def verify_event(payload: bytes, signature: str | None) -> dict:
    """The event in ``payload`` when ``signature`` proves Stripe sent it just now."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise InvalidEvent("STRIPE_WEBHOOK_SECRET is not set")
    try:
        stripe.WebhookSignature.verify_header(
            payload, signature, secret, SIGNATURE_TOLERANCE_SECONDS
        )
        event = json.loads(payload)
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise InvalidEvent(str(error).split("\n")[0]) from None
    if not (
        isinstance(event, dict)
        and isinstance(event.get("id"), str)
        and isinstance(event.get("type"), str)
        and isinstance(event.get("created"), int)
        and isinstance((event.get("data") or {}).get("object"), dict)
    ):
        raise InvalidEvent("not a Stripe event")
    return event


def process_event(event: dict) -> str:
    """Apply a verified event once; return what it did, in a few words."""
    at = _moment(event["created"])
    handler = HANDLERS.get(event["type"])
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = StripeEvent.objects.create(
                    event_id=event["id"], type=event["type"], created=at
                )
        except IntegrityError:
            return "already processed"
        outcome = handler(event["data"]["object"], at, event["type"]) if handler else "not handled"
        record.outcome = outcome[:255]
        record.save(update_fields=["outcome"])
    return outcome


# --- Handlers ----------------------------------------------------------------------------------


def _checkout_completed(session: dict, at: datetime, event_type: str) -> str:
    if session.get("mode") != "subscription":
        return "not a subscription checkout"
    metadata = session.get("metadata") or {}
    customer_id = _id(session.get("customer"))
    member = _member_for(
        customer_id, metadata.get("member_id") or session.get("client_reference_id")
    )
    if member is None:
        return _unknown("member", customer_id or session.get("client_reference_id"), event_type)
    _remember_customer(member, customer_id)
    subscription_id = _id(session.get("subscription"))
    if not subscription_id:
        return _unknown("subscription", session.get("id"), event_type)
    plan = _plan_for(None, metadata.get("plan_id"))
    if plan is None:
        return _unknown("plan", metadata.get("plan_id"), event_type)
    paid = session.get("payment_status") in ("paid", "no_payment_required")

    def start() -> Subscription:
        return Subscription(
            member=member,
            plan=plan,
            source=Subscription.Source.ONLINE,
            status=Subscription.Status.ACTIVE if paid else Subscription.Status.INCOMPLETE,
            starts_at=at,
            ends_at=_estimated_period_end(plan, at),
            stripe_subscription_id=subscription_id,
        )

    subscription, created = _locked_or_created(subscription_id, start)
    if created:
        # Only the subscription's own events, or Stripe when asked, know the real period.
        request_sync(subscription_id, "Checkout completed before the subscription's events")
        return f"subscription {subscription.pk} started"
    if paid and subscription.status == Subscription.Status.INCOMPLETE:
        subscription.status = Subscription.Status.ACTIVE
        subscription.save(update_fields=["status"])
        return f"subscription {subscription.pk} paid"
    return f"subscription {subscription.pk} already known"


def _subscription_changed(data: dict, at: datetime, event_type: str) -> str:
    subscription_id = data.get("id")
    subscription = _locked(subscription_id)
    if subscription is None:
        if event_type == "customer.subscription.deleted":
            return _unknown("subscription", subscription_id, event_type)
        metadata = data.get("metadata") or {}
        customer_id = _id(data.get("customer"))
        member = _member_for(customer_id, metadata.get("member_id"))
        if member is None:
            return _unknown("customer", customer_id, event_type)
        plan = _plan_for(_price_id(data), metadata.get("plan_id"))
        if plan is None:
            return _unknown("price", _price_id(data), event_type)
        _remember_customer(member, customer_id)

        def start() -> Subscription:
            return Subscription(
                member=member,
                plan=plan,
                source=Subscription.Source.ONLINE,
                starts_at=_moment(data.get("start_date")) or at,
                ends_at=_estimated_period_end(plan, at),
                stripe_subscription_id=subscription_id,
            )

        subscription, _ = _locked_or_created(subscription_id, start)
    return apply_subscription(subscription, data, at, event_type=event_type)


def apply_subscription(
    subscription: Subscription, data: dict, at: datetime, *, event_type: str = ""
) -> str:
    """Bring ``subscription`` to the state of Stripe's subscription object ``data``, as it
    was at ``at``, unless newer news has been applied already."""
    if _stale(subscription, at, event_type):
        return f"subscription {subscription.pk}: older than what is known, skipped"
    status = STATUS_FROM_STRIPE.get(data.get("status"), subscription.status)
    if subscription.status in FINAL and subscription.stripe_event_at and status not in FINAL:
        return f"subscription {subscription.pk}: already ended, skipped"
    plan = _plan_for(_price_id(data), None)
    if plan is not None:
        subscription.plan = plan  # the reader changed plans in the billing portal
    subscription.status = status
    subscription.starts_at = _moment(data.get("start_date")) or subscription.starts_at
    cancel_at = _moment(data.get("cancel_at"))
    subscription.cancel_at_period_end = bool(data.get("cancel_at_period_end") or cancel_at)
    subscription.cancelled_at = _moment(data.get("canceled_at"))
    if status in FINAL:
        subscription.ends_at = _moment(data.get("ended_at")) or at
        subscription.cancelled_at = subscription.cancelled_at or subscription.ends_at
    else:
        period_end = _period_end(data)
        if period_end is not None:
            subscription.ends_at = min(period_end, cancel_at) if cancel_at else period_end
    if status == Subscription.Status.PAST_DUE:
        subscription.payment_failed_at = subscription.payment_failed_at or at
    elif status == Subscription.Status.ACTIVE:
        subscription.payment_failed_at = None
    return _save(subscription, at, f"now {subscription.get_status_display().lower()}")


def _invoice_paid(invoice: dict, at: datetime, event_type: str) -> str:
    subscription = _locked(_invoice_subscription_id(invoice))
    if subscription is None:
        return _invoice_without_subscription(invoice, event_type)
    if _stale(subscription, at, event_type) or subscription.status in FINAL:
        return f"subscription {subscription.pk}: older than what is known, skipped"
    subscription.status = Subscription.Status.ACTIVE
    subscription.payment_failed_at = None
    period_end = _invoice_period_end(invoice)
    if period_end is not None and (
        subscription.ends_at is None or period_end > subscription.ends_at
    ):
        subscription.ends_at = period_end
    return _save(subscription, at, "paid")


def _invoice_payment_failed(invoice: dict, at: datetime, event_type: str) -> str:
    subscription = _locked(_invoice_subscription_id(invoice))
    if subscription is None:
        return _invoice_without_subscription(invoice, event_type)
    if _stale(subscription, at, event_type) or subscription.status in FINAL:
        return f"subscription {subscription.pk}: older than what is known, skipped"
    subscription.status = Subscription.Status.PAST_DUE
    # The grace period runs from the first failure; Stripe's retries do not extend it.
    subscription.payment_failed_at = subscription.payment_failed_at or at
    return _save(subscription, at, "payment failed")


HANDLERS: dict[str, Callable[[dict, datetime, str], str]] = {
    "checkout.session.completed": _checkout_completed,
    "customer.subscription.created": _subscription_changed,
    "customer.subscription.updated": _subscription_changed,
    "customer.subscription.deleted": _subscription_changed,
    "invoice.paid": _invoice_paid,
    "invoice.payment_failed": _invoice_payment_failed,
}


# --- Helpers -----------------------------------------------------------------------------------


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


def _stale(subscription: Subscription, at: datetime, event_type: str) -> bool:
    known = subscription.stripe_event_at
    if known is None:
        return False
    # Stripe stamps events to the second: the first news of a subscription never
    # overrides later news of the same second.
    return at < known or (at == known and event_type == "customer.subscription.created")


def _save(subscription: Subscription, at: datetime, what: str) -> str:
    subscription.stripe_event_at = at
    if subscription.ends_at is not None and subscription.ends_at <= subscription.starts_at:
        subscription.ends_at = subscription.starts_at + timedelta(seconds=1)
    subscription.save()
    return f"subscription {subscription.pk}: {what}"


def _locked(subscription_id: str | None) -> Subscription | None:
    if not subscription_id:
        return None
    return (
        Subscription.objects.select_for_update()
        .filter(stripe_subscription_id=subscription_id)
        .first()
    )


def _locked_or_created(
    subscription_id: str, start: Callable[[], Subscription]
) -> tuple[Subscription, bool]:
    """The subscription with this Stripe id, locked; or a new one from ``start()``.

    Two events about a new subscription may arrive at once: the unique Stripe id lets one
    create it, and the other then finds it.
    """
    existing = _locked(subscription_id)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            subscription = start()
            subscription.save()
            return subscription, True
    except IntegrityError:
        winner = _locked(subscription_id)
        if winner is None:  # another constraint refused the row: not a race, a real fault
            raise
        return winner, False


def _member_for(customer_id: str | None, member_id) -> Member | None:
    if customer_id:
        member = Member.objects.filter(stripe_customer_id=customer_id).first()
        if member is not None:
            return member
    pk = _pk(member_id)
    return Member.objects.filter(pk=pk).first() if pk else None


def _remember_customer(member: Member, customer_id: str | None) -> None:
    if not customer_id or member.stripe_customer_id:
        return
    if Member.objects.filter(stripe_customer_id=customer_id).exists():
        return
    member.stripe_customer_id = customer_id
    member.save(update_fields=["stripe_customer_id"])


def _plan_for(price_id: str | None, plan_id) -> Plan | None:
    if price_id:
        plan = Plan.objects.filter(stripe_price_id=price_id).first()
        if plan is not None:
            return plan
    pk = _pk(plan_id)
    return Plan.objects.filter(pk=pk).first() if pk else None


def _pk(value) -> int | None:
    """A primary key we put in metadata, as a number (None when it is not one)."""
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None


def _unknown(what: str, which, event_type: str) -> str:
    log.warning("Stripe %s about an unknown %s: %s", event_type, what, which)
    return f"unknown {what} {which}"[:255]


def _invoice_without_subscription(invoice: dict, event_type: str) -> str:
    subscription_id = _invoice_subscription_id(invoice)
    if not subscription_id:
        return "not a subscription invoice"
    return _unknown("subscription", subscription_id, event_type)


def _id(value) -> str | None:
    """A Stripe reference: an id, or an expanded object with one."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def _moment(timestamp) -> datetime | None:
    if not isinstance(timestamp, int | float) or isinstance(timestamp, bool):
        return None
    return datetime.fromtimestamp(timestamp, tz=UTC)


def _items(data: dict) -> list[dict]:
    items = (data.get("items") or {}).get("data") or []
    return [item for item in items if isinstance(item, dict)]


def _price_id(data: dict) -> str | None:
    for item in _items(data):
        price = _id(item.get("price"))
        if price:
            return price
    return None


def _period_end(data: dict) -> datetime | None:
    """The end of the current period: on the subscription in older API versions, on each
    item since 2025-03-31."""
    ends = [data.get("current_period_end")] + [
        item.get("current_period_end") for item in _items(data)
    ]
    moments = [m for m in map(_moment, ends) if m is not None]
    return max(moments) if moments else None


def _invoice_subscription_id(invoice: dict) -> str | None:
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return _id(details.get("subscription")) or _id(invoice.get("subscription"))


def _invoice_period_end(invoice: dict) -> datetime | None:
    lines = (invoice.get("lines") or {}).get("data") or []
    ends = [(line.get("period") or {}).get("end") for line in lines if isinstance(line, dict)]
    moments = [m for m in map(_moment, ends) if m is not None]
    return max(moments) if moments else None


def _estimated_period_end(plan: Plan, start: datetime) -> datetime:
    """Until Stripe says otherwise: one interval of the plan from the start, as Stripe
    bills (31 January + a month is the last day of February)."""
    months = start.month - 1 + (12 if plan.interval == Plan.Interval.YEAR else 1)
    year, month = start.year + months // 12, months % 12 + 1
    return start.replace(
        year=year, month=month, day=min(start.day, calendar.monthrange(year, month)[1])
    )
