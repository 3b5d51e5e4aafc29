"""The Content-Security-Policy, with the one exception the newsroom admin needs.

Every response carries the policy of ``settings.CONTENT_SECURITY_POLICY`` (django-csp):
scripts only from our own origin, no inline script, no ``eval``. Reading pages are the
same for every anonymous reader and cached whole, so the policy holds no nonce.

The admin's rich-text editor (django-prose-editor) tells the browser where its modules are
with an inline ``<script type="importmap">``. On admin pages (never cached) the policy lets
exactly that import map run, by the SHA-256 of its text, computed from the page as sent.
An import map only maps module names to addresses; those addresses must be our own static
files for it to be allowed, and ``script-src 'self'`` still decides what may load.

Every page refuses to be framed (``X-Frame-Options: DENY``, ``frame-ancestors 'none'``) but
the views marked with ``framed_by_our_own_pages``: the newsroom's preview, shown inside its
own phone-sized frame, may be framed by a page of our own origin and by no other.

The same editor adds its base stylesheet from JavaScript (a ``<style>`` element), so admin
pages allow inline styles; scripts stay as strict there as everywhere. Public pages allow
styles from our stylesheet only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from csp.decorators import csp_replace
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin

_IMPORT_MAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.S)


def _only_our_static_files(text: bytes) -> bool:
    try:
        data = json.loads(text)
    except ValueError:
        return False
    addresses = list(data.get("imports", {}).values())
    for scope in data.get("scopes", {}).values():
        addresses += list(scope.values())
    return all(
        isinstance(address, str) and address.startswith(settings.STATIC_URL)
        for address in addresses
    )


def framed_by_our_own_pages(view):
    """Let pages of our own origin, and only those, show ``view`` in a frame: both the
    ``X-Frame-Options`` header and the policy's ``frame-ancestors`` say so."""
    return xframe_options_sameorigin(csp_replace({"frame-ancestors": ["'self'"]})(view))


def is_admin(request) -> bool:
    return request.path.startswith(reverse("admin:index"))


def import_map_hashes(request, response) -> list[str]:
    """CSP hash sources for the import maps of an admin page."""
    if response.streaming or "text/html" not in response.get("Content-Type", ""):
        return []
    hashes = []
    for match in _IMPORT_MAP.finditer(response.content):
        text = match.group(1)
        if _only_our_static_files(text):
            digest = base64.b64encode(hashlib.sha256(text).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return hashes


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not is_admin(request):
            return parts
        update = dict(parts.update or {})
        update["style-src"] = [*update.get("style-src", ()), "'unsafe-inline'"]
        hashes = import_map_hashes(request, response)
        if hashes:
            update["script-src"] = [*update.get("script-src", ()), *hashes]
        parts.update = update
        return parts
