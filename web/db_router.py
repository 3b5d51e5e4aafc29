"""Reads go to a replica when one is configured (DATABASE_REPLICA_URL), writes to the primary.

A request that has written anything reads from the primary for the rest of that request,
and so do the requests of the same client in the next few seconds (a short cookie set only
after a write, which only logged-in readers and staff make): nobody misses their own change
because the replica lags behind.
"""

from __future__ import annotations

import contextvars

from django.conf import settings

REPLICA = "replica"
PIN_COOKIE = "primary_pin"

_pinned: contextvars.ContextVar[bool] = contextvars.ContextVar("pinned_to_primary", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if replica_configured() and not _pinned.get():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        _pinned.set(True)
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two copies of it

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PinAfterWriteMiddleware:
    """Keeps a client on the primary during and shortly after a request that wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        unsafe = request.method not in ("GET", "HEAD", "OPTIONS")
        token = _pinned.set(unsafe or PIN_COOKIE in request.COOKIES)
        try:
            response = self.get_response(request)
            if _pinned.get() and unsafe:
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=settings.REPLICA_PIN_SECONDS,
                    httponly=True,
                    samesite="Lax",
                    secure=request.is_secure(),
                )
            return response
        finally:
            _pinned.reset(token)
