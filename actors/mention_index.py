"""The index of every actor's names and aliases that mention detection searches
(``actors.mentions``), one per process, rebuilt when actors, sources or their aliases
change.

A change moves the reader-cache tag ``INDEX_TAG`` on (``web.reader_cache.version``), so every
process, each with its own copy of the index, notices on its next call. Sources' names are
in the index too, as shadows: "The Washington Post" does not name the United States.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from sources.models import Source, SourceAlias
from web import reader_cache

from .mentions import ActorNames, MentionIndex, build_index
from .models import Actor, ActorAlias

# The reader-cache tag whose version every process's index was built at.
INDEX_TAG = "actors:mention-index"

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


def current_index() -> MentionIndex:
    """This process's index of actors, rebuilt first when another change has been noted."""
    global _index
    version = reader_cache.version(INDEX_TAG)
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
    # Inside a transaction the tag moves on again once it commits: another process may
    # rebuild before then and see the old rows.
    reader_cache.invalidate(INDEX_TAG)


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


def rebuild_when_names_change() -> None:
    """Any change to an actor, a source or one of their aliases rebuilds the index (called
    once, from ``ActorsConfig.ready``)."""
    from django.db.models.signals import post_delete, post_save

    def names_changed(sender, **kwargs):
        bump_index_version()

    for model in (Actor, ActorAlias, Source, SourceAlias):
        for signal in (post_save, post_delete):
            signal.connect(names_changed, sender=model, dispatch_uid=f"mention-index-{model}")
