"""Each verified event recorded once and handed to the handler of its type.

Every event id is recorded (``StripeEvent``, unique) in the same transaction as the change
it makes: a replay, or the same event delivered twice at once, changes nothing. An event
about a customer, subscription or price we do not know is recorded, logged and answered as
received; so is an event of a type we do not handle.
"""

import logging
from collections.abc import Callable
from datetime import datetime

from django.db import IntegrityError, transaction

from ...models import Member, StripeEvent, Subscription
from .payload import (
    invoice_period_end,
    invoice_subscription_id,
    metadata_pk,
    moment,
    price_id,
    stripe_id,
)
from .state import (
    FINAL,
    apply_subscription,
    estimated_period_end,
    is_stale,
    locked,
    locked_or_created,
    plan_for,
    request_sync,
    save_news,
)

# The package's logger: one name for everything the webhook logs.
log = logging.getLogger(__package__)


def process_event(event: dict) -> str:
    """Apply a verified event once; return what it did, in a few words."""
    at = moment(event["created"])
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
    customer_id = stripe_id(session.get("customer"))
    member = _member_for(
        customer_id, metadata.get("member_id") or session.get("client_reference_id")
    )
    if member is None:
        return _unknown("member", customer_id or session.get("client_reference_id"), event_type)
    _remember_customer(member, customer_id)
    subscription_id = stripe_id(session.get("subscription"))
    if not subscription_id:
        return _unknown("subscription", session.get("id"), event_type)
    plan = plan_for(None, metadata.get("plan_id"))
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
            ends_at=estimated_period_end(plan, at),
            stripe_subscription_id=subscription_id,
        )

    subscription, created = locked_or_created(subscription_id, start)
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
    subscription = locked(subscription_id)
    if subscription is None:
        if event_type == "customer.subscription.deleted":
            return _unknown("subscription", subscription_id, event_type)
        metadata = data.get("metadata") or {}
        customer_id = stripe_id(data.get("customer"))
        member = _member_for(customer_id, metadata.get("member_id"))
        if member is None:
            return _unknown("customer", customer_id, event_type)
        plan = plan_for(price_id(data), metadata.get("plan_id"))
        if plan is None:
            return _unknown("price", price_id(data), event_type)
        _remember_customer(member, customer_id)

        def start() -> Subscription:
            return Subscription(
                member=member,
                plan=plan,
                source=Subscription.Source.ONLINE,
                starts_at=moment(data.get("start_date")) or at,
                ends_at=estimated_period_end(plan, at),
                stripe_subscription_id=subscription_id,
            )

        subscription, _ = locked_or_created(subscription_id, start)
    return apply_subscription(subscription, data, at, event_type=event_type)


def _invoice_paid(invoice: dict, at: datetime, event_type: str) -> str:
    subscription = locked(invoice_subscription_id(invoice))
    if subscription is None:
        return _invoice_without_subscription(invoice, event_type)
    if is_stale(subscription, at, event_type) or subscription.status in FINAL:
        return f"subscription {subscription.pk}: older than what is known, skipped"
    subscription.status = Subscription.Status.ACTIVE
    subscription.payment_failed_at = None
    period_end = invoice_period_end(invoice)
    if period_end is not None and (
        subscription.ends_at is None or period_end > subscription.ends_at
    ):
        subscription.ends_at = period_end
    return save_news(subscription, at, "paid")


def _invoice_payment_failed(invoice: dict, at: datetime, event_type: str) -> str:
    subscription = locked(invoice_subscription_id(invoice))
    if subscription is None:
        return _invoice_without_subscription(invoice, event_type)
    if is_stale(subscription, at, event_type) or subscription.status in FINAL:
        return f"subscription {subscription.pk}: older than what is known, skipped"
    subscription.status = Subscription.Status.PAST_DUE
    # The grace period runs from the first failure; Stripe's retries do not extend it.
    subscription.payment_failed_at = subscription.payment_failed_at or at
    return save_news(subscription, at, "payment failed")


HANDLERS: dict[str, Callable[[dict, datetime, str], str]] = {
    "checkout.session.completed": _checkout_completed,
    "customer.subscription.created": _subscription_changed,
    "customer.subscription.updated": _subscription_changed,
    "customer.subscription.deleted": _subscription_changed,
    "invoice.paid": _invoice_paid,
    "invoice.payment_failed": _invoice_payment_failed,
}


# --- Who an event is about ---------------------------------------------------------------------


def _member_for(customer_id: str | None, member_id) -> Member | None:
    if customer_id:
        member = Member.objects.filter(stripe_customer_id=customer_id).first()
        if member is not None:
            return member
    pk = metadata_pk(member_id)
    return Member.objects.filter(pk=pk).first() if pk else None


def _remember_customer(member: Member, customer_id: str | None) -> None:
    if not customer_id or member.stripe_customer_id:
        return
    if Member.objects.filter(stripe_customer_id=customer_id).exists():
        return
    member.stripe_customer_id = customer_id
    member.save(update_fields=["stripe_customer_id"])


def _unknown(what: str, which, event_type: str) -> str:
    log.warning("Stripe %s about an unknown %s: %s", event_type, what, which)
    return f"unknown {what} {which}"[:255]


def _invoice_without_subscription(invoice: dict, event_type: str) -> str:
    subscription_id = invoice_subscription_id(invoice)
    if not subscription_id:
        return "not a subscription invoice"
    return _unknown("subscription", subscription_id, event_type)
