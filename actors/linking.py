"""Linking a piece to the actors its text names: suggestions, dismissals, hand links.

The rules:

- Saving a piece suggests every actor its text names (``suggest_actors``): a link marked
  "found automatically", with the number of mentions, in the role "mentioned".
- A suggestion follows the text: its count is brought up to date on every save, and it goes
  away when the text stops naming the actor.
- An editor who edits a suggestion (its role or position) takes it over (``adopt_links``):
  from then on it is a hand link.
- An editor who removes a link dismisses the actor for that piece (``dismiss_actors``); it
  is not suggested again unless someone links it by hand, which lifts the dismissal.
- Links made by hand are never removed or changed here.

The mention index is built once per process and rebuilt when actors, sources or their
aliases change:
their signals replace a version token kept in Django's cache, so every process (each with
its own copy of the index) notices on its next call.

This module takes the text to search from its caller, so it needs nothing from the articles
app: the article desk (``articles.admin``) and ``import_article`` pass the piece's text.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sources.models import Source, SourceAlias

from .mentions import ActorNames, AmbiguousMention, MentionIndex, build_index, find_mentions
from .models import Actor, ActorAlias, ArticleActor, DismissedActor

INDEX_VERSION_KEY = "actors:mention-index:version"

_lock = threading.Lock()
_state = threading.local()
_index: MentionIndex | None = None


# --- The index, kept current ----------------------------------------------------------------


def load_index(version: str = "") -> MentionIndex:
    """Build the index of every actor's name and aliases from the database (four queries).

    Sources' names shadow the actor names inside them: "The Washington Post" does not
    name the United States, nor "the Budapest Memorandum" Hungary.
    """
    aliases: dict[int, list[str]] = {}
    for actor_id, name in ActorAlias.objects.values_list("actor_id", "name"):
        aliases.setdefault(actor_id, []).append(name)
    actors = (
        ActorNames(pk, name, tuple(aliases.get(pk, ())), slug, kind)
        for pk, name, slug, kind in Actor.objects.values_list("pk", "name", "slug", "kind")
    )
    shadows = [
        *Source.objects.values_list("name", flat=True),
        *SourceAlias.objects.values_list("name", flat=True),
    ]
    return build_index(actors, version, shadows)


def _shared_version() -> str:
    version = cache.get(INDEX_VERSION_KEY)
    if version is None:
        cache.add(INDEX_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        # A cache that keeps nothing (the dummy backend) leaves only this process's own
        # invalidation, which ``bump_index_version`` still performs.
        version = cache.get(INDEX_VERSION_KEY) or "unshared"
    return version


def current_index() -> MentionIndex:
    """This process's index of actors, rebuilt first when another change has been noted."""
    global _index
    version = _shared_version()
    index = _index
    if index is not None and index.version == version:
        return index
    with _lock:
        if _index is None or _index.version != version:
            _index = load_index(version)
        return _index


def bump_index_version() -> None:
    """Note that actors or aliases changed; every process rebuilds its index once."""
    global _index
    if getattr(_state, "deferred", 0):
        _state.pending = True
        return
    _index = None
    cache.set(INDEX_VERSION_KEY, uuid.uuid4().hex, timeout=None)
    # Another process may rebuild before this transaction commits and see the old rows;
    # a second bump after the commit makes it rebuild again.
    transaction.on_commit(lambda: cache.set(INDEX_VERSION_KEY, uuid.uuid4().hex, timeout=None))


@contextmanager
def index_updates_deferred():
    """Bump the index once at the end of a bulk change (an import) instead of per row."""
    _state.deferred = getattr(_state, "deferred", 0) + 1
    try:
        yield
    finally:
        _state.deferred -= 1
        if not _state.deferred and getattr(_state, "pending", False):
            _state.pending = False
            bump_index_version()


@receiver(post_save, sender=Actor, dispatch_uid="actors_mention_index_actor_saved")
@receiver(post_delete, sender=Actor, dispatch_uid="actors_mention_index_actor_deleted")
@receiver(post_save, sender=ActorAlias, dispatch_uid="actors_mention_index_alias_saved")
@receiver(post_delete, sender=ActorAlias, dispatch_uid="actors_mention_index_alias_deleted")
@receiver(post_save, sender=Source, dispatch_uid="actors_mention_index_source_saved")
@receiver(post_delete, sender=Source, dispatch_uid="actors_mention_index_source_deleted")
@receiver(post_save, sender=SourceAlias, dispatch_uid="actors_mention_index_source_alias_saved")
@receiver(post_delete, sender=SourceAlias, dispatch_uid="actors_mention_index_source_alias_deleted")
def _names_changed(sender, **kwargs):
    bump_index_version()


# --- Suggestions ----------------------------------------------------------------------------


@dataclass
class SuggestionReport:
    """What one pass of mention detection did to a piece's links."""

    added: list[ArticleActor] = field(default_factory=list)
    updated: list[ArticleActor] = field(default_factory=list)
    removed: list[ArticleActor] = field(default_factory=list)
    ambiguous: tuple[AmbiguousMention, ...] = ()
    mentions: dict[int, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def suggest_actors(article, text: str, index: MentionIndex | None = None) -> SuggestionReport:
    """Suggest the actors ``text`` (the piece's words) names; see the module's rules."""
    result = find_mentions(text, index or current_index())
    counts = {mention.actor.id: mention.count for mention in result.actors}
    report = SuggestionReport(ambiguous=result.ambiguous, mentions=counts)

    links = {link.actor_id: link for link in ArticleActor.objects.filter(article=article)}
    hand_linked = [pk for pk, link in links.items() if not link.found_automatically]
    DismissedActor.objects.filter(article=article, actor_id__in=hand_linked).delete()
    dismissed = set(
        DismissedActor.objects.filter(article=article).values_list("actor_id", flat=True)
    )

    # The index may lag behind a deletion made by another process a moment ago.
    wanted = [pk for pk in counts if pk not in links and pk not in dismissed]
    existing = set(Actor.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    position = max((link.position for link in links.values()), default=-1) + 1
    for offset, pk in enumerate(pk for pk in wanted if pk in existing):
        # One save per link, not a bulk insert: others listen for links being saved.
        report.added.append(
            ArticleActor.objects.create(
                article=article,
                actor_id=pk,
                role=ArticleActor.Role.MENTIONED,
                found_automatically=True,
                mentions=counts[pk],
                position=min(position + offset, 32767),
            )
        )

    for pk, link in links.items():
        if not link.found_automatically:
            continue
        if pk not in counts:
            report.removed.append(link)
        elif link.mentions != counts[pk]:
            link.mentions = counts[pk]
            link.save(update_fields=["mentions"])
            report.updated.append(link)
    if report.removed:
        ArticleActor.objects.filter(pk__in=[link.pk for link in report.removed]).delete()
    return report


def dismiss_actors(article, actor_ids: Iterable[int], by=None) -> None:
    """Remember that an editor removed these actors from the piece."""
    DismissedActor.objects.bulk_create(
        [DismissedActor(article=article, actor_id=pk, dismissed_by=by) for pk in set(actor_ids)],
        ignore_conflicts=True,
    )


def adopt_links(article, actor_ids: Iterable[int]) -> int:
    """Suggestions an editor edited become hand links, which detection leaves alone."""
    return ArticleActor.objects.filter(
        article=article, actor_id__in=list(actor_ids), found_automatically=True
    ).update(found_automatically=False)
