"""Django's Redis cache, made to survive Redis going away.

Redis holds copies (pages, version tokens, the navigation, session copies, rate-limit
counters); the database holds the truth. So when Redis cannot be reached the site keeps
serving: a read is a miss, a write is skipped, and the outage is logged once, not on every
call. After a failure the server is left alone for ``RETRY_SECONDS`` (default 5) so that a
dead Redis costs one quick attempt every few seconds, not one per call; then it is tried
again and used as soon as it answers.

Writes lost during an outage would leave old values behind in a Redis that was only
unreachable (not restarted): a session copy of a reader who has since logged out, an old
version token. So the keys of lost writes are remembered (up to ``MAX_LOST_WRITES``) and
deleted first thing when Redis answers again.

``add`` answers True while Redis is down: nothing is stored, but locks built on ``add``
(django-allauth's rate limits take one) go ahead instead of waiting for a cache that is not
there. ``incr`` raises ``ValueError``, as for a missing key.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
MAX_LOST_WRITES = 10_000


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        # Fail fast: a cache that takes seconds to answer is worse than no cache.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        # One immediate retry picks up a connection Redis dropped; no growing back-off.
        options.setdefault("retry", Retry(NoBackoff(), 1))
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0
        self._is_down = False
        self._lost_writes: set[str] = set()
        self._state_lock = threading.Lock()

    # --- Outage bookkeeping ------------------------------------------------------------------

    def _available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _went_down(self, error: Exception) -> None:
        with self._state_lock:
            self._down_until = time.monotonic() + self.retry_seconds
            if not self._is_down:
                self._is_down = True
                logger.error("Cache unreachable, serving without it: %s", error)

    def _remember_lost(self, keys) -> None:
        with self._state_lock:
            if len(self._lost_writes) < MAX_LOST_WRITES:
                self._lost_writes.update(keys)
            elif keys:
                logger.warning("Too many writes lost to the cache outage to replay them all")

    def _came_back(self) -> None:
        """Forget the values whose updates were lost, before anything is read again."""
        with self._state_lock:
            lost, self._lost_writes = self._lost_writes, set()
            was_down, self._is_down = self._is_down, False
        if lost:
            try:
                self._cache.delete_many(list(lost))
            except UNREACHABLE as error:
                self._remember_lost(lost)
                self._went_down(error)
                raise
        if was_down:
            logger.warning("Cache reachable again (%d stale keys dropped)", len(lost))

    def _run(self, fallback, written_keys, operation, *args, **kwargs):
        if not self._available():
            self._remember_lost(written_keys)
            return fallback()
        try:
            if self._is_down or self._lost_writes:
                self._came_back()
            return operation(*args, **kwargs)
        except UNREACHABLE as error:
            self._went_down(error)
            self._remember_lost(written_keys)
            return fallback()

    def _key(self, key, version):
        return self.make_and_validate_key(key, version=version)

    # --- The cache API -----------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        return self._run(lambda: default, (), super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._run(dict, (), super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._run(lambda: False, (), super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        written = (self._key(key, version),)
        return self._run(lambda: None, written, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        written = (self._key(key, version),)
        return self._run(lambda: True, written, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        written = (self._key(key, version),)
        return self._run(lambda: False, written, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        written = (self._key(key, version),)
        return self._run(lambda: False, written, super().delete, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)")

        written = (self._key(key, version),)
        return self._run(missing, written, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        written = tuple(self._key(key, version) for key in data)
        return self._run(lambda: list(data), written, super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        written = tuple(self._key(key, version) for key in keys)
        return self._run(lambda: None, written, super().delete_many, keys, version)

    def clear(self):
        return self._run(lambda: None, (), super().clear)
