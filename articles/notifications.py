"""Who is told by e-mail when a piece changes state, and what they are told.

A piece submitted for review is announced to the editors (members of the Editors group with
an address); a piece an editor publishes, schedules or sends back to draft is announced to
its writers (who created it and whose byline it carries), with the editor's note when it
was sent back with one. Nobody is told of their own doing.
``articles.publishing`` calls ``announce`` with every change it makes; the e-mails leave only
once the change is committed, so a refused or rolled-back change tells no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from web.dates import local_time_in_words

from . import workflow

if TYPE_CHECKING:
    from .publishing import Outcome

EDITORS_GROUP = "Editors"


def announce(outcome: Outcome, *, by) -> None:
    """Tell those concerned of the change ``by`` made, once it is committed."""
    change = outcome.change
    if not change:
        return
    if change == "submitted":
        to = editors()
    elif workflow.may_publish(by):
        to = writers(outcome.article)
    else:
        return  # a writer taking back their own piece: no one else need know
    to = [address for address in to if address and address != by.email]
    if not to:
        return
    subject, body = message(outcome, change, by)
    mails = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in to]
    transaction.on_commit(lambda: send_mass_mail(mails))


def editors() -> list[str]:
    members = get_user_model().objects.filter(groups__name=EDITORS_GROUP, is_active=True)
    return sorted(set(members.exclude(email="").values_list("email", flat=True)))


def writers(article) -> list[str]:
    members = get_user_model().objects.filter(
        Q(pk=article.created_by_id) | Q(author_profile__bylines__article=article), is_active=True
    )
    return sorted(set(members.exclude(email="").values_list("email", flat=True)))


def message(outcome: Outcome, change: str, by) -> tuple[str, str]:
    article = outcome.article
    piece = f"“{article.headline}”"
    when = local_time_in_words(timezone.now())
    if change == "submitted":
        subject = f"For review: {piece}"
        said = f"{by} submitted {piece} for review on {when}."
    elif change == "published":
        subject = f"Published: {piece}"
        said = f"{by} published {piece} on {when}. Readers can see it now."
    elif change == "scheduled":
        subject = f"Scheduled: {piece}"
        said = (
            f"{by} scheduled {piece} on {when}: readers see it from "
            f"{local_time_in_words(article.publish_at)}."
        )
    else:
        subject = f"Back to draft: {piece}"
        taken_down = " It is no longer published." if outcome.before == "published" else ""
        said = f"{by} sent {piece} back to draft on {when}.{taken_down}"
        if outcome.note is not None:
            said += f"\n\nTheir note:\n\n{outcome.note.text}"
    link = settings.SITE_URL + reverse("admin:articles_article_change", args=[article.pk])
    return subject, f"{said}\n\nOpen it in the newsroom:\n{link}\n"
