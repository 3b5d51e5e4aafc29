"""What readers see when a part of the site is down, and how the site gets back up.

The database: a query that cannot reach it raises ``OperationalError`` (or
``InterfaceError`` for a connection that died). Any page that meets one answers
``503 Service Unavailable`` with ``Retry-After`` and our own short page, rendered without
the database (no context processors: the navigation's sections live in the database).
Connections are checked before reuse (``CONN_HEALTH_CHECKS``), so the first request after
the database returns opens a new one: the site comes back by itself, without a restart.

The cache: see ``web.cache``. Pages served from the reader cache keep being served
while the database is away.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

from .request_id import current_request_id

RETRY_AFTER_SECONDS = 30
UNAVAILABLE_TEMPLATE = "503.html"

logger = logging.getLogger(__name__)


def database_unreachable(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or what caused it) says the database cannot be reached."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def service_unavailable(request=None):
    """Our 503 page, drawn from the template alone."""
    content = loader.get_template(UNAVAILABLE_TEMPLATE).render(
        {"request_id": current_request_id(), "retry_after": RETRY_AFTER_SECONDS}
    )
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def current_exception_is_outage() -> bool:
    """For the 500 handler: Django calls it while handling the exception."""
    return database_unreachable(sys.exc_info()[1])


class DatabaseOutageMiddleware:
    """A view that meets an unreachable database answers 503, not 500.

    Errors raised outside views (in another middleware) reach the 500 handler,
    ``newsroom.views.server_error``, which makes the same decision.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_unreachable(exception):
            logger.error(
                "Database unreachable (%s %s): %s", request.method, request.path, exception
            )
            return service_unavailable(request)
        return None
