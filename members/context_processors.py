"""What every template needs to know about the reader: where to log in (lazy: a page that
does not ask computes nothing).

Whether the reader subscribes is not offered here: templates that need it get it from their
template tag, which asks ``members.subscriptions.request_standing`` (once per request).
"""

from urllib.parse import quote

from django.urls import reverse
from django.utils.functional import lazy

from .middleware import ACCOUNT_PREFIX


def login_url_for(path: str) -> str:
    """The log-in page, returning the reader to ``path`` afterwards (not to an account page)."""
    login = reverse("account_login")
    if not path or path.startswith(ACCOUNT_PREFIX):
        return login
    return f"{login}?next={quote(path, safe='/')}"


def membership(request):
    return {"login_url": lazy(login_url_for, str)(request.path)}
