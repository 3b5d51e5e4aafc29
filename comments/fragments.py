"""A comment drawn once for every reader of the discussion, and kept in the cache.

What a comment shows alike to everyone who sees it — its author's public name and staff
badge, its time, the "edited" mark, the moderation flag of a pending comment and its text —
is rendered by ``comments/comment_fragment.html`` once and stored in Django's cache under a
key made of the comment's id and a digest of everything that template draws. An edit, a
deletion, a moderator's decision or a new display name therefore makes a new key: a stored
fragment is never stale, only unused, and runs out with ``FRAGMENT_SECONDS``.

Nothing here decides who sees a comment: the fragment of a comment is asked for only once
``comments.threads`` has put it in a reader's view and ``Comment.is_shown_to`` has passed it
(placeholders are never drawn from here). What belongs to one reader — the "You" badge, their
actions, a report they filed, a form they opened — is drawn around the fragment, per page, by
``comments/area.html`` and never stored. The fragment is split in two at the place of the
"You" badge (``Fragment.head`` and ``Fragment.tail``).
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from .models import Comment

TEMPLATE = "comments/comment_fragment.html"
KEY_PREFIX = "comment-fragment:"
# Between the author's name and the time: where a reader's own comment says "You".
OWN_BADGE_SLOT = "<!--own-badge-->"
# A day: a fragment no one asks for leaves the cache; a busy discussion keeps its own fresh.
FRAGMENT_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Fragment:
    head: SafeString
    tail: SafeString


_template = None
_template_digest = ""


def _drawing():
    """The fragment's template, and a digest of its source: a change of markup (a new
    release) makes new keys instead of serving fragments drawn the old way."""
    global _template, _template_digest
    if _template is None:
        template = get_template(TEMPLATE)
        _template_digest = hashlib.blake2b(
            template.template.source.encode(), digest_size=6
        ).hexdigest()
        _template = template
    return _template, _template_digest


def fragment_key(comment: Comment) -> str:
    """The cache key of ``comment`` as it is now drawn: its id and a digest of what the
    fragment shows (text, status, times, the author's public name and staff badge)."""
    _, template_digest = _drawing()
    member = comment.member
    shown = "\x1f".join(
        (
            template_digest,
            comment.status,
            comment.created_at.isoformat(),
            comment.edited_at.isoformat() if comment.edited_at else "",
            member.public_name,
            "staff" if member.shows_staff_badge else "",
            comment.body,
        )
    )
    digest = hashlib.blake2b(shown.encode(), digest_size=12).hexdigest()
    return f"{KEY_PREFIX}{comment.pk}:{digest}"


def _draw(comment: Comment) -> Fragment:
    template, _ = _drawing()
    html = template.render({"comment": comment})
    head, _, tail = html.partition(OWN_BADGE_SLOT)
    # The template escapes everything it draws; splitting it keeps that so.
    return Fragment(head=mark_safe(head), tail=mark_safe(tail))  # noqa: S308


def attach_fragments(comments: list[Comment]) -> None:
    """Give each of ``comments`` (shown to the reader, not placeholders) that has none its
    ``fragment``: one cache round trip for all of them, and one more to store those drawn
    now."""
    comments = [c for c in comments if getattr(c, "fragment", None) is None]
    if not comments:
        return
    keys = {comment.pk: fragment_key(comment) for comment in comments}
    try:
        stored = cache.get_many(list(keys.values()))
    except Exception:  # the cache may be down: draw every comment
        stored = {}
    drawn = {}
    for comment in comments:
        key = keys[comment.pk]
        found = stored.get(key)
        if found is None:
            found = _draw(comment)
            drawn[key] = (str(found.head), str(found.tail))
        else:
            found = Fragment(head=mark_safe(found[0]), tail=mark_safe(found[1]))  # noqa: S308
        comment.fragment = found
    if drawn:
        with contextlib.suppress(Exception):
            cache.set_many(drawn, FRAGMENT_SECONDS)
