"""Related coverage under an article: shared main subjects first, then shared actors and
tags, then the newest; public pieces only; one query."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from articles.related import related_articles
from tests.factories import ActorFactory, ArticleActorFactory, ArticleFactory

pytestmark = pytest.mark.django_db


def days_ago(n: int):
    return timezone.now() - datetime.timedelta(days=n)


def piece(headline, age, main=(), mentioned=(), tags=(), **kwargs):
    article = ArticleFactory(headline=headline, publish_at=days_ago(age), **kwargs)
    for actor in main:
        ArticleActorFactory(article=article, actor=actor, role="main")
    for actor in mentioned:
        ArticleActorFactory(article=article, actor=actor, role="mentioned")
    if tags:
        article.tags.add(*tags)
    return article


@pytest.fixture
def actors():
    return {name: ActorFactory(name=name) for name in ["Orban", "Fico", "Putin", "Nato"]}


@pytest.fixture
def subject(actors):
    return piece(
        "The subject",
        0,
        main=[actors["Orban"], actors["Fico"]],
        mentioned=[actors["Putin"]],
        tags=["energy", "veto"],
    )


def loaded(article):
    return Article.objects.for_page().get(pk=article.pk)


def test_related_pieces_rank_by_shared_main_subjects_then_links_then_recency(subject, actors):
    piece("Both mains, old", 30, main=[actors["Orban"], actors["Fico"]])
    piece(
        "One main, many links",
        1,
        main=[actors["Orban"]],
        mentioned=[actors["Putin"]],
        tags=["energy", "veto"],
    )
    piece("One main, new", 2, main=[actors["Fico"]])
    piece("One main, older", 9, main=[actors["Orban"]])
    piece("Only mentions", 0, mentioned=[actors["Orban"], actors["Fico"], actors["Putin"]])

    related = related_articles(loaded(subject))

    assert [a.headline for a in related] == [
        "Both mains, old",
        "One main, many links",
        "One main, new",
        "One main, older",
    ]


def test_shared_tags_alone_make_a_piece_related(subject):
    piece("Same topic", 3, tags=["energy"])
    piece("Unrelated", 0, tags=["shipping"])

    assert [a.headline for a in related_articles(loaded(subject))] == ["Same topic"]


def test_drafts_scheduled_pieces_and_the_article_itself_are_never_related(subject, actors):
    piece("Draft", 1, main=[actors["Orban"]], status=Article.Status.DRAFT)
    ArticleActorFactory(
        article=ArticleFactory(
            headline="Scheduled", publish_at=timezone.now() + datetime.timedelta(days=1)
        ),
        actor=actors["Orban"],
        role="main",
    )

    assert related_articles(loaded(subject)) == []


def test_related_coverage_is_computed_in_one_query(subject, actors, django_assert_num_queries):
    for n in range(6):
        piece(f"Related {n}", n, main=[actors["Orban"]], tags=["energy"])
    article = loaded(subject)

    with django_assert_num_queries(1):
        related = related_articles(article)

    assert len(related) == 4


def test_the_article_page_shows_related_pieces(client, subject, actors):
    other = piece("Another on Orban", 2, main=[actors["Orban"]])

    response = client.get(subject.get_absolute_url())

    assert "Related coverage" in response.text
    assert other.get_absolute_url() in response.text


def test_a_piece_with_nothing_shared_shows_no_related_block(client):
    lonely = ArticleFactory(headline="Lonely")
    ArticleFactory(headline="Other")

    assert "Related coverage" not in client.get(lonely.get_absolute_url()).text


# The article page keeps its related list in the cache: every change it depends on shows on
# the very next request.


def test_an_edited_related_headline_shows_on_the_next_request(client, subject, actors):
    other = piece("Another on Orban", 2, main=[actors["Orban"]])
    assert "Another on Orban" in client.get(subject.get_absolute_url()).text

    other.headline = "Orban, revisited"
    other.save()

    page = client.get(subject.get_absolute_url()).text
    assert "Orban, revisited" in page
    assert "Another on Orban" not in page


def test_a_newly_published_piece_joins_the_related_list_on_the_next_request(
    client, subject, actors
):
    client.get(subject.get_absolute_url())
    draft = piece("Fresh on Fico", 1, main=[actors["Fico"]], status=Article.Status.DRAFT)
    assert draft.get_absolute_url() not in client.get(subject.get_absolute_url()).text

    draft.status = Article.Status.PUBLISHED
    draft.save()

    assert draft.get_absolute_url() in client.get(subject.get_absolute_url()).text


def test_an_unpublished_piece_leaves_the_related_list_on_the_next_request(client, subject, actors):
    other = piece("Another on Orban", 2, main=[actors["Orban"]])
    assert other.get_absolute_url() in client.get(subject.get_absolute_url()).text

    other.status = Article.Status.DRAFT
    other.save()

    assert other.get_absolute_url() not in client.get(subject.get_absolute_url()).text


def test_a_newly_linked_actor_changes_the_related_list_on_the_next_request(client, subject, actors):
    other = piece("On Nato alone", 2, main=[actors["Nato"]])
    assert other.get_absolute_url() not in client.get(subject.get_absolute_url()).text

    ArticleActorFactory(article=subject, actor=actors["Nato"], role="mentioned")

    assert other.get_absolute_url() in client.get(subject.get_absolute_url()).text
