"""The daily digest of follows: one e-mail a day at most to each member who follows
something, with every piece published since their previous digest that links what they
follow — an actor it is linked to, an author in its byline, its section, one of its tags.

Run by ``manage.py send_follow_digests`` (or the ``send_follow_digests`` task), once a
day. Members are taken in batches of ``NEWSLETTER_BATCH_SIZE``; a batch reads its members'
follows in one query and the candidate pieces, with their links, in a fixed number more.

The pieces are grouped by what the member follows, in the order they followed it; a piece
that links two followed things appears once, under the first. A piece counts from the
later of the follow and the member's previous digest, so following something never brings
its archive.

At most once a day: a ``FollowDigest`` row (member, day) is written, in its own committed
insert, before the message is handed to the mail server; the unique constraint makes a
second run that day (or a run after a crash) leave that member alone. A member with
nothing new gets no mail and no row. Dead addresses (a bounce or complaint recorded) and
members who stopped the digest (its one-click unsubscribe) get nothing.

Gated pieces go out in full only to subscribers (``newsletters.access``), as in issues.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from . import access
from .composition import Piece, draw_pieces, host, inline_css
from .follows import target_url
from .models import Follow, FollowDigest, Recipient
from .sending import ONE_MESSAGE

log = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "newsletters.follow-digests"


# --- Stopping the digest, without logging in ---------------------------------------------


def unsubscribe_token(recipient_id: int) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(recipient_id))


def unsubscribe_url(recipient_id: int) -> str:
    return settings.SITE_URL + reverse(
        "newsletters:digest-unsubscribe", args=[unsubscribe_token(recipient_id)]
    )


def read_unsubscribe(token: str) -> Recipient | None:
    try:
        recipient_id = int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Recipient.objects.filter(pk=recipient_id).first()


def stop(recipient: Recipient) -> None:
    Recipient.objects.filter(pk=recipient.pk).update(follow_digests=False)


# --- What a member's digest carries --------------------------------------------------------


@dataclass
class Group:
    follow: Follow
    articles: list[Article] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.follow.target_name

    @property
    def kind_label(self) -> str:
        return self.follow.kind_label

    @property
    def url(self) -> str:
        return settings.SITE_URL + target_url(self.follow.kind, self.follow.target)


def _links(article: Article) -> set[tuple[str, int]]:
    """What ``article`` links, as (kind, id) pairs (from its prefetched parts)."""
    links = {("actor", link.actor_id) for link in article.actor_links.all()}
    links |= {("author", byline.author_id) for byline in article.bylines.all()}
    links |= {("tag", tag.pk) for tag in article.tags.all()}
    if article.section_id:
        links.add(("section", article.section_id))
    return links


def _candidates(follows: list[Follow], since: datetime, now: datetime) -> list[Article]:
    """Public pieces published after ``since`` that link any of ``follows``, oldest first."""
    wanted = Q()
    for kind in ("actor", "author", "section", "tag"):
        ids = {getattr(f, f"{kind}_id") for f in follows if getattr(f, f"{kind}_id")}
        if ids:
            path = {
                "actor": "actor_links__actor",
                "author": "bylines__author",
                "section": "section",
                "tag": "tags",
            }[kind]
            wanted |= Q(**{f"{path}__in": ids})
    found = Article.objects.public(now).filter(wanted, publish_at__gt=since).order_by().values("pk")
    return list(
        Article.objects.filter(pk__in=found)
        .select_related("section")
        .prefetch_related("actor_links", "bylines", "tags")
        .order_by("publish_at", "id")
    )


def groups_for(
    follows: list[Follow], articles: list[Article], previous: datetime | None
) -> list[Group]:
    """One member's digest: ``articles`` under the first of ``follows`` each links,
    counting from the later of the follow and the ``previous`` digest. Empty groups left
    out."""
    groups = [Group(follow) for follow in follows]
    placed: set[int] = set()
    for article in articles:
        links = _links(article)
        for group in groups:
            follow = group.follow
            since = max(follow.created_at, previous) if previous else follow.created_at
            followed = (follow.kind, getattr(follow, f"{follow.kind}_id"))
            if article.publish_at > since and followed in links:
                if article.pk not in placed:
                    group.articles.append(article)
                    placed.add(article.pk)
                break
    return [group for group in groups if group.articles]


# --- Sending ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    sent: int = 0
    already: int = 0
    nothing_new: int = 0
    unreachable: int = 0
    failed: int = 0


def send_all(*, now: datetime | None = None, batch_size: int | None = None) -> Outcome:
    """Today's digests, to every member who follows something."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    outcome = Outcome()
    member_ids = list(
        Follow.objects.order_by("member_id").values_list("member_id", flat=True).distinct()
    )
    connection = get_connection()
    connection.open()
    try:
        for start in range(0, len(member_ids), size):
            send_batch(member_ids[start : start + size], now, day, connection, outcome)
    finally:
        connection.close()
    log.info("Follow digests for %s: %s", day, outcome)
    return outcome


