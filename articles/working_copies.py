"""What the change form keeps between saves: each person's autosaved working copy of a
piece, and who has the piece open.

A working copy is the headline, dek and body as one person last typed them, saved by the
form's script every few seconds. It is not a revision, readers never see it, and it changes
nothing in the piece; the form offers it back when it is newer than the piece's last save,
and a save of the piece deletes it.

Presence is a soft lock: the form pings while it is open and a ping older than
``PRESENCE_EXPIRES`` no longer counts. It only tells the others; it never stops a save (the
save-conflict check of ``articles.conflicts`` does that).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from .html import sanitize_body
from .models import Article, ArticlePresence, ArticleWorkingCopy

# Past these sizes an autosave is refused: no piece needs more, and the row stays small.
LIMITS = {"headline": 200, "dek": 2_000, "body": 400_000}
PRESENCE_EXPIRES = timedelta(seconds=60)


class TooLarge(ValueError):
    """A field of an autosave is beyond its limit."""


@dataclass(frozen=True)
class Offer:
    """A working copy to offer back: its values (the body sanitised) and when it was saved."""

    headline: str
    dek: str
    body: str
    saved_at: object

    def as_data(self) -> dict[str, str]:
        return {"headline": self.headline, "dek": self.dek, "body": self.body}


def keep(article: Article, user, values: dict[str, str]) -> ArticleWorkingCopy:
    """Store what ``user`` has typed into ``article``'s form, replacing their last copy."""
    fields = {name: values.get(name, "") for name in LIMITS}
    for name, text in fields.items():
        if len(text) > LIMITS[name]:
            raise TooLarge(f"The {name} is longer than {LIMITS[name]} characters.")
    copy, _ = ArticleWorkingCopy.objects.update_or_create(
        article=article, user=user, defaults={**fields, "saved_at": timezone.now()}
    )
    return copy


def offer(article: Article, user) -> Offer | None:
    """``user``'s working copy of ``article`` if it is newer than the piece's last save."""
    copy = ArticleWorkingCopy.objects.filter(
        article=article, user=user, saved_at__gt=article.updated_at
    ).first()
    if copy is None:
        return None
    return Offer(copy.headline, copy.dek, sanitize_body(copy.body), copy.saved_at)


def discard(article: Article, user) -> None:
    """The person chose not to restore their copy, or saved the piece."""
    ArticleWorkingCopy.objects.filter(article=article, user=user).delete()


def here(article: Article, user) -> None:
    """``user`` has ``article``'s form open now (a page load or a ping)."""
    now = timezone.now()
    presence, created = ArticlePresence.objects.get_or_create(
        article=article, user=user, defaults={"opened_at": now, "seen_at": now}
    )
    if not created:
        if presence.seen_at < now - PRESENCE_EXPIRES:
            presence.opened_at = now  # gone a while: open again from now
        presence.seen_at = now
        presence.save(update_fields=["opened_at", "seen_at"])


def others_here(article: Article, user) -> list[ArticlePresence]:
    """Who else has the piece open, longest first."""
    return list(
        ArticlePresence.objects.filter(
            article=article, seen_at__gte=timezone.now() - PRESENCE_EXPIRES
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at", "pk")
    )
