"""Signed or refused: an event is read only when its ``Stripe-Signature`` header proves that
Stripe sent it within five minutes of now (neither older, a replayed capture, nor dated
ahead, which would stay "fresh" for as long as the clock allows) and its ``created`` time is
a moment we can store."""

import json
import time

import stripe
from django.conf import settings

from .payload import moment

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
    signed_at = _signed_at(signature)
    if signed_at is None or signed_at > time.time() + SIGNATURE_TOLERANCE_SECONDS:
        raise InvalidEvent("the signature's timestamp is in the future")
    if not (
        isinstance(event, dict)
        and isinstance(event.get("id"), str)
        and isinstance(event.get("type"), str)
        and isinstance(event.get("created"), int)
        and moment(event["created"]) is not None
        and isinstance((event.get("data") or {}).get("object"), dict)
    ):
        raise InvalidEvent("not a Stripe event")
    return event


def _signed_at(signature: str) -> int | None:
    """The ``t=`` of a header Stripe's library has verified, read as the library reads it
    (the first ``t``)."""
    for part in signature.split(","):
        name, _, value = part.partition("=")
        if name == "t":
            try:
                return int(value)
            except ValueError:
                return None
    return None
