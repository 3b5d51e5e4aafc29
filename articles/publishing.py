"""Changing a piece's publication state: the one way in.

Every path that moves an article between draft, in review and published goes through this
module: the change form (``save_edit``), the list actions and code (``publish``,
``unpublish``, ``submit_for_review``, ``withdraw_from_review``, ``send_back``). Each one, in one
transaction:

A live piece edited in the change form keeps its live text: the changes wait as its
``PendingChanges`` (``save_pending``) until an editor publishes them (``publish_pending``,
checked as they will read) or discards them (``discard_pending``).

1. asks ``articles.workflow`` whether the user may (writers never publish, schedule or
   unpublish; that module alone decides who may);
2. takes the edit turn on the piece (``articles.conflicts``), so no save is lost;
3. for a piece that is to be published (now, scheduled, or saved again while published),
   runs the publish checks and records an override (``clear_to_publish``);
4. sets the state, or raises ``PublishBlocked`` or ``PermissionDenied`` having changed
   nothing;
5. has those concerned told of the change once it is committed (``articles.notifications``:
   the editors of a submission, the writers of a piece published, scheduled or sent back).

Sending back: an editor returns someone else's piece from review to draft only with a note
for its writer (``send_back``, or the change form with ``note``); the note is kept as a
``ReturnNote``, shown on the piece and sent in the notice, and cleared from view (kept in
the record) when the piece leaves draft again: resubmitted, or published by an editor.

The rule of the checks: a piece is not left published while it has a blocking finding that
no override covers. An editor may override with a reason; the override is recorded with
their name and the findings it covers, and those findings stay covered for the piece, so
fixing a typo later needs no new reason while a new blocking problem does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from . import conflicts, notifications, workflow
from .checks import Finding, run_checks
from .models import Article, PendingChanges, PublishOverride, ReturnNote

Status = Article.Status


class PublishBlocked(Exception):
    """Blocking findings stand in the way and no reason to override them was given."""

    def __init__(self, article: Article, findings: list[Finding]):
        self.article = article
        self.findings = findings
        codes = ", ".join(dict.fromkeys(finding.code for finding in findings))
        super().__init__(f"“{article}” has blocking problems: {codes}.")

    @property
    def summary(self) -> str:
        count = len(self.findings)
        return f"Not published: {count} blocking finding{'s' if count != 1 else ''}"


class NoteRequired(ValueError):
    """An editor sent a piece back from review without a note for its writer."""

    def __init__(self):
        super().__init__(
            "Not sent back: write a note for the writer saying what to change before "
            "they submit it again."
        )


@dataclass(frozen=True)
class Outcome:
    """What a change of state did to the piece."""

    article: Article
    # The status stored before the change (None for a piece created by the change).
    before: str | None
    # The findings of the publish checks, when the change ran them.
    findings: list[Finding] = field(default_factory=list)
    override: PublishOverride | None = None
    was_live: bool = False
    # Changes the save could not hold back from readers and so left out ("lead image").
    left_out: tuple[str, ...] = ()
    # What the editor wrote to the writer, when the change sent the piece back.
    note: ReturnNote | None = None

    @property
    def submitted(self) -> bool:
        """The piece went into review with this change."""
        return self.change == "submitted"

    @property
    def change(self) -> str:
        """The change of state as notices name it ("submitted", "published", "scheduled",
        "returned" to draft); "" when the piece stays in the state it was in."""
        article, before = self.article, self.before
        if article.status == Status.IN_REVIEW:
            return "submitted" if before != Status.IN_REVIEW else ""
        if article.status == Status.PUBLISHED:
            if article.is_public():
                return "" if self.was_live else "published"
            return "scheduled" if before != Status.PUBLISHED else ""
        return "returned" if before in (Status.IN_REVIEW, Status.PUBLISHED) else ""

    @property
    def summary(self) -> str:
        """What happened, in the words an editor expects: "Scheduled for 14 May 2025, 09:00"."""
        article = self.article
        if article.status == Status.PUBLISHED and not article.is_scheduled:
            return "Already published" if self.was_live else "Published now"
        return article.state_in_words


# --- The rule of the publish checks --------------------------------------------------------


def overridden(article: Article) -> set[str]:
    """The identities of the findings editors have overridden for this piece."""
    if article.pk is None:
        return set()
    keys: set[str] = set()
    for override in article.publish_overrides.all():
        keys |= override.keys
    return keys


def blocking_findings(article: Article, findings: list[Finding] | None = None) -> list[Finding]:
    """The blocking findings on the piece that no override covers."""
    findings = run_checks(article) if findings is None else findings
    covered = overridden(article) if any(finding.blocking for finding in findings) else set()
    return [f for f in findings if f.blocking and f.identity not in covered]


def clear_to_publish(
    article: Article, *, by, reason: str = "", findings: list[Finding] | None = None
) -> PublishOverride | None:
    """Let the piece stay published, or raise ``PublishBlocked``.

    With blocking findings and a reason from someone who may override, the override is
    recorded and returned. It changes no state: the functions below call it.
    """
    blocking = blocking_findings(article, findings)
    if not blocking:
        return None
    reason = (reason or "").strip()
    if not reason:
        raise PublishBlocked(article, blocking)
    if not workflow.may_override_checks(by):
        raise PermissionDenied("Only editors override the publish checks.")
    return PublishOverride.objects.create(
        article=article,
        user=by,
        reason=reason,
        codes=list(dict.fromkeys(finding.code for finding in blocking)),
        findings=[{"code": f.code, "key": f.identity, "message": f.message} for f in blocking],
    )


# --- Changing the state ----------------------------------------------------------------------


def publish(article: Article, *, by, at=None, reason: str = "") -> Outcome:
    """Publish now (or schedule for ``at``, or for the piece's own future publish time)
    unless blocking findings stand in the way. Only the publishing fields are written."""
    if not workflow.may_publish(by):
        raise PermissionDenied("Only editors publish or schedule.")
    with transaction.atomic():
        # Checks and publishes the piece as it stands once any save in progress is done.
        conflicts.take_turn(article, by=by)
        before, was_live = article.status, article.is_public()
        override = clear_to_publish(article, by=by, reason=reason)
        article.status = Status.PUBLISHED
        article.publish_at = at or article.publish_at or timezone.now()
        # Only the publishing fields: a concurrent edit of the text is never written over.
        _save_state(article, "publish_at", "first_published_at")
    return _announced(Outcome(article, before, override=override, was_live=was_live), by)


def unpublish(article: Article, *, by) -> Outcome:
    """Take a piece (live or scheduled) back to draft. The text is left as it stands."""
    if not workflow.may_publish(by):
        raise PermissionDenied("Only editors unpublish.")
    return _announced(Outcome(article, _move(article, Status.DRAFT, by=by)), by)


def submit_for_review(article: Article, *, by) -> Outcome:
    """Send a draft to the editors; the findings of the publish checks come back with it."""
    before = _move(
        article,
        Status.IN_REVIEW,
        by=by,
        allowed=workflow.may_submit_for_review,
        refusal="Only a draft you may edit goes to review.",
    )
    return _announced(Outcome(article, before, findings=run_checks(article)), by)


def withdraw_from_review(article: Article, *, by) -> Outcome:
    """Take a piece out of review and back to draft, to be worked on again."""
    before = _move(
        article,
        Status.DRAFT,
        by=by,
        allowed=workflow.may_withdraw_from_review,
        refusal="Only a piece in review that you may work on goes back to draft.",
    )
    return _announced(Outcome(article, before), by)


def send_back(article: Article, *, by, note: str) -> Outcome:
    """An editor returns a piece in review to its writer as a draft, with a note saying what
    to change (``NoteRequired`` without one). The note stays on the piece until it is
    submitted again."""
    note = (note or "").strip()
    if not note:
        raise NoteRequired()
    with transaction.atomic():
        before = _move(
            article,
            Status.DRAFT,
            by=by,
            allowed=workflow.may_send_back,
            refusal="Only editors send back a piece that is in review.",
        )
        kept = ReturnNote.objects.create(
            article=article, author=by, text=note, created=timezone.now()
        )
        return _announced(Outcome(article, before, note=kept), by)


def standing_note(article: Article) -> ReturnNote | None:
    """The newest note of a send-back the writer has not yet answered by resubmitting."""
    if article.pk is None:
        return None
    return ReturnNote.objects.standing().filter(article=article).select_related("author").first()


def _move(article: Article, status: str, *, by, allowed=None, refusal: str = "") -> str:
    """Set the status alone, once any save in progress is done; the status it had."""
    with transaction.atomic():
        conflicts.take_turn(article, by=by)
        # Asked of the piece as it now stands: one published meanwhile is not pulled back.
        if allowed is not None and not allowed(by, article):
            raise PermissionDenied(refusal)
        before = article.status
        article.status = status
        _save_state(article)
    return before


def save_edit(
    article: Article,
    *,
    by,
    based_on: int | None,
    reason: str = "",
    note: str = "",
    write: Callable[[], None],
) -> Outcome:
    """Save a piece edited in the change form, whatever state the form gives it.

    ``article`` carries everything typed; ``write`` saves it with its related rows (the
    checks read its citations). ``based_on`` is the version the form was opened at: a piece
    saved by someone else since raises ``conflicts.EditConflict``. Published (now,
    scheduled, or saved again while published), the piece is checked as written, and a
    refusal rolls the whole save back. An editor sending someone else's piece back from
    review gives ``note`` for its writer (``NoteRequired`` otherwise).
    """
    to_publish = article.status == Status.PUBLISHED
    if to_publish and not workflow.may_publish(by):
        raise PermissionDenied("Only editors publish, schedule or edit published pieces.")
    new = article.pk is None
    with transaction.atomic():
        before, was_live = None, False
        if not new:
            conflicts.claim(article, based_on, by=by)
            stored = Article.objects.filter(pk=article.pk).values_list("status", "publish_at")
            before, published_at = stored.first() or (None, None)
            was_live = before == Status.PUBLISHED and published_at <= timezone.now()
            if before == Status.PUBLISHED and not workflow.may_publish(by):
                raise PermissionDenied("Only editors edit or unpublish published pieces.")
        sending_back = not new and workflow.sends_back(
            by, article, before=before, after=article.status
        )
        if sending_back and not note.strip():
            raise NoteRequired()
        write()
        if new:
            conflicts.claim(article, 0, by=by)
        else:
            # The form carried any pending changes: they are now the piece's own text.
            PendingChanges.objects.filter(article=article).delete()
        submitted = article.status == Status.IN_REVIEW and before != Status.IN_REVIEW
        findings = run_checks(article) if to_publish or submitted else []
        override = (
            clear_to_publish(article, by=by, reason=reason, findings=findings)
            if to_publish
            else None
        )
        kept = (
            ReturnNote.objects.create(
                article=article, author=by, text=note.strip(), created=timezone.now()
            )
            if sending_back
            else None
        )
        outcome = Outcome(article, before, findings, override, was_live, note=kept)
        # Inside the save's transaction: told only if the whole save is kept.
        return _announced(outcome, by)


def _announced(outcome: Outcome, by) -> Outcome:
    if outcome.change in ("submitted", "published", "scheduled"):
        # The piece has left draft: the writer has answered the notes sent with it.
        ReturnNote.objects.standing().filter(article=outcome.article).update(
            cleared_at=timezone.now()
        )
    notifications.announce(outcome, by=by)
    return outcome


# --- Changes to a live piece, held back from readers -----------------------------------------


def save_pending(
    article: Article, *, by, based_on: int | None, reason: str = "", write: Callable[[], None]
) -> Outcome:
    """Save a live piece edited in the change form without changing what readers read.

    The content fields typed (``PendingChanges.FIELDS``) are kept as the piece's pending
    changes; ``write`` then saves the piece with its live text and everything else the form
    changed (publishing fields, bylines, actors, citations, tags), which must still pass the
    publish checks. A new lead image is left out: it would show at once.
    """
    if not workflow.may_publish(by):
        raise PermissionDenied("Only editors edit published pieces.")
    with transaction.atomic():
        conflicts.claim(article, based_on, by=by)
        live = Article.objects.get(pk=article.pk)
        pending = PendingChanges.values_of(article)
        left_out = ()
        if article.lead_image.name != live.lead_image.name:
            left_out = ("lead image",)
        for name in [*PendingChanges.FIELDS, "lead_image", "lead_image_width", "lead_image_height"]:
            setattr(article, name, getattr(live, name))
        article._state.fields_cache.clear()
        write()
        override = clear_to_publish(article, by=by, reason=reason)
        if pending != PendingChanges.values_of(article):
            PendingChanges.objects.update_or_create(
                article=article,
                defaults={"fields": pending, "saved_by": by, "saved_at": timezone.now()},
            )
    return Outcome(article, live.status, override=override, was_live=True, left_out=left_out)


def pending_version(article: Article) -> Article:
    """The piece as it will read once its pending changes are published (in memory)."""
    pending = PendingChanges.objects.filter(article_id=article.pk).first()
    return pending.apply_to(article) if pending else article


def publish_pending(article: Article, *, by, reason: str = "") -> Outcome:
    """Make the pending changes the live text, once the publish checks pass on them (or an
    editor overrides them with a reason). A revision records the new live version; saving
    the piece refreshes its page in the reader cache."""
    if not workflow.may_publish(by):
        raise PermissionDenied("Only editors publish changes.")
    with transaction.atomic():
        conflicts.take_turn(article, by=by)
        before = article.status
        pending = PendingChanges.objects.filter(article=article).first()
        if pending is None:
            return Outcome(article, before, was_live=article.is_public())
        pending.apply_to(article)
        override = clear_to_publish(article, by=by, reason=reason)
        with reversion.create_revision():
            reversion.set_user(by)
            reversion.set_comment("Published the pending changes.")
            article.save()
        pending.delete()
    return Outcome(article, before, override=override, was_live=article.is_public())


def discard_pending(article: Article, *, by) -> None:
    """Drop the pending changes; the live text stays as it is. A form opened on them is
    behind from now on (``conflicts``) and cannot bring them back unseen."""
    if not workflow.may_publish(by):
        raise PermissionDenied("Only editors discard changes to published pieces.")
    with transaction.atomic():
        conflicts.take_turn(article, by=by)
        PendingChanges.objects.filter(article=article).delete()


def _save_state(article: Article, *fields: str) -> None:
    article.save(update_fields=["status", *fields, "updated_at"])
