"""Edit conflicts: two people saving the same piece never overwrite each other silently.

Every save the newsroom makes of a piece (the change form, reverting to a revision, the
publish, unpublish and submit actions) takes a turn on the piece's ``EditStamp``: a
version number, who saved last and when. The change form carries the number it was opened
at (``based_on_version``). Taking the turn is one compare-and-swap ``UPDATE … WHERE
version = n``: the row stays locked until the save commits, so of two simultaneous saves
from the same version exactly one wins, and the other is told who saved the piece and
when, and shown both versions (``differences``) with everything it typed kept in the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.core.files import File
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format

from .differences import Change, body_diff, same_body, shown
from .models import Article, EditStamp


class EditConflict(Exception):
    """The piece was saved by someone else after the form was opened."""

    def __init__(self, article: Article):
        super().__init__(f"“{article}” was saved by someone else in the meantime.")
        self.article = article


def _ensure_stamp(article: Article) -> None:
    # Pieces saved before stamps existed, or created in bulk, start at version 0.
    EditStamp.objects.bulk_create([EditStamp(article_id=article.pk)], ignore_conflicts=True)


def stamp_of(article: Article) -> EditStamp:
    """The piece's stamp as stored now (version 0, nobody, when it was never saved here)."""
    stamp = EditStamp.objects.select_related("saved_by").filter(article_id=article.pk).first()
    return stamp or EditStamp(article_id=article.pk)


def current_version(article: Article) -> int:
    if article.pk is None:
        return 0
    return stamp_of(article).version


def claim(article: Article, based_on: int | None, *, by) -> int:
    """Take the turn to save ``article`` from a form opened at version ``based_on``.

    Raises ``EditConflict`` when the piece has been saved since. Call it inside the
    transaction that saves the piece: the stamp's row stays locked until it commits.
    """
    _ensure_stamp(article)
    if based_on is None:
        raise EditConflict(article)
    taken = EditStamp.objects.filter(article_id=article.pk, version=based_on).update(
        version=F("version") + 1, saved_by=by, saved_at=timezone.now()
    )
    if not taken:
        raise EditConflict(article)
    return based_on + 1


def take_turn(article: Article, *, by) -> None:
    """For a save that needs no form (an action on the list): wait for any save in progress,
    mark a new version, and read the piece as it now stands, so the action changes only
    its own fields and never writes back an older body. Inside a transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_turn() must run inside the transaction that saves the piece.")
    _ensure_stamp(article)
    EditStamp.objects.filter(article_id=article.pk).update(
        version=F("version") + 1, saved_by=by, saved_at=timezone.now()
    )
    article.refresh_from_db()


# --- Showing both versions ---------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """What the change form shows the editor whose save was refused."""

    saved_by: str
    saved_at: datetime | None
    version: int
    # Yours on the left, the stored version on the right.
    differences: list[Change]

    @property
    def message(self) -> str:
        when = (
            "at " + date_format(timezone.localtime(self.saved_at), r"H:i:s \o\n j F Y")
            if self.saved_at
            else "a moment ago"
        )
        return (
            f"Not saved: {self.saved_by} saved this article {when}, after you opened it. "
            "Nothing you typed is lost: your version is still in the form, and what differs "
            "from the version now stored is listed just below. Bring in what you want to keep "
            "from theirs, then save again: that save replaces their version."
        )


def _name(user) -> str:
    return str(user) if user is not None else "Someone"


def differences(form, stored: Article) -> list[Change]:
    """The fields of the change form whose value differs between what the editor sent and
    the piece as stored now, in the form's order. ``stored`` must be read before the form
    writes its values into it."""
    found = []
    sent = getattr(form, "cleaned_data", {})
    model_fields = {field.name for field in Article._meta.concrete_fields}
    for name, field in form.fields.items():
        if name not in sent or name not in model_fields:
            continue
        theirs = getattr(stored, name)
        yours = sent[name]
        if yours is False and isinstance(field, forms.FileField):
            yours = None  # the image cleared
        if _comparable(theirs) == _comparable(yours):
            continue
        label = str(field.label or name)
        label = label[:1].upper() + label[1:]
        if name == "body":
            if not same_body(theirs, yours):
                found.append(Change(label, diff=body_diff(theirs or "", yours or "")))
            continue
        found.append(Change(label, _shown_choice(field, yours), _shown_choice(field, theirs)))
    return found


def _comparable(value):
    if value is None or value == "":
        return ""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, File):  # the lead image, stored or uploaded: by its name
        return value.name or ""
    return value


def _shown_choice(field, value) -> str:
    if isinstance(value, File):
        return value.name or "(none)"
    if isinstance(value, str) and isinstance(getattr(field, "choices", None), list):
        return str(dict(field.choices).get(value, value))
    return shown(value)


def conflict_for(form, stored: Article) -> Conflict:
    stamp = stamp_of(stored)
    return Conflict(
        saved_by=_name(stamp.saved_by),
        saved_at=stamp.saved_at,
        version=stamp.version,
        differences=differences(form, stored),
    )
