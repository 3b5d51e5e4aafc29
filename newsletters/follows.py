"""Following an actor, an author, a section or a tag: what can be followed, by whom, and
the button's state on the thing's page.

A follow belongs to a logged-in member. Following makes sure the member has a recipient
(their account's address) and turns the daily digest back on if they had stopped it: a
member who presses "Follow" asks for the e-mail. What the digest carries is
``newsletters.digests``.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from taggit.models import Tag

from actors.models import Actor
from articles.models import AuthorProfile, Section
from articles.tags import public_tags

from . import readers
from .models import Follow, name_of

Kind = Follow.Kind

# Where each kind of thing is found by its slug (a tag only while a public piece carries it,
# as its page).
_TARGETS = {
    Kind.ACTOR: Actor.objects.all,
    Kind.AUTHOR: AuthorProfile.objects.all,
    Kind.SECTION: Section.objects.all,
    Kind.TAG: public_tags,
}
_KIND_OF_MODEL = {
    Actor: Kind.ACTOR,
    AuthorProfile: Kind.AUTHOR,
    Section: Kind.SECTION,
    Tag: Kind.TAG,
}


__all__ = [
    "Kind",
    "find_target",
    "follow",
    "follows_of",
    "is_following",
    "kind_of",
    "name_of",
    "target_url",
    "unfollow",
]


def kind_of(target) -> str:
    return _KIND_OF_MODEL[type(target)]


def find_target(kind: str, slug: str):
    """The thing named by a follow button's address; 404 for an unknown kind or slug."""
    if kind not in _TARGETS:
        raise Http404("Nothing of that kind can be followed.")
    return get_object_or_404(_TARGETS[kind](), slug=slug)


def is_following(member, target) -> bool:
    """One query, for the button on the thing's page."""
    if not member.is_authenticated:
        return False
    return Follow.objects.filter(member=member, **{kind_of(target): target}).exists()


def follow(member, target) -> Follow:
    """Follow ``target`` (following twice is harmless)."""
    recipient = readers.recipient_for_member(member)
    if not recipient.follow_digests:
        recipient.follow_digests = True
        recipient.save(update_fields=["follow_digests"])
    lookup = {"member": member, kind_of(target): target}
    try:
        with transaction.atomic():
            return Follow.objects.get_or_create(**lookup)[0]
    except IntegrityError:  # the same button pressed twice at once
        return Follow.objects.get(**lookup)


def unfollow(member, target) -> None:
    Follow.objects.filter(member=member, **{kind_of(target): target}).delete()


def follows_of(member) -> list[Follow]:
    """What the member follows, for the account page, in the order followed."""
    return list(
        Follow.objects.filter(member=member).select_related("actor", "author", "section", "tag")
    )


def target_url(kind: str, target) -> str:
    if kind == Kind.TAG:
        return reverse("articles:tag", args=[target.slug])
    return target.get_absolute_url()
