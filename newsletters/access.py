"""Which readers get a piece in full in an e-mail, and which get its dek and a link.

A piece for subscribers only (``access == "subscribers"``) goes out in full only to readers
who subscribe now (``members.subscriptions``' rule); every other piece goes out in full to
everyone. A recipient without an account is not a subscriber.
"""

from members.subscriptions import standing, subscribers_among

SUBSCRIBERS_ONLY = "subscribers"

__all__ = ["gets_full_piece", "is_subscriber", "is_subscribers_only", "subscribers_among"]


def is_subscribers_only(article) -> bool:
    return getattr(article, "access", "public") == SUBSCRIBERS_ONLY


def gets_full_piece(article, *, subscriber: bool) -> bool:
    """True when a reader (a subscriber or not) is sent ``article`` in full."""
    return subscriber or not is_subscribers_only(article)


def is_subscriber(member) -> bool:
    """One reader's standing (a test sent to an editor, say)."""
    return standing(member).subscriber
