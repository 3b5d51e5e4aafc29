"""What templates need to know about the reader: whether they subscribe, and where to log in.

Both are lazy: a page that does not ask runs no query for them.
"""

from urllib.parse import quote

from django.urls import reverse
from django.utils.functional import SimpleLazyObject, lazy

from .middleware import ACCOUNT_PREFIX
from .subscriptions import is_subscriber


def login_url_for(path: str) -> str:
    """The log-in page, returning the reader to ``path`` afterwards (not to an account page)."""
    login = reverse("account_login")
    if not path or path.startswith(ACCOUNT_PREFIX):
        return login
    return f"{login}?next={quote(path, safe='/')}"


def membership(request):
    user = getattr(request, "user", None)
    return {
        "member_is_subscriber": SimpleLazyObject(lambda: is_subscriber(user)),
        "login_url": lazy(login_url_for, str)(request.path),
    }
