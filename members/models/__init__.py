"""Members: the people who log in, by e-mail, under a public display name; the plans they
subscribe to and their subscriptions; the editor's appeal; online payment's records.

Whether a member is a subscriber at a moment is decided in one place,
``members.subscriptions.is_subscriber``; ``SubscriptionQuerySet.current`` is the same rule
written as a query, for that module's use.

- ``member``: the user model;
- ``plans``: plans and subscriptions;
- ``appeal``: the editor's appeal and the clicks on it;
- ``reading``: the free reads of members-only pieces and subscribers' gift links;
- ``billing``: Stripe's events and the subscriptions waiting to be fetched from Stripe.

Every model is importable from here (``from members.models import Subscription``), as the
migrations expect.
"""

from .appeal import Appeal, AppealClick, AppealQuerySet
from .billing import StripeEvent, StripeSync
from .member import Member, MemberManager
from .plans import Plan, Subscription, SubscriptionQuerySet
from .reading import GiftLink, MeteredRead

__all__ = [
    "Appeal",
    "AppealClick",
    "AppealQuerySet",
    "GiftLink",
    "Member",
    "MemberManager",
    "MeteredRead",
    "Plan",
    "StripeEvent",
    "StripeSync",
    "Subscription",
    "SubscriptionQuerySet",
]
