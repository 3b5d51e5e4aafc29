"""Signed or refused: an event is read only when its ``Stripe-Signature`` header proves that
Stripe sent it, at most five minutes ago."""

import json

import stripe
from django.conf import settings

# Stripe's own default: a signature older than this is refused (a replayed capture).
SIGNATURE_TOLERANCE_SECONDS = 300


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
