"""Sitemaps, the news sitemap and robots.txt: what crawlers are told, public pages only."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    MemberFactory,
    SectionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert "xml" in response["Content-Type"]
    return ET.fromstring(response.content)


def locations(response) -> list[str]:
    return [loc.text for loc in parse(response).iter(f"{SITEMAP}loc")]


def paths(response) -> set[str]:
    return {loc.removeprefix("http://testserver") for loc in locations(response)}


@pytest.fixture
def newsroom():
    """One public piece with everything linked, and a draft and a scheduled piece that link
    things nothing public links."""
    public = ArticleFactory(headline="Public piece", section=SectionFactory(name="Europe"))
    public.tags.add("Energy")
    BylineFactory(article=public, author=AuthorFactory(byline="Public Author"))
    ArticleActorFactory(article=public, actor__name="Public Actor")
    CitationFactory(article=public, source=SourceFactory(name="Public Source"))
    future = timezone.now() + datetime.timedelta(days=1)
    for hidden in [
        ArticleFactory(headline="Draft piece", status=Article.Status.DRAFT, publish_at=None),
        ArticleFactory(headline="Scheduled piece", publish_at=future),
    ]:
        hidden.tags.add(f"Secret {hidden.pk}")
        BylineFactory(article=hidden, author=AuthorFactory(byline=f"Hidden Author {hidden.pk}"))
        ArticleActorFactory(article=hidden, actor__name=f"Hidden Actor {hidden.pk}")
        CitationFactory(article=hidden, source=SourceFactory(name=f"Hidden Source {hidden.pk}"))
    return public


def test_sitemap_index_names_a_sitemap_for_each_kind_of_page(client, newsroom):
    assert sorted(paths(client.get("/sitemap.xml"))) == [
        "/sitemap-actors.xml",
        "/sitemap-articles.xml",
        "/sitemap-authors.xml",
        "/sitemap-sections.xml",
        "/sitemap-sources.xml",
        "/sitemap-tags.xml",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("articles", {"/articles/public-piece/"}),
        ("sections", {"/sections/diplomacy/", "/sections/europe/"}),
        ("actors", {"/actors/public-actor/"}),
        ("sources", {"/sources/public-source/"}),
        ("tags", {"/tags/energy/"}),
        ("authors", {"/authors/public-author/"}),
    ],
)
def test_each_sitemap_lists_only_pages_with_public_content(client, newsroom, name, expected):
    # The Diplomacy section comes from the hidden pieces' factory default: sections are
    # navigation, listed even when empty.
    assert paths(client.get(f"/sitemap-{name}.xml")) == expected


def test_article_sitemap_gives_the_last_modification_time(client, newsroom):
    root = parse(client.get("/sitemap-articles.xml"))

    [lastmod] = [e.text for e in root.iter(f"{SITEMAP}lastmod")]
    assert lastmod.startswith(newsroom.updated_at.date().isoformat())


def test_news_sitemap_lists_public_pieces_of_the_last_two_days(client, newsroom):
    ArticleFactory(headline="Last week", publish_at=timezone.now() - datetime.timedelta(days=7))

    root = parse(client.get("/news-sitemap.xml"))

    [url] = root.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc") == "http://testserver/articles/public-piece/"
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}title") == "Public piece"
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "The Meridian Review"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    published = datetime.datetime.fromisoformat(news.findtext(f"{NEWS}publication_date"))
    assert abs(published - newsroom.publish_at) < datetime.timedelta(seconds=1)


def test_news_sitemap_escapes_headlines(client):
    ArticleFactory(headline='Guns & butter <in> "Brussels"')

    root = parse(client.get("/news-sitemap.xml"))

    assert root.findtext(f".//{NEWS}title") == 'Guns & butter <in> "Brussels"'


def test_sitemaps_never_carry_comment_text(client, newsroom):
    if not apps.is_installed("comments"):
        pytest.skip("the comments app is not installed")
    Comment = apps.get_model("comments", "Comment")
    Comment.objects.create(article=newsroom, member=MemberFactory(), body="SECRET-COMMENT-TEXT")

    for url in ["/sitemap-articles.xml", "/news-sitemap.xml"]:
        assert b"SECRET-COMMENT-TEXT" not in client.get(url).content


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_private_places(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    for place in ["/admin/", "/accounts/", "/search/"]:
        assert f"Disallow: {place}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
