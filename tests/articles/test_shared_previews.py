"""A shareable preview link: someone without an account reads one unpublished piece (or a
live piece's pending changes) for seven days, until the link is revoked."""

import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from articles import previews
from articles.models import Article
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MINUTE = timedelta(minutes=1)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def draft(db):
    return ArticleFactory(
        headline="The unannounced summit",
        status=Article.Status.DRAFT,
        publish_at=None,
        body="<p>A draft only the fact-checker should read.</p>",
    )


@pytest.fixture
def desk(client, editor):
    client.force_login(editor)
    return client


def share(desk, article) -> str:
    response = desk.post(
        reverse("admin:articles_article_share_preview", args=[article.pk]), follow=True
    )
    text = " ".join(str(message) for message in response.context["messages"])
    match = re.search(r"http://testserver(/preview/\S+/)", text)
    assert match, text
    return match.group(1)


def test_an_editor_shares_a_draft_with_someone_without_an_account(desk, draft):
    link = share(desk, draft)
    response = Client().get(link)
    assert response.status_code == 200
    assert "The unannounced summit" in response.text
    assert "A draft only the fact-checker should read." in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Reader-Cache" not in response


def test_the_link_shows_a_live_piece_s_pending_changes(desk):
    live = ArticleFactory(headline="Live wording")
    desk.post(change_url(live), article_form(live, headline="Pending wording"))
    link = share(desk, live)
    page = Client().get(link).text
    assert "Pending wording" in page and "Live wording" not in page
    assert "Live wording" in Client().get(live.get_absolute_url()).text


def test_the_link_expires_after_seven_days(desk, draft, monkeypatch):
    link = share(desk, draft)
    made = time.time()
    # The signature's timestamp is read from the system clock.
    monkeypatch.setattr(time, "time", lambda: made + (previews.LIFETIME - MINUTE).total_seconds())
    assert Client().get(link).status_code == 200
    monkeypatch.setattr(time, "time", lambda: made + (previews.LIFETIME + MINUTE).total_seconds())
    response = Client().get(link)
    assert response.status_code == 403
    assert "The unannounced summit" not in response.text


def test_a_revoked_link_opens_nothing(desk, draft):
    link = share(desk, draft)
    desk.post(reverse("admin:articles_article_share_preview", args=[draft.pk]), {"revoke": "1"})
    assert Client().get(link).status_code == 404


def test_a_new_link_replaces_the_old_one(desk, draft):
    old = share(desk, draft)
    new = share(desk, draft)
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200


def test_a_tampered_link_opens_nothing_and_never_another_draft(desk, draft):
    other = ArticleFactory(
        headline="Another secret draft", status=Article.Status.DRAFT, publish_at=None
    )
    share(desk, other)  # the other piece has a link of its own, with its own key
    link = share(desk, draft)
    token = link.split("/")[2]
    for forged in (token[:-1] + ("A" if token[-1] != "A" else "B"), token.replace(":", ""), "x"):
        response = Client().get(f"/preview/{forged}/")
        assert response.status_code == 404
        assert "Another secret draft" not in response.text
    # Signed for another use of the site's secret: not a preview link.
    forged = signing.dumps({"a": draft.pk, "k": draft.shared_preview.key}, salt="elsewhere")
    assert Client().get(f"/preview/{forged}/").status_code == 404
    # Even correctly signed, one piece's key never opens another piece.
    forged = signing.dumps({"a": other.pk, "k": draft.shared_preview.key}, salt=previews.SALT)
    response = Client().get(f"/preview/{forged}/")
    assert response.status_code == 404 and "Another secret draft" not in response.text


def test_writers_cannot_make_share_links(client, writer, draft):
    client.force_login(writer)
    response = client.post(reverse("admin:articles_article_share_preview", args=[draft.pk]))
    assert response.status_code == 403
    assert not Article.objects.filter(shared_preview__isnull=False).exists()


def test_the_change_form_offers_the_link_and_says_until_when_it_works(desk, draft):
    page = desk.get(change_url(draft)).text
    assert "Make a shareable preview link" in page
    share(desk, draft)
    page = desk.get(change_url(draft)).text
    assert "A shareable preview link is open until" in page and "Revoke the link" in page
