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

- ``signature``: is it Stripe's, and sent just now (the first rule);
- ``events``: each event recorded once and handed to its handler (the second and the last);
- ``state``: a subscription brought to what Stripe says, newest news first (the third and
  the fourth);
- ``payload``: reading the parts of Stripe's objects that we use.
"""

from .events import process_event
from .signature import InvalidEvent, verify_event
from .state import apply_subscription, request_sync

__all__ = ["InvalidEvent", "apply_subscription", "process_event", "request_sync", "verify_event"]
