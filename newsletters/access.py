"""Which readers get a piece in full in an e-mail, and which get its dek and a link.

The rule is the site's (``members.access.sends_in_full``): a public piece goes out in full
to everyone; a gated one (for members or for subscribers, ``Article.is_gated``) only to
readers who subscribe now, so that an e-mail never opens what a free member's monthly
allowance counts on the site. Sending asks it for a whole batch at once: the batch's
standing is read in one query (``subscribers_among``). A recipient without an account is
not a subscriber.
"""

from members.access import sends_in_full, whole_without_allowance
from members.subscriptions import standing, subscribers_among

__all__ = ["gets_full_piece", "is_gated", "is_subscriber", "sends_in_full", "subscribers_among"]


def is_gated(article) -> bool:
    return article.is_gated


def gets_full_piece(article, *, subscriber: bool) -> bool:
    """True when a reader whose standing is known (``subscriber``) is sent ``article`` in
    full: the site's rule (``members.access``), the batch's standing already read."""
    return whole_without_allowance(article, entitled=subscriber)


def is_subscriber(member) -> bool:
    """One reader's standing (a test sent to an editor shows what a non-subscriber gets
    unless the editor subscribes)."""
    return standing(member).subscriber
