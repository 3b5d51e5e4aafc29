"""Sending a reader to Stripe: a Checkout session to subscribe, the billing portal to manage.

Both are made during the reader's request. When Stripe cannot be reached the reader is
told so in plain words and nothing is recorded; nothing is charged without Stripe.
"""

import logging

import stripe

from ..models import Member, Plan
from . import PaymentUnavailable, stripe_client, stripe_configured

log = logging.getLogger(__name__)

UNREACHABLE = (
    "We could not reach our payment provider, and nothing was charged. "
    "Please try again in a few minutes."
)


def _customer_for(client: stripe.StripeClient, member: Member) -> str:
    """The member's Stripe customer: the one on record, or a new one remembered at once."""
    if member.stripe_customer_id:
        return member.stripe_customer_id
    customer = client.v1.customers.create(
        params={
            "email": member.email,
            "name": member.display_name or member.email,
            "metadata": {"member_id": str(member.pk)},
        }
    )
    member.stripe_customer_id = customer.id
    member.save(update_fields=["stripe_customer_id"])
    return customer.id


def start_checkout(member: Member, plan: Plan, *, success_url: str, cancel_url: str) -> str:
    """Create a Checkout session in subscription mode for ``plan``; return its address.

    The member's id travels in the session (``client_reference_id`` and metadata) and in
    the subscription it creates, so the webhook knows whose it is from the event alone.
    """
    if not stripe_configured():
        raise PaymentUnavailable("Online payment is not configured.")
    if not plan.stripe_price_id or not plan.active:
        raise PaymentUnavailable(f"The {plan.name} plan cannot be bought online.")
    metadata = {"member_id": str(member.pk), "plan_id": str(plan.pk)}
    try:
        client = stripe_client()
        session = client.v1.checkout.sessions.create(
            params={
                "mode": "subscription",
                "customer": _customer_for(client, member),
                "client_reference_id": str(member.pk),
                "line_items": [{"price": plan.stripe_price_id, "quantity": 1}],
                "metadata": metadata,
                "subscription_data": {"metadata": metadata},
                "success_url": success_url,
                "cancel_url": cancel_url,
            }
        )
    except stripe.StripeError:
        log.exception("Stripe Checkout session for member %s, plan %s failed", member.pk, plan.pk)
        raise PaymentUnavailable(UNREACHABLE) from None
    return session.url


def billing_portal_url(member: Member, *, return_url: str) -> str:
    """A billing portal session for the member's Stripe customer; return its address."""
    if not stripe_configured():
        raise PaymentUnavailable("Online payment is not configured.")
    if not member.stripe_customer_id:
        raise PaymentUnavailable("You have no online payments to manage.")
    try:
        session = stripe_client().v1.billing_portal.sessions.create(
            params={"customer": member.stripe_customer_id, "return_url": return_url}
        )
    except stripe.StripeError:
        log.exception("Stripe billing portal session for member %s failed", member.pk)
        raise PaymentUnavailable(UNREACHABLE) from None
    return session.url
