"""Every request has an id: sent back in ``X-Request-ID`` and written on every log line.

A proxy or load balancer in front may already have given the request an id; a sane one
(letters, digits and ``-_.:``, at most 64 characters) is kept so the same id can be followed
from the proxy's log to ours. That header is believed only behind trusted proxies
(``TRUSTED_PROXY_COUNT`` > 0, the same setting that lets ``X-Forwarded-For`` name the client):
without one, the header comes from the client itself, who could put any id into our logs
and onto another reader's report, so every request gets a fresh id. Anything not sane is
replaced too. The 500 page shows the id, so a reader's report points at the logged error.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

from django.conf import settings

HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_.:]{7,63}")
NO_REQUEST = "-"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default=NO_REQUEST)


def current_request_id() -> str:
    """The id of the request being served, or ``-`` outside one (commands, start-up)."""
    return _current.get()


def choose_request_id(incoming: str | None) -> str:
    """The proxy's id when a trusted proxy sent the request and the id is sane; else fresh."""
    if settings.TRUSTED_PROXY_COUNT > 0 and incoming and _SANE.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Outermost middleware: the id covers everything logged while the request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = choose_request_id(request.headers.get(HEADER))
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        # Also on pages served from the reader cache, which were stored with another id.
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts ``request_id`` on every log record (LOGGING's formatters print it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = current_request_id()
        if request_id == NO_REQUEST:
            # Django logs a failed response after the middleware has finished, with the
            # request attached to the record.
            request_id = getattr(getattr(record, "request", None), "request_id", NO_REQUEST)
        record.request_id = request_id
        return True
