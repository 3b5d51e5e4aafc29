"""The reading rule: who reads a gated piece in full — the companion of the comments gate.

A piece's ``access`` (``articles.models.Article.Access``) names who it is for:

- **Everyone** (public): every reader, every route, the whole piece.
- **Members (free sign-up)**: subscribers read it; a logged-in member without a running
  subscription reads up to ``MEMBERS_FREE_PIECES_PER_MONTH`` such pieces in full each
  calendar month (site time), counted here, on the server, one ``MeteredRead`` row per
  member, piece and month — reading the same piece again that month costs nothing. Past
  the allowance, and for anonymous readers (whose pages stay the same for all and
  cacheable), the opening and an invitation.
- **Subscribers**: subscribers only (``members.subscriptions``), and whoever opens a gift
  link one of them made for that piece (``members.gifts``).

The newsroom's staff who work on articles (writers and editors: the articles' view
permission) read every piece in full, as they do in the admin. Lapsed subscribers are free
members to this rule; only the invitation they see differs ("welcome back").

Two questions, one rule:

- ``reading(request, article)`` — the article page: may spend one of the allowance, and
  says who the reader is for the invitation. Registered with ``articles.access`` in
  ``MembersConfig.ready()``; the article view asks it through there.
- ``sends_in_full(member, article)`` — everywhere no allowance is spent (e-mail): the
  whole piece only to those who read it in full without one (subscribers and the newsroom
  for gated pieces); everyone else gets the standfirst and a link.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from articles.access import Reading
from articles.models import Article

from .models import MeteredRead
from .subscriptions import request_standing, standing


def works_on_articles(member) -> bool:
    """Newsroom staff who write or edit pieces (the articles' view permission)."""
    return bool(
        member is not None
        and member.is_authenticated
        and member.is_active
        and member.is_staff
        and member.has_perm("articles.view_article")
    )


def allowance() -> int:
    """Members-only pieces a free member reads in full each month."""
    return max(0, settings.MEMBERS_FREE_PIECES_PER_MONTH)


def month_of(at: datetime) -> date:
    """The first day of ``at``'s month in the site's time zone: the allowance's period."""
    return timezone.localdate(at).replace(day=1)


def whole_without_allowance(article: Article, *, entitled: bool) -> bool:
    """The rule where no allowance is counted, such as an e-mail: public pieces whole for
    everyone, gated ones only for the ``entitled`` (subscribers, and the newsroom)."""
    return entitled or not article.is_gated


def sends_in_full(member, article: Article, at: datetime | None = None) -> bool:
    """True when ``member`` (None for nobody in particular) is given the whole of ``article``
    where no allowance is counted (``whole_without_allowance``). One query for a logged-in
    member of a gated piece, none otherwise."""
    if not article.is_gated:
        return True
    entitled = standing(member, at).subscriber or works_on_articles(member)
    return whole_without_allowance(article, entitled=entitled)


def reading(request, article: Article) -> Reading:
    """How the reader who made ``request`` meets ``article`` on its page (see the module).

    Anonymous readers: no query, the same answer for all. Logged-in readers: the standing
    the page asks for anyway; free members of a members' piece one more query, three the
    first time they open it in a month."""
    member = getattr(request, "user", None)
    if member is None or not member.is_authenticated or not member.is_active:
        return Reading(full=False, reader="anonymous")
    reader = request_standing(request)
    if reader.subscriber:
        return Reading(
            full=True,
            reader="subscriber",
            may_gift=article.access == Article.Access.SUBSCRIBERS,
        )
    if works_on_articles(member):
        return Reading(full=True, reader="newsroom")
    kind = "lapsed" if reader.lapsed else "member"
    if article.access == Article.Access.MEMBERS:
        return metered_reading(member, article, kind)
    return Reading(full=False, reader=kind)


def metered_reading(member, article: Article, kind: str, at: datetime | None = None) -> Reading:
    """A members' piece read on the monthly allowance, recorded when it is a new one.

    The new read takes the month's next place (``MeteredRead.slot``); the database lets
    each place be taken once, so two first reads at the same instant cannot both have the
    last free piece: the one refused looks again. One query to read again or be refused,
    two for a new piece."""
    at = at or timezone.now()
    month = month_of(at)
    limit = allowance()
    reads = MeteredRead.objects.filter(member=member, month=month).order_by("slot")
    read = list(reads.values_list("article_id", flat=True))
    while article.pk not in read and len(read) < limit:
        if _record(member, article, month, slot=len(read) + 1, at=at):
            read.append(article.pk)
            break
        read = list(reads.values_list("article_id", flat=True))
    if article.pk in read:
        return Reading(full=True, reader=kind, remaining=max(0, limit - len(read)), allowance=limit)
    return Reading(full=False, reader=kind, remaining=0, allowance=limit)


def _record(member, article: Article, month: date, *, slot: int, at: datetime) -> bool:
    """Store the read in ``slot``; False when that place (or this piece) is already taken
    this month — by a request running at the same time."""
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {MeteredRead._meta.db_table} "
            "(member_id, article_id, month, slot, read_at) VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT DO NOTHING RETURNING id",
            [
                member.pk,
                article.pk,
                ops.adapt_datefield_value(month),
                slot,
                ops.adapt_datetimefield_value(at),
            ],
        )
        return cursor.fetchone() is not None
