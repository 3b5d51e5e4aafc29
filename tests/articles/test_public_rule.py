"""Only published pieces whose time has come reach the public, on every route."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    SectionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    """One live piece and three hidden ones sharing every section, tag, actor, source, author."""
    section = SectionFactory(name="Security")
    actor = ActorFactory(name="Viktor Orbán")
    source = SourceFactory(name="Reuters")
    author = AuthorFactory(byline="Ada Lovell")
    future = timezone.now() + datetime.timedelta(days=3)
    pieces = {
        "live": ArticleFactory(headline="Live piece on the summit", section=section),
        "draft": ArticleFactory(
            headline="Draft piece on the summit", section=section, status=Article.Status.DRAFT
        ),
        "review": ArticleFactory(
            headline="Piece waiting in review", section=section, status=Article.Status.IN_REVIEW
        ),
        "scheduled": ArticleFactory(
            headline="Piece scheduled for Friday", section=section, publish_at=future
        ),
    }
    for article in pieces.values():
        article.tags.add("diplomacy")
        ArticleActorFactory(article=article, actor=actor)
        CitationFactory(article=article, source=source)
        BylineFactory(article=article, author=author)
    pieces["scheduled"].featured = True
    pieces["scheduled"].save()
    return {
        "pieces": pieces,
        "section": section,
        "actor": actor,
        "source": source,
        "author": author,
    }


HIDDEN = ["draft", "review", "scheduled"]


def test_public_queryset_holds_only_the_live_piece(newsroom):
    assert list(Article.objects.public()) == [newsroom["pieces"]["live"]]


@pytest.mark.parametrize("state", HIDDEN)
def test_unpublished_article_page_answers_404(client, newsroom, state):
    article = newsroom["pieces"][state]
    assert client.get(article.get_absolute_url()).status_code == 404


def test_live_article_page_answers_200(client, newsroom):
    response = client.get(newsroom["pieces"]["live"].get_absolute_url())
    assert response.status_code == 200
    assert "Live piece on the summit" in response.text


def test_get_absolute_url_is_the_public_root_relative_address_even_for_drafts(newsroom):
    draft = newsroom["pieces"]["draft"]
    assert draft.get_absolute_url() == f"/articles/{draft.slug}/"


def list_pages(newsroom):
    return {
        "home": "/",
        "section": newsroom["section"].get_absolute_url(),
        "tag": "/tags/diplomacy/",
        "actor": newsroom["actor"].get_absolute_url(),
        "source": newsroom["source"].get_absolute_url(),
        "author": newsroom["author"].get_absolute_url(),
    }


@pytest.mark.parametrize("page", ["home", "section", "tag", "actor", "source", "author"])
def test_list_pages_show_the_live_piece_and_nothing_unpublished(client, newsroom, page):
    response = client.get(list_pages(newsroom)[page])
    assert response.status_code == 200
    assert "Live piece on the summit" in response.text
    for state in HIDDEN:
        hidden = newsroom["pieces"][state]
        assert hidden.headline not in response.text
        assert hidden.get_absolute_url() not in response.text


def test_actor_index_counts_only_public_coverage(client, newsroom):
    response = client.get("/actors/")
    actor = next(a for a in response.context["actors"] if a.pk == newsroom["actor"].pk)
    assert actor.coverage == 1
    assert "1 article" in response.text


def test_source_index_counts_only_public_citations(client, newsroom):
    response = client.get("/sources/")
    source = next(s for s in response.context["sources"] if s.pk == newsroom["source"].pk)
    assert source.cited == 1


def test_scheduled_piece_appears_once_its_time_comes(client, newsroom):
    scheduled = newsroom["pieces"]["scheduled"]
    scheduled.publish_at = timezone.now() - datetime.timedelta(seconds=1)
    scheduled.save()
    assert client.get(scheduled.get_absolute_url()).status_code == 200
    assert scheduled.headline in client.get("/").text


@pytest.mark.parametrize(
    "url",
    [
        "/articles/nope/",
        "/sections/nope/",
        "/tags/nope/",
        "/actors/nope/",
        "/sources/nope/",
        "/authors/nope/",
    ],
)
def test_unknown_slugs_answer_404_with_our_page(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "could not find" in response.text.lower()
