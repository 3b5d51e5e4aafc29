"""RSS 2.0 feeds list public pieces only, with what a feed reader shows."""

import datetime
import re
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
    MemberFactory,
    SectionFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

DC = "{http://purl.org/dc/elements/1.1/}"


def items(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.findall("./channel/item")


def titles(response) -> list[str]:
    return [item.findtext("title") for item in items(response)]


@pytest.fixture
def unpublished():
    """A draft, a piece in review and a scheduled piece, each with a tag and a section."""
    section = SectionFactory(name="Diplomacy")
    future = timezone.now() + datetime.timedelta(days=2)
    hidden = [
        ArticleFactory(headline="Hidden draft", status=Article.Status.DRAFT, publish_at=None),
        ArticleFactory(headline="Hidden review", status=Article.Status.IN_REVIEW),
        ArticleFactory(headline="Hidden scheduled", publish_at=future),
    ]
    for article in hidden:
        article.section = section
        article.save()
        article.tags.add("Energy")
    return hidden


def test_latest_feed_lists_public_pieces_newest_first_and_nothing_else(client, unpublished):
    ArticleFactory(headline="Older", publish_at=timezone.now() - datetime.timedelta(days=2))
    ArticleFactory(headline="Newer")

    assert titles(client.get("/feeds/latest/")) == ["Newer", "Older"]


def test_a_feed_item_carries_link_dek_author_date_categories_and_enclosure(client):
    article = ArticleFactory(headline="The quiet channel", dek="Two leaders, one line.")
    article.lead_image.save("lead.jpg", image_file(size=(1600, 900)), save=True)
    article.tags.add("Back channels")
    BylineFactory(article=article, author=AuthorFactory(byline="Martin Halloway"))

    [item] = items(client.get("/feeds/latest/"))

    assert item.findtext("link") == f"http://testserver{article.get_absolute_url()}"
    assert item.findtext("description") == "Two leaders, one line."
    assert item.findtext(f"{DC}creator") == "Martin Halloway"
    assert item.findtext("pubDate")
    assert [c.text for c in item.findall("category")] == ["Diplomacy", "Back channels"]
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    rendition = article.lead_image_large
    assert enclosure.get("url") == f"http://testserver{rendition.url}"
    assert int(enclosure.get("length")) == rendition.storage.size(rendition.name) > 0


def test_section_feed_lists_the_section_only(client, unpublished):
    europe = SectionFactory(name="Europe")
    ArticleFactory(headline="In Europe", section=europe)
    ArticleFactory(headline="In Diplomacy")

    assert titles(client.get("/feeds/sections/europe/")) == ["In Europe"]
    assert titles(client.get("/feeds/sections/diplomacy/")) == ["In Diplomacy"]


def test_tag_feed_lists_public_pieces_with_the_tag(client, unpublished):
    tagged = ArticleFactory(headline="Tagged")
    tagged.tags.add("Energy")
    ArticleFactory(headline="Untagged")

    assert titles(client.get("/feeds/tags/energy/")) == ["Tagged"]


def test_actor_feed_lists_public_pieces_linked_to_the_actor(client, unpublished):
    link = ArticleActorFactory(article__headline="About them", actor__name="Robert Fico")
    ArticleActorFactory(article=unpublished[2], actor=link.actor)
    ArticleFactory(headline="Not about them")

    response = client.get("/feeds/actors/robert-fico/")

    assert titles(response) == ["About them"]
    assert ET.fromstring(response.content).findtext("./channel/title").endswith("Robert Fico")


def test_author_feed_lists_the_public_pieces_under_the_byline(client, unpublished):
    author = AuthorFactory(byline="Nadia Koval", title="Diplomatic Correspondent")
    BylineFactory(article=ArticleFactory(headline="Signed by her"), author=author)
    for hidden in unpublished:
        BylineFactory(article=hidden, author=author)
    ArticleFactory(headline="Signed by nobody")

    response = client.get("/feeds/authors/nadia-koval/")

    assert titles(response) == ["Signed by her"]
    channel = ET.fromstring(response.content).find("./channel")
    assert channel.findtext("title") == "The Meridian Review: Nadia Koval"
    assert channel.findtext("link") == "http://testserver/authors/nadia-koval/"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/sections/nowhere/",
        "/feeds/tags/nothing/",
        "/feeds/actors/nobody/",
        "/feeds/authors/nobody/",
    ],
)
def test_a_feed_for_something_that_does_not_exist_is_404(client, url):
    assert client.get(url).status_code == 404


def test_feeds_never_carry_comment_text(client):
    if not apps.is_installed("comments"):
        pytest.skip("the comments app is not installed")
    Comment = apps.get_model("comments", "Comment")
    article = ArticleFactory(headline="Discussed piece")
    Comment.objects.create(article=article, member=MemberFactory(), body="SECRET-COMMENT-TEXT")

    for url in ["/feeds/latest/", "/feeds/sections/diplomacy/"]:
        response = client.get(url)
        assert b"Discussed piece" in response.content
        assert b"SECRET-COMMENT-TEXT" not in response.content


def test_every_page_advertises_the_latest_feed_and_its_own(client):
    link = ArticleActorFactory(actor__name="Robert Fico")
    link.article.tags.add("Energy")
    BylineFactory(article=link.article, author=AuthorFactory(byline="Tomasz Ferenc"))
    latest = '<link rel="alternate" type="application/rss+xml"'

    pages = {
        "/": None,
        link.article.get_absolute_url(): None,
        "/sections/diplomacy/": "/feeds/sections/diplomacy/",
        "/tags/energy/": "/feeds/tags/energy/",
        "/actors/robert-fico/": "/feeds/actors/robert-fico/",
        "/authors/tomasz-ferenc/": "/feeds/authors/tomasz-ferenc/",
        "/search/?q=fico": None,
    }
    for url, own in pages.items():
        text = client.get(url).text
        assert f'{latest} title="The Meridian Review: latest" href="/feeds/latest/">' in text, url
        if own:
            assert f'href="{own}"' in text, url


@pytest.mark.parametrize(
    "page, feed, name",
    [
        ("/sections/diplomacy/", "/feeds/sections/diplomacy/", "Diplomacy"),
        ("/tags/energy/", "/feeds/tags/energy/", "Energy"),
        ("/actors/robert-fico/", "/feeds/actors/robert-fico/", "Robert Fico"),
        ("/authors/tomasz-ferenc/", "/feeds/authors/tomasz-ferenc/", "Tomasz Ferenc"),
    ],
)
def test_lists_show_a_visible_link_to_their_feed(client, page, feed, name):
    link = ArticleActorFactory(actor__name="Robert Fico")
    link.article.tags.add("Energy")
    BylineFactory(article=link.article, author=AuthorFactory(byline="Tomasz Ferenc"))

    main = client.get(page).text.split('<main id="main">', 1)[1]

    visible = re.search(rf'<a href="{feed}" type="application/rss\+xml">(.*?)</a>', main)
    assert visible, page
    assert "RSS feed" in visible.group(1) and f"of {name}" in visible.group(1)
