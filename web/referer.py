"""Where a reader came from, when it is this site: the way back offered by refusal pages."""

from django.utils.http import url_has_allowed_host_and_scheme


def same_site_referer(request) -> str:
    """The page the reader came from, when it is on this site; else an empty string."""
    referer = request.headers.get("Referer", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if allowed else ""
