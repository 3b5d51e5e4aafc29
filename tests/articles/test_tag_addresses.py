"""Every tag has a page at /tags/<slug>/, whatever its name."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name,slug",
    [("Orbán", "orban"), ("🙂", "item"), ("<", "item"), ("日本語", "item"), ("graph", "graph")],
)
def test_a_tag_gets_an_ascii_slug_and_its_page_answers(client, name, slug):
    article = ArticleFactory(tags=[name])
    tag = article.tags.get()

    assert tag.slug == slug
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(f"/tags/{tag.slug}/").status_code == 200
    assert client.get(f"/feeds/tags/{tag.slug}/").status_code == 200


def test_two_tags_without_letters_get_different_slugs(client):
    article = ArticleFactory(tags=["🙂", "🙃"])

    assert sorted(article.tags.values_list("slug", flat=True)) == ["item", "item-2"]


def test_a_headline_with_control_characters_keeps_the_feeds_readable(client):
    import xml.etree.ElementTree as ET

    ArticleFactory(headline="Bell\x07 and escape\x1b in a headline", tags=["bells"])

    for url in ["/feeds/latest/", "/feeds/tags/bells/", "/news-sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Bell and escape in a headline" in ET.tostring(
            ET.fromstring(response.content), encoding="unicode"
        )


@pytest.mark.parametrize("status", ["draft", "in_review", "scheduled"])
@pytest.mark.parametrize("address", ["/tags/{}/", "/feeds/tags/{}/"])
def test_a_tag_used_only_on_unpublished_pieces_has_no_page_or_feed(client, status, address):
    import datetime

    from django.utils import timezone

    if status == "scheduled":
        article = ArticleFactory(
            tags=["Secret summit"], publish_at=timezone.now() + datetime.timedelta(days=2)
        )
    else:
        article = ArticleFactory(tags=["Secret summit"], status=status, publish_at=None)
    tag = article.tags.get()

    assert client.get(address.format(tag.slug)).status_code == 404


def test_a_tag_page_appears_once_a_public_piece_carries_the_tag(client):
    ArticleFactory(tags=["Secret summit"], status="draft", publish_at=None)
    ArticleFactory(tags=["Secret summit"])

    assert client.get("/tags/secret-summit/").status_code == 200
    assert client.get("/feeds/tags/secret-summit/").status_code == 200