def send_batch(member_ids: list[int], now: datetime, day: date, connection, outcome: Outcome):
    follows: dict[int, list[Follow]] = {}
    for follow in Follow.objects.filter(member_id__in=member_ids).select_related(
        "actor", "author", "section", "tag"
    ):
        follows.setdefault(follow.member_id, []).append(follow)
    done_today = set(
        FollowDigest.objects.filter(member_id__in=member_ids, day=day).values_list(
            "member_id", flat=True
        )
    )
    previous = dict(
        FollowDigest.objects.filter(member_id__in=member_ids, status=FollowDigest.Status.SENT)
        .values("member_id")
        .annotate(last=Max("until"))
        .values_list("member_id", "last")
    )
    recipients = {
        r.member_id: r
        for r in Recipient.objects.filter(member_id__in=member_ids).select_related("member")
    }
    outcome.already += len(done_today)
    todo = [m for m in member_ids if m not in done_today]
    if not todo:
        return
    starts = [
        max(f.created_at, previous[m]) if m in previous else f.created_at
        for m in todo
        for f in follows.get(m, [])
    ]
    since = min(starts, default=now)
    articles = _candidates([f for m in todo for f in follows.get(m, [])], since, now)
    subscribers = access.subscribers_among(todo) if any(a.is_gated for a in articles) else set()
    for member_id in todo:
        groups = groups_for(follows.get(member_id, []), articles, previous.get(member_id))
        if not groups:
            outcome.nothing_new += 1
            continue
        recipient = recipients.get(member_id)
        if recipient is None or not recipient.reachable or not recipient.follow_digests:
            outcome.unreachable += 1
            continue
        _send_one(recipient, groups, now, day, member_id in subscribers, connection, outcome)


def _send_one(recipient, groups, now, day, subscriber, connection, outcome) -> None:
    try:
        with transaction.atomic():
            digest = FollowDigest.objects.create(
                member_id=recipient.member_id,
                day=day,
                until=now,
                pieces=sum(len(g.articles) for g in groups),
            )
    except IntegrityError:  # another run got there first
        outcome.already += 1
        return
    message = message_for(recipient, groups, day, subscriber=subscriber)
    message.connection = connection
    try:
        message.send()
    except ONE_MESSAGE as refusal:
        FollowDigest.objects.filter(pk=digest.pk).update(
            status=FollowDigest.Status.FAILED, error=str(refusal)[:300]
        )
        outcome.failed += 1
        return
    except Exception:
        # The mail server went away: this one did not go, so it may go on the next run.
        digest.delete()
        raise
    FollowDigest.objects.filter(pk=digest.pk).update(
        status=FollowDigest.Status.SENT, sent_at=timezone.now()
    )
    outcome.sent += 1


def message_for(recipient: Recipient, groups: list[Group], day: date, *, subscriber: bool):
    for group in groups:
        group.pieces = draw_pieces(group.articles, subscriber=subscriber)
    leave = unsubscribe_url(recipient.pk)
    names = [group.name for group in groups]
    context = {
        "subject": _subject(names),
        "day": day,
        "groups": groups,
        "followed": names,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "account_url": settings.SITE_URL + reverse("members:account") + "#follows-heading",
        "unsubscribe_url": leave,
    }
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=render_to_string("newsletters/email/digest.txt", context),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[recipient.email],
        headers={
            "List-Id": f"Follow digest <follows.{host()}>",
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        inline_css(render_to_string("newsletters/email/digest.html", context)), "text/html"
    )
    return message


def _subject(names: list[str]) -> str:
    if len(names) == 1:
        return f"New on {names[0]}"
    if len(names) == 2:
        return f"New on {names[0]} and {names[1]}"
    return f"New on {names[0]}, {names[1]} and {len(names) - 2} more you follow"
