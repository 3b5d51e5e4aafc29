"""Our own pages for what goes wrong: a refused form (CSRF), too many requests, the
database away, a fault on our side — each says what happened and the way back."""

import json
import subprocess

import pytest
from django.db import OperationalError, connection
from django.test import Client

from tests.factories import ArticleFactory, MemberFactory, SubscriptionFactory

from .test_html_validity import JAVA, VNU_JAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def comment_without_a_valid_token(client, article, **extra):
    return client.post(
        f"/comments/articles/{article.slug}/",
        {"body": "A long and careful remark I would hate to lose.", "csrfmiddlewaretoken": "x"},
        **extra,
    )


def test_an_expired_form_gets_our_page_with_the_text_and_the_way_back(strict_client):
    article = ArticleFactory()
    member = MemberFactory()
    SubscriptionFactory(member=member)
    strict_client.force_login(member)
    strict_client.get(article.get_absolute_url())  # sets the CSRF cookie
    response = comment_without_a_valid_token(
        strict_client,
        article,
        headers={"Referer": f"http://testserver{article.get_absolute_url()}"},
    )
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Your form was not sent" in html
    assert "The form had expired" in html
    assert "A long and careful remark I would hate to lose." in html
    assert f'href="http://testserver{article.get_absolute_url()}"' in html
    assert 'class="masthead' in html


def test_a_browser_without_cookies_is_told_to_allow_them(strict_client):
    article = ArticleFactory()
    response = comment_without_a_valid_token(strict_client, article)
    assert response.status_code == 403
    assert "Please allow cookies for this site" in response.content.decode()


def test_the_way_back_never_leads_to_another_site(strict_client):
    article = ArticleFactory()
    response = comment_without_a_valid_token(
        strict_client, article, headers={"Referer": "https://evil.example/phish"}
    )
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()


def error_pages(client, settings, monkeypatch):
    """The HTML of each of our error pages, as served."""
    from articles.views import HomeView

    settings.RATE_LIMITS = {"search": "1/m/address"}
    client.get("/search/")
    pages = {"429": client.get("/search/")}
    pages["403"] = comment_without_a_valid_token(Client(enforce_csrf_checks=True), ArticleFactory())

    def refuse(*args):
        raise OperationalError("the database is away")

    with connection.execute_wrapper(refuse):
        pages["503"] = client.get("/")

    def explode(self, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomeView, "get_context_data", explode)
    client.raise_request_exception = False
    pages["500"] = client.get("/")
    return pages


def test_each_error_page_answers_with_its_status(client, settings, monkeypatch):
    pages = error_pages(client, settings, monkeypatch)
    assert {status: r.status_code for status, r in pages.items()} == {
        "429": 429,
        "403": 403,
        "503": 503,
        "500": 500,
    }
    assert pages["500"]["X-Request-ID"] in pages["500"].content.decode()
    assert pages["503"]["X-Request-ID"] in pages["503"].content.decode()


@pytest.mark.skipif(not (VNU_JAR.exists() and JAVA), reason="the HTML checker is missing")
def test_error_pages_are_valid_html(client, settings, monkeypatch, tmp_path):
    files = {}
    for status, response in error_pages(client, settings, monkeypatch).items():
        path = tmp_path / f"{status}.html"
        path.write_bytes(response.content)
        files[str(path)] = status
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'))}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
