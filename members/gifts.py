"""Gift links: a subscriber gives one subscriber-only piece to anyone, without an account.

A link is the ``GiftLink`` row's number with the piece's and the giver's, signed with the
site's secret (``django.core.signing``, salted for this use) and stamped with the time it
was made. It opens that one piece — never another: the piece is named in the signed data
and must be the row's — for ``LIFETIME``, to whoever holds it. An altered link, or one
whose row was deleted, is not found; an old one has expired. The page it opens is never
cached and asks search engines not to index it.

A subscriber makes ``GIFT_LINKS_PER_MONTH`` links each calendar month (site time), counted
from their rows.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from .access import month_of
from .models import GiftLink
from .subscriptions import is_subscriber

LIFETIME = timedelta(days=30)
SALT = "members.gift-link"


class GiftRefused(Exception):
    """Why a link was not made, in the reader's words."""


class GiftExpired(PermissionDenied):
    """The link was genuine but is older than ``LIFETIME``."""


def per_month() -> int:
    return max(0, settings.GIFT_LINKS_PER_MONTH)


def _month_start(at: datetime) -> datetime:
    start = month_of(at)
    return timezone.make_aware(datetime(start.year, start.month, 1))


def gifts_left(member, at: datetime | None = None) -> int:
    """How many more links ``member`` may make this month."""
    at = at or timezone.now()
    made = GiftLink.objects.filter(giver=member, created_at__gte=_month_start(at)).count()
    return max(0, per_month() - made)


def may_be_given(article: Article) -> bool:
    return article.access == Article.Access.SUBSCRIBERS and article.is_public()


def give(member, article: Article, at: datetime | None = None) -> str:
    """A new link to ``article`` from ``member`` (its path); raises ``GiftRefused``."""
    at = at or timezone.now()
    if not may_be_given(article):
        raise GiftRefused("Only subscriber-only pieces can be given.")
    if not is_subscriber(member, at):
        raise GiftRefused("Gift links are for subscribers.")
    if gifts_left(member, at) <= 0:
        raise GiftRefused(
            f"You have made your {per_month()} gift links this month; more next month."
        )
    gift = GiftLink.objects.create(giver=member, article=article, created_at=at)
    return path_of(gift)


def path_of(gift: GiftLink) -> str:
    token = signing.dumps({"g": gift.pk, "a": gift.article_id, "m": gift.giver_id}, salt=SALT)
    return reverse("members:gift", args=[token])


def article_for(token: str) -> tuple[Article, GiftLink]:
    """The public piece a link opens, for the article page, and its row (opened once more).

    Raises ``Http404`` for an altered or deleted link, or a piece no longer public;
    ``GiftExpired`` for one past its lifetime."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LIFETIME)
    except signing.SignatureExpired as expired:
        raise GiftExpired("This gift link has expired.") from expired
    except signing.BadSignature as bad:
        raise Http404("No such gift.") from bad
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int) for k in "gam"):
        raise Http404("No such gift.")
    gift = GiftLink.objects.filter(pk=data["g"], article_id=data["a"], giver_id=data["m"]).first()
    article = Article.objects.public().for_page().filter(pk=data["a"]).first()
    if gift is None or article is None:
        raise Http404("No such gift.")
    GiftLink.objects.filter(pk=gift.pk).update(opened=F("opened") + 1)
    return article, gift
