"""Saving a piece suggests the actors its text names; editors keep or dismiss suggestions, and
links made by hand are never touched. The index of names follows actors and aliases."""

import pytest

from actors.mention_index import INDEX_TAG, current_index
from actors.mentions import find_mentions
from articles.linking import dismiss_actors, suggest_actors
from articles.models import ArticleActor, DismissedActor
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    SourceFactory,
)
from web import reader_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def orban(db):
    actor = ActorFactory(name="Viktor Orbán", kind="person")
    ActorAliasFactory(actor=actor, name="Orbán")
    return actor


@pytest.fixture
def hungary(db):
    actor = ActorFactory(name="Hungary", kind="state")
    ActorAliasFactory(actor=actor, name="Budapest")
    return actor


def links(article) -> dict[str, tuple]:
    return {
        link.actor.name: (link.role, link.found_automatically, link.mentions)
        for link in article.actor_links.select_related("actor")
    }


def test_the_index_is_built_once_and_then_reused(orban, django_assert_num_queries):
    first = current_index()
    with django_assert_num_queries(0):
        assert current_index() is first


def test_the_index_is_rebuilt_when_an_alias_is_added(orban):
    before = current_index()
    assert find_mentions("the Hungarian leader spoke", before).actors == ()
    ActorAliasFactory(actor=orban, name="the Hungarian leader")
    after = current_index()
    assert [m.actor.id for m in find_mentions("the Hungarian leader spoke", after).actors] == [
        orban.pk
    ]


def test_a_change_noted_by_another_process_makes_this_one_rebuild(orban):
    before = current_index()
    reader_cache.invalidate(INDEX_TAG)  # as another process does when names change
    assert current_index() is not before
    assert current_index().version == reader_cache.version(INDEX_TAG)


def test_a_source_named_after_a_place_does_not_name_the_place(hungary):
    SourceFactory(name="Budapest Memorandum")
    article = ArticleFactory(body="<p>The Budapest Memorandum was signed in Budapest.</p>")
    report = suggest_actors(article, "The Budapest Memorandum was signed in Budapest.")
    assert report.mentions == {hungary.pk: 1}


def test_suggestions_are_marked_found_automatically_with_their_mentions(orban, hungary):
    article = ArticleFactory()
    report = suggest_actors(article, "Orbán flew home to Budapest. Viktor Orbán was tired.")
    assert links(article) == {
        "Viktor Orbán": ("mentioned", True, 2),
        "Hungary": ("mentioned", True, 1),
    }
    assert [link.actor for link in report.added] == [orban, hungary]


def test_a_suggestion_follows_the_text(orban, hungary):
    article = ArticleFactory()
    suggest_actors(article, "Orbán in Budapest.")
    report = suggest_actors(article, "Orbán spoke. Orbán left; then Orbán returned.")
    assert links(article) == {"Viktor Orbán": ("mentioned", True, 3)}
    assert [link.actor for link in report.removed] == [hungary]


def test_links_made_by_hand_are_never_removed_or_changed(orban, hungary):
    article = ArticleFactory()
    ArticleActorFactory(article=article, actor=orban, role="main", position=4)
    suggest_actors(article, "Nothing about anyone.")
    suggest_actors(article, "Orbán spoke; Orbán left for Budapest.")
    assert links(article) == {
        "Viktor Orbán": ("main", False, 0),
        "Hungary": ("mentioned", True, 1),
    }


def test_a_dismissed_actor_is_not_suggested_again_for_that_piece(orban, hungary):
    article, other = ArticleFactory(), ArticleFactory()
    dismiss_actors(article, [hungary.pk])
    suggest_actors(article, "Orbán in Budapest.")
    suggest_actors(other, "Orbán in Budapest.")
    assert set(links(article)) == {"Viktor Orbán"}
    assert set(links(other)) == {"Viktor Orbán", "Hungary"}


def test_linking_a_dismissed_actor_by_hand_lifts_the_dismissal(orban):
    article = ArticleFactory()
    dismiss_actors(article, [orban.pk])
    ArticleActorFactory(article=article, actor=orban)
    suggest_actors(article, "Orbán.")
    assert not DismissedActor.objects.filter(article=article).exists()
    assert ArticleActor.objects.get(article=article).found_automatically is False


def test_an_ambiguous_name_is_reported_and_links_nobody():
    for name in ("John F. Kennedy", "Robert F. Kennedy"):
        ActorAliasFactory(actor=ActorFactory(name=name), name="Kennedy")
    article = ArticleFactory()
    report = suggest_actors(article, "Kennedy said it twice; Kennedy meant it.")
    assert links(article) == {}
    assert [(a.name, a.count) for a in report.ambiguous] == [("Kennedy", 2)]
