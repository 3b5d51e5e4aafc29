"""Shareable preview links: someone without an account reads one unpublished piece, or a
live piece's pending changes, from a link an editor gave them.

A link is the piece's number and its ``SharedPreview`` key, signed with the site's secret
(``django.core.signing``, salted for this use) and stamped with the time it was made. It
opens only that piece, for ``LIFETIME``; a link altered by hand is not found, an old one
has expired, and revoking (or making a new link) replaces the key, so every link given out
before stops working.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from .models import Article, SharedPreview
from .publishing import pending_version

LIFETIME = timedelta(days=7)
SALT = "articles.shared-preview"


class LinkExpired(PermissionDenied):
    """The link was genuine but is older than ``LIFETIME``."""


def share(article: Article, *, by) -> str:
    """A new link to the piece's preview (its path); earlier links stop working."""
    key = secrets.token_urlsafe(16)
    SharedPreview.objects.update_or_create(
        article=article,
        defaults={"key": key, "created_by": by, "created_at": timezone.now()},
    )
    token = signing.dumps({"a": article.pk, "k": key}, salt=SALT)
    return reverse("articles:shared_preview", args=[token])


def revoke(article: Article) -> None:
    SharedPreview.objects.filter(article=article).delete()


def expires_at(shared: SharedPreview) -> datetime:
    return shared.created_at + LIFETIME


def article_for(token: str) -> Article:
    """The piece a link opens, as it will read once published (pending changes applied).

    Raises ``Http404`` for a link that was altered or revoked, ``LinkExpired`` for one
    past its lifetime."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LIFETIME)
    except signing.SignatureExpired as expired:
        raise LinkExpired("This preview link has expired.") from expired
    except signing.BadSignature as bad:
        raise Http404("No such preview.") from bad
    if not isinstance(data, dict) or not isinstance(data.get("a"), int):
        raise Http404("No such preview.")
    article = (
        Article.objects.for_page()
        .filter(pk=data["a"], shared_preview__key=str(data.get("k", "")))
        .first()
    )
    if article is None:
        raise Http404("No such preview.")
    return pending_version(article)
