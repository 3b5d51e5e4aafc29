"""Online payment through Stripe: whether it is switched on, and the client that talks to it.

Online payment is on when ``STRIPE_SECRET_KEY`` and ``STRIPE_WEBHOOK_SECRET`` are set
(``STRIPE_PUBLISHABLE_KEY`` names the same account for the browser). Without them the
subscribe page lists the plans and says that online payment is not configured.

- ``members.billing.checkout``: Checkout sessions and the billing portal (a reader's request);
- ``members.billing.webhooks``: Stripe's events, applied to subscriptions (never calls Stripe);
- ``members.billing.sync``: calls made outside any request, retried while Stripe is away.
"""

import stripe
from django.conf import settings


class PaymentUnavailable(Exception):
    """Online payment cannot go ahead; the message is written for the reader."""


def stripe_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def stripe_client() -> stripe.StripeClient:
    """A client for Stripe's API with a short timeout: a reader is waiting."""
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentUnavailable("Online payment is not configured.")
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
        # No retry in the request: the reader is told to try again, and sync_stripe retries.
        max_network_retries=0,
    )
