"""Pages that belong to one reader are never stored by a shared cache.

Reading pages served to anonymous visitors may be cached whole (DESIGN §9). Any page
served to a logged-in member can carry what is theirs alone (their name, their comments
view, a CSRF token), and every account page (``/accounts/…``) sets the cookies it needs:
those responses are marked private and not to be stored, whatever the view said. Media
files are the same for everyone and keep their own caching.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

ACCOUNT_PREFIX = "/accounts/"


def is_private_request(request) -> bool:
    if request.path.startswith(ACCOUNT_PREFIX):
        return True
    if request.path.startswith(settings.MEDIA_URL):
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_private_request(request):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
