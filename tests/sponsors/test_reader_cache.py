"""Stored anonymous pages follow the appeal and the placements: saving one shows on the next
request, a start or an end is never outlived, and every anonymous reader gets the same page."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tests.factories import (
    AppealFactory,
    ArticleFactory,
    AuthorFactory,
    PlacementFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.fixture
def article():
    return ArticleFactory(headline="The quiet channel")


def test_pages_with_an_appeal_and_sponsors_are_stored_and_the_same_for_everyone(article):
    AppealFactory()
    PlacementFactory()
    first = get(Client(), article.get_absolute_url())
    assert first["X-Reader-Cache"] == "miss"
    assert not first.cookies and "csrfmiddlewaretoken" not in first.text
    # Drawn again for a different anonymous reader (a stray cookie, another browser): the
    # same page, so storing the first one served nobody anything meant for someone else.
    cache.clear()
    other = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) Safari/604.1")
    other.cookies["csrftoken"] = "a" * 32
    redrawn = get(other, article.get_absolute_url())
    assert redrawn["X-Reader-Cache"] == "miss"
    assert redrawn.content == first.content
    assert get(Client(), article.get_absolute_url())["X-Reader-Cache"] == "hit"


def test_a_new_placement_shows_on_the_next_anonymous_request(client, article):
    get(client, article.get_absolute_url())
    PlacementFactory(headline="Fresh offer")
    assert "Fresh offer" in get(client, article.get_absolute_url()).text


def test_an_edited_placement_and_sponsor_show_on_the_next_request(client, article):
    placement = PlacementFactory(headline="Old offer", sponsor__name="Old name")
    get(client, article.get_absolute_url())
    placement.headline = "New offer"
    placement.save()
    assert "New offer" in get(client, article.get_absolute_url()).text
    placement.sponsor.name = "New name"
    placement.sponsor.save()
    assert "by New name" in get(client, article.get_absolute_url()).text


def test_a_placement_switched_off_or_deleted_leaves_the_page(client, article):
    placement = PlacementFactory(headline="Going away")
    other = PlacementFactory(headline="Also going")
    get(client, article.get_absolute_url())
    placement.active = False
    placement.save()
    assert "Going away" not in get(client, article.get_absolute_url()).text
    other.delete()
    assert 'class="sponsored"' not in get(client, article.get_absolute_url()).text


def test_changing_a_placements_sections_shows_on_the_next_request(client):
    security, economy = SectionFactory(name="Security"), SectionFactory(name="Economy")
    article = ArticleFactory(section=economy)
    placement = PlacementFactory(headline="Everywhere for now")
    assert "Everywhere for now" in get(client, article.get_absolute_url()).text
    placement.sections.add(security)
    assert "Everywhere for now" not in get(client, article.get_absolute_url()).text


def test_a_new_or_edited_appeal_shows_on_the_next_request(client, article):
    get(client, article.get_absolute_url())
    appeal = AppealFactory(heading="First heading")
    assert "First heading" in get(client, article.get_absolute_url()).text
    appeal.heading = "Second heading"
    appeal.save()
    assert "Second heading" in get(client, article.get_absolute_url()).text


def test_the_signing_authors_new_title_shows_on_the_next_request(client, article):
    author = AuthorFactory(byline="Martin Halloway", title="Editor")
    AppealFactory(signed_by=author)
    get(client, article.get_absolute_url())
    author.title = "Editor-in-Chief and Publisher"
    author.save()
    assert "Editor-in-Chief and Publisher" in get(client, article.get_absolute_url()).text


def test_a_placement_change_leaves_pages_without_placements_cached(client):
    get(client, "/actors/")
    PlacementFactory()
    assert get(client, "/actors/")["X-Reader-Cache"] == "hit"


def test_a_stored_page_is_not_kept_past_the_end_of_a_placement_it_shows(
    client, article, clock, monkeypatch
):
    import time

    PlacementFactory(headline="Ends soon", ends_at=timezone.now() + datetime.timedelta(seconds=40))
    get(client, article.get_absolute_url())
    assert get(client, article.get_absolute_url())["X-Reader-Cache"] == "hit"
    # Forty-one seconds later, for the cache as for the site (the page cache keeps pages for
    # 300 seconds otherwise).
    later = time.time() + 41
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: later)
    monkeypatch.setattr("django.core.cache.backends.base.time.time", lambda: later)
    clock.advance(seconds=41)
    response = get(client, article.get_absolute_url())
    assert response["X-Reader-Cache"] == "miss"
    assert "Ends soon" not in response.text
