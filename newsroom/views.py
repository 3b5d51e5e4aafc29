"""Project-level views: the newsroom's desk, the health check, the favicon, robots.txt, local
media and the error pages."""

from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.db import connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.static import serve

from web.desk import blocks_for
from web.outages import current_exception_is_outage, service_unavailable
from web.referer import same_site_referer
from web.request_id import current_request_id


def desk(request):
    """The admin's first page: the blocks each app gives this member (``web.desk``) above
    the list of everything they may open."""
    return admin.site.index(request, extra_context={"desk_blocks": blocks_for(request)})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        return False


@never_cache
def healthz(request):
    """200 when the database and the cache answer; 503 naming the part that does not."""
    parts = {
        "database": "ok" if _database_ok() else "unavailable",
        "cache": "ok" if _cache_ok() else "unavailable",
    }
    healthy = all(state == "ok" for state in parts.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **parts}, status=200 if healthy else 503
    )


def robots_txt(request):
    """Crawlers: everything public, not the newsroom, accounts or search; where the sitemaps are."""
    sitemaps = [reverse("sitemap"), reverse("news-sitemap")]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        f"Disallow: {reverse('articles:search')}",
        # Counted routes: a crawler following them would only be discounted.
        "Disallow: /sponsors/",
        "Disallow: /appeals/",
        "",
        *(f"Sitemap: {request.build_absolute_uri(url)}" for url in sitemaps),
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the real one."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def media(request, path):
    """Media from the local folder, when no object storage is configured. A stored file's
    name never changes meaning (uploads get a new name, renditions are named after their
    source and spec), so browsers keep it as long as the bucket's objects
    (AWS_S3_OBJECT_PARAMETERS): a year, immutable; uploads are named with a random token,
    so an unpublished piece's image cannot be guessed."""
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:
        # A name the disk cannot hold (too long) or read names no file we stored.
        raise Http404 from None
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


# --- Error pages --------------------------------------------------------------------------


def server_error(request):
    """handler500: our apology with the request id, never a traceback.

    Called while Django handles the exception: one that says the database is unreachable
    (raised outside a view, where ``DatabaseOutageMiddleware`` cannot see it) gets the 503.
    Drawn from the template alone, as the fault may lie in anything a page uses.
    """
    if current_exception_is_outage():
        return service_unavailable(request)
    content = loader.get_template("500.html").render({"request_id": current_request_id()})
    return HttpResponseServerError(content)


# The field whose text would hurt to lose: a comment's or an article's body.
KEPT_FIELD = "body"


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: what happened, the way back to the form, and the text typed."""
    context = {
        "missing_cookie": reason == REASON_NO_CSRF_COOKIE,
        "back_url": same_site_referer(request),
        "typed": request.POST.get(KEPT_FIELD, "") if request.method == "POST" else "",
    }
    response = render(request, "403_csrf.html", context, status=403)
    response["Cache-Control"] = "no-store"
    return response
