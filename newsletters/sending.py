"""Sending an issue: batched through the task queue, resumable, never twice to anyone.

1. ``start_sending`` (the editor's button) freezes the issue's pieces, marks it Sending and
   queues ``plan_issue``: nothing is sent in the request.
2. ``plan`` writes one ``Delivery`` per reachable recipient of the newsletter, all in one
   transaction; the unique (issue, recipient) constraint makes a second run add nobody
   twice. It then queues one ``send_batch`` per ``NEWSLETTER_BATCH_SIZE`` readers.
3. ``send_batch`` claims up to that many pending rows (``select_for_update(skip_locked=
   True)`` on PostgreSQL, so workers running side by side take different rows; on SQLite the
   claim's transaction holds the write lock, and the status condition does the rest), then
   for each row: claimed → sending, hand the message to the mail server, → sent. Each step
   is its own committed UPDATE guarded by the status it expects.

A worker that dies leaves its batch claimed, with at most one row in "sending": the one it
was handing over. ``resume`` puts claimed rows back to pending and counts the "sending" row
as failed, since it may have reached the reader and must not be sent again; then it queues
batches for what is left. Every address therefore gets the issue once at most, and all of
them but (per crash) the one being handed over get it exactly once.

Dead addresses (a bounce or complaint recorded) are left out when the issue is planned and
skipped if they died in the meantime.
"""

from __future__ import annotations

import logging
import math
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from . import access
from .composition import compose, freeze_pieces
from .models import Delivery, Issue, Recipient

log = logging.getLogger(__name__)

# A claim older than this, whose batch has not finished, belongs to a worker that stopped.
STALE_CLAIM = timedelta(minutes=10)
INTERRUPTED = "Interrupted while being handed to the mail server: not sent again."


class CannotSend(Exception):
    """Why an issue cannot go out (said to the editor as it is)."""


# --- Starting --------------------------------------------------------------------------------


def start_sending(issue: Issue) -> None:
    """Freeze the pieces and queue the sending; the request returns at once."""
    from .tasks import plan_issue

    with transaction.atomic():
        issue = Issue.objects.select_for_update().select_related("newsletter").get(pk=issue.pk)
        if issue.status != Issue.Status.DRAFT:
            raise CannotSend("This issue has already gone out (or is going out).")
        if not freeze_pieces(issue):
            raise CannotSend(
                "This issue has no pieces: choose some, or wait for new pieces in the "
                "newsletter's sections."
            )
        issue.status = Issue.Status.SENDING
        issue.sending_started_at = timezone.now()
        issue.save(update_fields=["status", "sending_started_at"])
        transaction.on_commit(lambda: plan_issue.enqueue(issue.pk))


def audience(issue: Issue):
    """The recipients an issue goes to: reachable, and signed up to its newsletter."""
    return Recipient.objects.reachable().filter(signups__newsletter_id=issue.newsletter_id)


def plan(issue_id: int) -> int:
    """One Delivery per reader of the issue (idempotent); the batches queued. Returns the
    number of batches."""
    issue = Issue.objects.get(pk=issue_id)
    if issue.status != Issue.Status.SENDING:
        return 0
    if not Delivery.objects.filter(issue=issue).exists():
        ids = audience(issue).order_by("pk").values_list("pk", flat=True)
        with transaction.atomic():
            chunk = []
            for recipient_id in ids.iterator(chunk_size=5000):
                chunk.append(Delivery(issue_id=issue.pk, recipient_id=recipient_id))
                if len(chunk) == 5000:
                    Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
                    chunk = []
            Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
    return queue_batches(issue)


def queue_batches(issue: Issue) -> int:
    from .tasks import send_batch

    pending = Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).count()
    batches = math.ceil(pending / settings.NEWSLETTER_BATCH_SIZE)
    for _ in range(batches):
        send_batch.enqueue(issue.pk)
    if not batches:
        finish_if_done(issue.pk)
    return batches


# --- Sending a batch -------------------------------------------------------------------------


def claim(issue_id: int, size: int) -> list[int]:
    """Take up to ``size`` pending rows of the issue for this batch."""
    with transaction.atomic():
        pending = Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING)
        ids = list(
            pending.select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.CLAIMED, claimed_at=timezone.now()
        )
    return ids


def _move(pk: int, before: str, after: str, **fields) -> bool:
    """One row from one status to the next; False when it was not in ``before``."""
    return bool(Delivery.objects.filter(pk=pk, status=before).update(status=after, **fields))


# Refusals that concern one message or address: the batch goes on with the next reader.
ONE_MESSAGE = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused)


