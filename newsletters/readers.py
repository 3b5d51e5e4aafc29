"""Who receives which newsletter: sign-up by double opt-in, the member behind an address,
unsubscribing, and addresses that stop working.

Signing up stores nothing: the address and the chosen newsletters travel in a signed link
mailed to that address (``confirmation_token``), valid ``NEWSLETTER_CONFIRM_DAYS`` days. Only
following it (and pressing the button it opens, so that a mail scanner fetching the link
signs no one up) makes the address a confirmed ``Recipient``. Nothing is mailed to an address
before that but the confirmation itself.

An address and an account are one person: a recipient is joined to the member with the same
address when the member confirms it or logs in (``link_member``), whichever comes first, and
follows the member's address when it changes.

Unsubscribe links carry a signed token naming the recipient and the newsletter, with no
expiry (a link in a years-old issue must still work) and no log-in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Newsletter, Recipient, Signup

CONFIRM_SALT = "newsletters.confirm"
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"


def normalise(email: str) -> str:
    return email.strip().lower()


# --- Double opt-in -------------------------------------------------------------------------


def confirmation_token(email: str, newsletters: Iterable[Newsletter]) -> str:
    return signing.dumps(
        {"e": normalise(email), "n": sorted(n.pk for n in newsletters)}, salt=CONFIRM_SALT
    )


@dataclass(frozen=True)
class PendingSignup:
    email: str
    newsletters: list[Newsletter]


def read_confirmation(token: str) -> PendingSignup | None:
    """The sign-up a confirmation link stands for; None when it is forged or expired."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_DAYS * 86400
        )
    except signing.BadSignature:  # SignatureExpired is one
        return None
    newsletters = list(Newsletter.objects.filter(pk__in=data.get("n", []), active=True))
    if not newsletters:
        return None
    return PendingSignup(email=data["e"], newsletters=newsletters)


def send_confirmation(email: str, newsletters: list[Newsletter]) -> None:
    """Mail the confirmation link for ``newsletters`` to ``email``: the one message an
    unconfirmed address ever gets (sent in the request: one short message, as allauth's)."""
    link = settings.SITE_URL + reverse(
        "newsletters:confirm", args=[confirmation_token(email, newsletters)]
    )
    context = {
        "link": link,
        "newsletters": newsletters,
        "days": settings.NEWSLETTER_CONFIRM_DAYS,
        "site_name": settings.SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject=f"{settings.SITE_NAME}: confirm your newsletter sign-up",
        body=render_to_string("newsletters/email/confirm.txt", context),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[email],
    )
    message.send()


@transaction.atomic
def confirm(pending: PendingSignup) -> Recipient:
    """Make the address a confirmed recipient of the newsletters it asked for.

    Confirming again is harmless; an address once marked unreachable that confirms anew has
    shown it works, and receives mail again."""
    recipient = _recipient_for_address(pending.email)
    now = timezone.now()
    recipient.confirmed_at = recipient.confirmed_at or now
    recipient.dead_at = None
    recipient.dead_reason = ""
    if recipient.member_id is None:
        recipient.member = (
            get_user_model()
            .objects.filter(email__iexact=pending.email, newsletter_recipient__isnull=True)
            .first()
        )
    recipient.save()
    subscribe(recipient, pending.newsletters)
    return recipient


def _recipient_for_address(email: str) -> Recipient:
    recipient, _ = Recipient.objects.get_or_create(email=normalise(email))
    return recipient


def subscribe(recipient: Recipient, newsletters: Iterable[Newsletter]) -> None:
    Signup.objects.bulk_create(
        [Signup(recipient=recipient, newsletter=n) for n in newsletters], ignore_conflicts=True
    )


# --- Members -------------------------------------------------------------------------------


def recipient_of(member) -> Recipient | None:
    """The member's recipient: joined to them, or unjoined with their address (joined now:
    the account's address is theirs). None when they never signed up."""
    if member is None or not member.is_authenticated:
        return None
    recipient = Recipient.objects.filter(member=member).first()
    if recipient is None:
        recipient = link_member(member)
    return recipient


