"""The reader cache: whole pages for anonymous readers, kept fresh by what changed.

Reading pages served to anonymous visitors are the same for everyone (DESIGN §9), so they
are stored whole in Django's cache (Redis when REDIS_URL is set, local memory otherwise)
and carry Cache-Control headers a CDN may follow. A request that carries a session cookie,
any method but GET/HEAD, a response that sets a cookie, is private, or is not a 200 is
never stored or served from here: logged-in readers always get a page made for them.

Freshness without flushing everything: every stored page depends on a few *tags*, each with
a version number kept in the cache. An article page depends on ``article:<pk>``; every other
page on ``lists``; all pages on ``site`` (the navigation). A change bumps the versions of
the tags it affects (``invalidate``), and a stored page whose tags moved on is a miss.
Editing one article refreshes its page and the lists, and leaves the other article pages
cached; a new comment refreshes only its article's page.

The whole API, for pages and for parts of pages alike:

- ``remember(key, tags, compute, timeout)``: a value kept until one of its tags moves on;
- ``tag_page`` / ``add_page_tags``: what a stored page depends on;
- ``invalidate(*tags)``: move tags on, making what depends on them stale;
- ``stale_when_changed(model, tags_of)`` and ``stale_when_m2m_changed``: each app says, in
  its ``AppConfig.ready()``, which tags a saved or deleted row of its own models moves on;
- ``keep_pages_until(moment_of)``: a moment no stored page may outlive (the next scheduled
  piece going out, which no signal marks);
- ``version(tag)``: the tag's current version, for a value each process keeps in memory.

This module knows no app: the tags are names the apps choose.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

SITE = "site"
LISTS = "lists"
KEY_PREFIX = "reader-page:"
TAG_PREFIX = "reader-tag:"


def tag_page(request, *tags: str) -> None:
    """Say what a page shows, so it is refreshed when that changes (default: the lists)."""
    request.reader_cache_tags = tags


def add_page_tags(request, *tags: str) -> None:
    """Say that a page also shows what ``tags`` name (a block drawn on many pages, such as
    the appeal or the sponsor placements), on top of what its view said."""
    request.reader_cache_tags = (*getattr(request, "reader_cache_tags", (LISTS,)), *tags)


def expire_page_by(request, moment) -> None:
    """Keep the stored page no later than ``moment`` (something it shows starts or ends)."""
    current = getattr(request, "reader_cache_until", None)
    if current is None or moment < current:
        request.reader_cache_until = moment


def invalidate(*tags: str) -> None:
    """Make every stored page that depends on any of ``tags`` stale. Never raises.

    Inside a transaction (an admin save) the tags move on now and again once it commits:
    a page another request draws meanwhile still reads the old rows, and would otherwise
    be stored under the new versions and outlive the change.
    """
    _bump(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(tags))


def _bump(tags) -> None:
    # A new, never-repeated value (not a counter): a version lost to eviction can then
    # never come back equal to the one a stale page was stored with.
    version = time.time_ns()
    with contextlib.suppress(Exception):  # the cache may be down; pages then expire
        cache.set_many({TAG_PREFIX + tag: version for tag in tags}, timeout=None)


def _versions(tags) -> dict[str, int | None]:
    found = cache.get_many([TAG_PREFIX + tag for tag in tags])
    return {tag: found.get(TAG_PREFIX + tag) for tag in tags}


def remember(
    key: str,
    tags: tuple[str, ...],
    compute,
    timeout: Callable[[], int],
    stale: Callable[[Any], bool] | None = None,
):
    """``compute()``, kept in the cache until any of ``tags`` changes or ``timeout()``
    seconds pass: a part of a page that every reader sees alike, logged in or not.
    ``timeout`` is asked only when the value is computed. ``stale(value)``, when given,
    says that a kept value's own moment has come (what it shows has run out by the clock):
    it is computed again.

    One cache round trip when the value is fresh. The tag versions are read before
    computing, so a change made meanwhile leaves the stored value stale, never wrong.
    """
    names = [TAG_PREFIX + tag for tag in tags]
    try:
        found = cache.get_many([key, *names])
    except Exception:  # the cache may be down: compute every time
        return compute()
    versions = {tag: found.get(name) for tag, name in zip(tags, names, strict=True)}
    entry = found.get(key)
    if entry is not None and entry[1] == versions and not (stale and stale(entry[0])):
        return entry[0]
    value = compute()
    with contextlib.suppress(Exception):
        cache.set(key, (value, versions), timeout())
    return value


def keep_pages_until(moment_of: Callable[[], datetime | None]) -> None:
    """Never keep a page, nor a remembered value whose timeout comes from ``lifetime``, past
    ``moment_of()`` (None: no such moment now). Called once per rule, from ``ready()``."""
    if moment_of not in _moments:
        _moments.append(moment_of)


_moments: list[Callable[[], datetime | None]] = []


def next_moment() -> datetime | None:
    """The earliest moment a registered rule names (one query per rule)."""
    return min((m for moment_of in _moments if (m := moment_of()) is not None), default=None)


def lifetime(limit: int, until: datetime | None = None) -> int:
    """``limit`` seconds, or fewer when a registered moment (or ``until``) comes sooner."""
    upcoming = next_moment()
    if until is not None and (upcoming is None or until < upcoming):
        upcoming = until
    if upcoming is None:
        return limit
    return max(1, min(limit, int((upcoming - timezone.now()).total_seconds()) + 1))


def version(tag: str) -> str:
    """The current version of ``tag``, the same in every process until ``invalidate(tag)``:
    for a value a process keeps in memory (an index) and rebuilds when it moves on."""
    name = TAG_PREFIX + tag
    try:
        found = cache.get(name)
        if found is None:
            cache.add(name, time.time_ns(), timeout=None)
            found = cache.get(name)
    except Exception:  # the cache may be down: nothing is shared until it returns
        found = None
    return "unshared" if found is None else str(found)


def _page_key(request) -> str:
    # The scheme is part of the address: a page stored for an https request carries HSTS,
    # and a plain-http request (redirected in production) never finds it.
    scheme = "https" if request.is_secure() else "http"
    url = f"{scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def _cacheable_request(request) -> bool:
    return request.method == "GET" and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)


def _storable(response) -> bool:
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


# Headers never stored with a page: each response has its own (web/request_id.py).
_NOT_STORED = {"x-request-id", "x-reader-cache"}
# How many pages' tags a process remembers (a few hundred bytes each).
_REMEMBERED_TAGS = 10_000


class ReaderCacheMiddleware:
    """Serve and store whole pages for anonymous readers (setting PAGE_CACHE).

    It comes first in MIDDLEWARE after the request id, so a stored page is answered before
    anything else is done: no session, CSRF, URL resolving, view, template or policy is
    computed for it. A page is stored as the middleware below it finished it (security
    headers, Content-Security-Policy, X-Frame-Options included), already encoded: its
    status, its headers and its bytes, with the versions of the tags it depends on.

    One cache round trip per hit: each process remembers which tags a stored address
    depends on and asks for the page and those tags' versions together (``get_many``).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE
        self.timeout = settings.PAGE_CACHE_SECONDS
        # Static files are WhiteNoise's, below: never looked up here.
        static = settings.STATIC_URL or ""
        self.static_prefix = static if static.startswith("/") else None
        self.tags_of: dict[str, tuple[str, ...]] = {}

    def __call__(self, request):
        if not (self.enabled and _cacheable_request(request)) or (
            self.static_prefix and request.path_info.startswith(self.static_prefix)
        ):
            return self.get_response(request)
        key = _page_key(request)
        try:
            hit = self._stored(key)
        except Exception:  # the cache may be down: draw the page
            hit = None
        if hit is not None:
            return hit
        response = self.get_response(request)
        if _storable(response):
            self._mark_public(response)
            self._store(key, request, response)
        return response

    def _stored(self, key: str) -> HttpResponse | None:
        """The page stored under ``key`` if none of its tags moved on since, else None."""
        tags = self.tags_of.get(key, ())
        names = [TAG_PREFIX + tag for tag in tags]
        found = cache.get_many([key, *names])
        entry = found.get(key)
        if entry is None:
            return None
        stored_versions, status, headers, body = entry
        if tuple(tag for tag, _ in stored_versions) == tags:
            current = {tag: found.get(name) for tag, name in zip(tags, names, strict=True)}
        else:  # stored by another process, or this address now shows other things
            self._remember_tags(key, tuple(tag for tag, _ in stored_versions))
            current = _versions(self.tags_of[key])
        if any(current[tag] != version for tag, version in stored_versions):
            return None
        return HttpResponse(body, status=status, headers=headers)

    def _store(self, key, request, response) -> None:
        tags = (SITE, *getattr(request, "reader_cache_tags", (LISTS,)))
        try:
            versions = tuple(_versions(tags).items())
            headers = {
                name: value for name, value in response.items() if name.lower() not in _NOT_STORED
            }
            headers["X-Reader-Cache"] = "hit"
            entry = (versions, response.status_code, headers, response.content)
            cache.set(key, entry, self._timeout(request))
            self._remember_tags(key, tags)
        except Exception:
            pass
        response["X-Reader-Cache"] = "miss"

    def _remember_tags(self, key: str, tags: tuple[str, ...]) -> None:
        if len(self.tags_of) >= _REMEMBERED_TAGS:
            self.tags_of.clear()
        self.tags_of[key] = tags

    def _timeout(self, request=None) -> int:
        """Never keep a page past a registered moment (``keep_pages_until``), nor past the
        moment something it shows starts or ends (``expire_page_by``)."""
        return lifetime(self.timeout, getattr(request, "reader_cache_until", None))

    def _mark_public(self, response) -> None:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
            stale_while_revalidate=settings.PAGE_CACHE_CDN_SECONDS,
        )
        patch_vary_headers(response, ["Cookie"])


# --- What changes make stale: registered by each app for its own models ----------------------


def stale_when_changed(model, tags_of: Callable[[Any], Iterable[str]]) -> None:
    """Saving or deleting a row of ``model`` moves on the tags ``tags_of(row)`` names."""

    def changed(sender, instance, **kwargs):
        invalidate(*tags_of(instance))

    for signal in (post_save, post_delete):
        signal.connect(changed, sender=model, weak=False, dispatch_uid=_uid(model, tags_of))


def stale_when_m2m_changed(through, tags_of: Callable[[Any], Iterable[str]]) -> None:
    """Adding, removing or clearing rows of the many-to-many table ``through`` moves on the
    tags ``tags_of(instance)`` names (``instance``: the object whose set changed)."""

    def changed(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            invalidate(*tags_of(instance))

    m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=_uid(through, tags_of))


def _uid(model, tags_of) -> str:
    # Registering the same rule twice (``ready()`` run again) connects it once.
    return f"reader-cache:{model._meta.label}:{tags_of.__module__}.{tags_of.__qualname__}"