def send_batch(issue_id: int, *, size: int | None = None, after_each=None) -> int:
    """Send one batch of the issue; returns how many messages left.

    ``after_each(n)`` is called after each message handed over (the tests stop a batch
    there, as a crash would)."""
    ids = claim(issue_id, size or settings.NEWSLETTER_BATCH_SIZE)
    if not ids:
        finish_if_done(issue_id)
        return 0
    issue = Issue.objects.select_related("newsletter").get(pk=issue_id)
    composition = compose(issue)
    rows = list(
        Delivery.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list(
            "pk", "recipient_id", "recipient__email", "recipient__member_id", "recipient__dead_at"
        )
    )
    subscribers = (
        access.subscribers_among(member for *_, member, _ in rows)
        if composition.needs_standing
        else set()
    )
    sent = 0
    connection = get_connection()
    connection.open()
    try:
        for position, (pk, recipient_id, email, member_id, dead_at) in enumerate(rows):
            if dead_at is not None:
                _move(pk, Delivery.Status.CLAIMED, Delivery.Status.SKIPPED)
                continue
            if not _move(pk, Delivery.Status.CLAIMED, Delivery.Status.SENDING):
                continue  # no longer this batch's (resumed elsewhere)
            message = composition.message_for(
                recipient_id, email, subscriber=member_id in subscribers
            )
            message.connection = connection
            try:
                message.send()
            except ONE_MESSAGE as refusal:
                _move(pk, Delivery.Status.SENDING, Delivery.Status.FAILED, error=str(refusal)[:300])
                continue
            except Exception:
                # The server went away: this message did not go; give the rest back.
                _move(pk, Delivery.Status.SENDING, Delivery.Status.PENDING, claimed_at=None)
                release([pk for pk, *_ in rows[position + 1 :]])
                raise
            _move(pk, Delivery.Status.SENDING, Delivery.Status.SENT, sent_at=timezone.now())
            sent += 1
            if after_each is not None:
                after_each(sent)
    finally:
        connection.close()
    finish_if_done(issue_id)
    return sent


def release(ids: list[int]) -> None:
    Delivery.objects.filter(pk__in=ids, status=Delivery.Status.CLAIMED).update(
        status=Delivery.Status.PENDING, claimed_at=None
    )


def finish_if_done(issue_id: int) -> bool:
    """Mark the issue Sent once no row is waiting or on its way."""
    waiting = Delivery.objects.filter(
        issue_id=issue_id,
        status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED, Delivery.Status.SENDING],
    )
    if waiting.exists():
        return False
    return bool(
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, sent_at=timezone.now()
        )
    )


# --- After a crash ---------------------------------------------------------------------------


def resume(issue: Issue, *, stale_after: timedelta = STALE_CLAIM) -> int:
    """Pick up an issue whose workers stopped: claims older than ``stale_after`` go back to
    pending, a row caught being handed over is failed (never sent twice), and batches are
    queued for the rest (the plan too, if it never ran). Returns the batches queued."""
    issue.refresh_from_db(fields=["status"])
    if issue.status != Issue.Status.SENDING:
        return 0
    cutoff = timezone.now() - stale_after
    stale = Delivery.objects.filter(issue=issue, claimed_at__lte=cutoff)
    stale.filter(status=Delivery.Status.SENDING).update(
        status=Delivery.Status.FAILED, error=INTERRUPTED
    )
    stale.filter(status=Delivery.Status.CLAIMED).update(
        status=Delivery.Status.PENDING, claimed_at=None
    )
    if not Delivery.objects.filter(issue=issue).exists():
        from .tasks import plan_issue

        plan_issue.enqueue(issue.pk)
        return 1
    return queue_batches(issue)


# --- Watching it -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    sent: int
    pending: int
    failed: int
    skipped: int

    @property
    def total(self) -> int:
        return self.sent + self.pending + self.failed + self.skipped

    @property
    def percent_done(self) -> int:
        return 100 if not self.total else int(100 * (self.total - self.pending) / self.total)


def progress(issue: Issue) -> Progress:
    """Sent, still to go (pending, claimed or being handed over), failed, skipped."""
    counts = dict(
        Delivery.objects.filter(issue=issue)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return Progress(
        sent=counts.get(Delivery.Status.SENT, 0),
        pending=sum(
            counts.get(s, 0)
            for s in (Delivery.Status.PENDING, Delivery.Status.CLAIMED, Delivery.Status.SENDING)
        ),
        failed=counts.get(Delivery.Status.FAILED, 0),
        skipped=counts.get(Delivery.Status.SKIPPED, 0),
    )


# --- A test to the editor --------------------------------------------------------------------


def send_test(issue_id: int, member_id: int) -> None:
    """The issue as it stands, to one member of the newsroom, marked as a test."""
    from django.contrib.auth import get_user_model

    issue = Issue.objects.select_related("newsletter").get(pk=issue_id)
    member = get_user_model().objects.get(pk=member_id)
    composition = compose(issue)
    recipient = Recipient.objects.filter(member=member).first()
    message = composition.message_for(
        recipient.pk if recipient else None,
        member.email,
        subscriber=access.is_subscriber(member),
    )
    message.subject = f"[Test] {message.subject}"
    message.send()
