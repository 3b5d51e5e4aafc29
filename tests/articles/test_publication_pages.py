"""The publication's own pages (about, masthead, contact, policies): written by editors in
the newsroom, linked from every page's footer once published."""

import re

import pytest

from articles.models import Page
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def footer(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


def footer_links(html: str) -> list[str]:
    nav = footer(html).split('aria-label="The publication">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', nav)


@pytest.fixture
def pages():
    return [
        Page.objects.create(
            title="Privacy", body="<p>What we keep.</p>", position=5, published=True
        ),
        Page.objects.create(
            title="About us", body="<p>Who we are.</p>", position=1, published=True
        ),
        Page.objects.create(title="Careers", body="<p>Not yet.</p>", position=2),
    ]


def test_a_published_page_reads_at_its_address(client, pages):
    response = client.get("/pages/about-us/")

    assert response.status_code == 200
    assert "<h1" in response.text and "About us</h1>" in response.text
    assert "<p>Who we are.</p>" in response.text


def test_a_page_not_yet_published_is_not_found(client, pages):
    assert client.get("/pages/careers/").status_code == 404


def test_every_page_links_the_published_pages_in_the_footer_in_their_order(client, pages):
    article = ArticleFactory()
    for url in ["/", article.get_absolute_url(), "/pages/privacy/", "/no-such-page/"]:
        assert footer_links(client.get(url).text) == ["About us", "Privacy"], url


def test_an_edited_page_shows_in_every_cached_footer_at_once(client, pages, settings):
    settings.PAGE_CACHE = True
    client.get("/")
    assert client.get("/")["X-Reader-Cache"] == "hit"

    pages[1].title = "About the Review"
    pages[1].save()

    assert footer_links(client.get("/").text) == ["About the Review", "Privacy"]


def test_a_page_body_keeps_only_what_the_editor_can_make(client):
    Page.objects.create(
        title="Contact",
        body='<p onclick="x()">Write to us.</p><script>alert(1)</script>',
        published=True,
    )

    html = client.get("/pages/contact/").text

    assert "<p>Write to us.</p>" in html
    assert "alert(1)" not in html and "onclick" not in html


def test_editors_write_the_pages_in_the_newsroom_and_writers_do_not(client, editor, writer):
    client.force_login(editor)
    response = client.post(
        "/admin/articles/page/add/",
        {
            "title": "Corrections policy",
            "slug": "corrections",
            "summary": "How we correct mistakes.",
            "body": "<p>We correct errors of fact promptly.</p>",
            "position": 4,
            "published": "on",
        },
    )
    assert response.status_code == 302, response.content
    assert "We correct errors of fact" in client.get("/pages/corrections/").text

    client.force_login(writer)
    assert client.get("/admin/articles/page/add/").status_code == 403
    assert client.get("/admin/articles/page/").status_code == 403