def link_member(member, email: str | None = None) -> Recipient | None:
    """Join the recipient with the member's (confirmed) address to the member."""
    email = normalise(email or member.email)
    recipient = Recipient.objects.filter(email=email, member__isnull=True).first()
    if recipient is None or Recipient.objects.filter(member=member).exists():
        return None
    recipient.member = member
    recipient.save(update_fields=["member"])
    return recipient


def follow_address_change(member) -> None:
    """The member's address changed: their newsletters go to the new one."""
    email = normalise(member.email)
    recipient = Recipient.objects.filter(member=member).first()
    if recipient is None or recipient.email == email:
        return
    if Recipient.objects.filter(email=email).exclude(pk=recipient.pk).exists():
        return  # that address already receives newsletters of its own: keep both as they are
    recipient.email = email
    try:
        with transaction.atomic():
            recipient.save(update_fields=["email"])
    except IntegrityError:
        pass


def recipient_for_member(member) -> Recipient:
    """The member's recipient, made (confirmed: the account's address was confirmed with the
    account) when there is none."""
    recipient = recipient_of(member)
    if recipient is None:
        recipient, _ = Recipient.objects.get_or_create(
            email=normalise(member.email),
            defaults={"member": member, "confirmed_at": timezone.now()},
        )
    return recipient


@transaction.atomic
def set_preferences(member, newsletters: Iterable[Newsletter]) -> Recipient:
    """The member's newsletters are exactly ``newsletters`` (of those offered now).

    The account's address was confirmed when the account was, so no link is mailed."""
    recipient = recipient_for_member(member)
    if not recipient.reachable:
        # Saved by the account's owner, who logs in with this address: it works.
        recipient.confirmed_at = recipient.confirmed_at or timezone.now()
        recipient.dead_at, recipient.dead_reason = None, ""
        recipient.save(update_fields=["confirmed_at", "dead_at", "dead_reason"])
    chosen = {n.pk for n in newsletters}
    Signup.objects.filter(recipient=recipient, newsletter__active=True).exclude(
        newsletter__in=chosen
    ).delete()
    subscribe(recipient, newsletters)
    return recipient


# --- Unsubscribing -------------------------------------------------------------------------


def unsubscribe_token(recipient_id: int, newsletter_id: int) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{recipient_id}-{newsletter_id}")


def unsubscribe_url(recipient_id: int, newsletter_id: int) -> str:
    token = unsubscribe_token(recipient_id, newsletter_id)
    return settings.SITE_URL + reverse("newsletters:unsubscribe", args=[token])


def masked(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


@dataclass(frozen=True)
class Unsubscription:
    recipient: Recipient
    newsletter: Newsletter

    @property
    def masked_email(self) -> str:
        """The address as the unsubscribe page shows it ("a…@example.org"): enough for its
        owner to recognise, nothing for someone handed a forwarded link."""
        return masked(self.recipient.email)

    @property
    def subscribed(self) -> bool:
        return Signup.objects.filter(recipient=self.recipient, newsletter=self.newsletter).exists()


def read_unsubscribe(token: str) -> Unsubscription | None:
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
        recipient_id, newsletter_id = (int(part) for part in value.split("-"))
    except (signing.BadSignature, ValueError):
        return None
    recipient = Recipient.objects.filter(pk=recipient_id).first()
    newsletter = Newsletter.objects.filter(pk=newsletter_id).first()
    if recipient is None or newsletter is None:
        return None
    return Unsubscription(recipient, newsletter)


def unsubscribe(unsubscription: Unsubscription) -> None:
    Signup.objects.filter(
        recipient=unsubscription.recipient, newsletter=unsubscription.newsletter
    ).delete()


# --- Addresses that stop working ---------------------------------------------------------


def mark_dead(email: str, reason: str) -> bool:
    """No more mail to ``email`` (a bounce or a complaint); True when it was a recipient."""
    reason = reason.strip()[:200] or "bounce"
    updated = Recipient.objects.filter(email=normalise(email), dead_at__isnull=True).update(
        dead_at=timezone.now(), dead_reason=reason
    )
    return bool(updated) or Recipient.objects.filter(email=normalise(email)).exists()
