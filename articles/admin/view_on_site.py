"""The admin's "view on site" address, ``/admin/r/<content type>/<id>/``, without leaks.

Django's shortcut sends any staff member to an object's public address. An article's
address names its slug, so for a piece the public may not read yet (a draft, one in review,
a scheduled one) it answers only to those who may preview it, and sends them to the
preview; everyone else gets a 404, as the public page would give them. Objects whose
address is an article page (a comment) follow their article.
"""

from urllib.parse import urlsplit

from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from .. import workflow
from ..models import Article


def _article_at(address: str) -> Article | None:
    """The article whose page ``address`` is, if it is one."""
    try:
        match = resolve(urlsplit(address).path)
    except Resolver404:
        return None
    if match.view_name != "articles:detail":
        return None
    return Article.objects.filter(slug=match.kwargs.get("slug")).first()


def view_on_site(request, content_type_id, object_id):
    response = shortcut(request, content_type_id, object_id)
    article = _article_at(response["Location"])
    if article is None or article.is_public():
        return response
    if workflow.may_preview(request.user, article):
        return redirect("admin:articles_article_preview", article.pk)
    raise Http404
