"""A search that names an actor, by name or any alias, finds the pieces about that actor:
those linked to it and those that name it otherwise, public ones only, on PostgreSQL and
on SQLite."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from articles.models import Article, ArticleActor
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
)

pytestmark = pytest.mark.django_db


def headlines(response) -> list[str]:
    found = re.findall(
        r'<h3 class="search-result__headline"><a [^>]*>(.*?)</a></h3>', response.text
    )
    return [html.unescape(re.sub(r"</?mark>", "", h)) for h in found]


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


@pytest.fixture
def zelensky():
    actor = ActorFactory(name="Volodymyr Zelensky", title="President of Ukraine")
    ActorAliasFactory(actor=actor, name="Zelenskyy")
    ActorAliasFactory(actor=actor, name="Volodymyr Zelenskyy")
    return actor


def test_an_alias_finds_a_piece_that_names_the_actor_by_another_name(client, zelensky):
    ArticleFactory(headline="Kyiv's winter", body="<p>Zelensky spoke to the Rada.</p>")
    ArticleFactory(headline="Ports reopen", body="<p>Grain ships left Odesa.</p>")

    response = client.get("/search/", {"q": "Zelenskyy"})

    assert zelensky.get_absolute_url() in response.text
    assert headlines(response) == ["Kyiv's winter"]


def test_a_piece_linked_to_the_actor_is_found_without_naming_it(client, zelensky):
    linked = ArticleFactory(headline="The wartime presidency", body="<p>Nothing named.</p>")
    ArticleActorFactory(article=linked, actor=zelensky)
    ArticleFactory(headline="Unrelated", body="<p>Nothing named either.</p>")

    assert headlines(client.get("/search/", {"q": "zelenskyy"})) == ["The wartime presidency"]


def test_the_name_itself_accents_and_case_aside_finds_pieces_naming_an_alias(client):
    orban = ActorFactory(name="Viktor Orbán")
    ActorAliasFactory(actor=orban, name="Hungarian PM")
    ArticleFactory(headline="Budapest's line", body="<p>The Hungarian PM vetoed it.</p>")

    assert headlines(client.get("/search/", {"q": "VIKTOR ORBAN"})) == ["Budapest's line"]


def test_a_multiword_alias_is_matched_as_a_whole_not_word_by_word(client):
    fico = ActorFactory(name="Robert Fico")
    ActorAliasFactory(actor=fico, name="Slovak PM")
    ArticleFactory(headline="Bratislava talks", body="<p>Robert Fico met the envoy.</p>")
    ArticleFactory(headline="Slovak roads", body="<p>Motorways and tolls.</p>")

    assert headlines(client.get("/search/", {"q": "slovak pm"})) == ["Bratislava talks"]


def test_a_persons_surname_names_them(client):
    kissinger = ActorFactory(name="Henry Kissinger")
    piece = ArticleFactory(headline="Back channels", body="<p>The adviser flew to Beijing.</p>")
    ArticleActorFactory(article=piece, actor=kissinger)

    assert headlines(client.get("/search/", {"q": "kissinger"})) == ["Back channels"]


def test_a_word_inside_an_organisations_name_does_not_bring_its_pieces(client):
    eu = ActorFactory(name="European Union", kind="organisation")
    piece = ArticleFactory(headline="Brussels summit", body="<p>Leaders met.</p>")
    ArticleActorFactory(article=piece, actor=eu)

    assert headlines(client.get("/search/", {"q": "union"})) == []


def test_text_matches_rank_above_pieces_found_through_the_actor(client, zelensky):
    mention = ArticleFactory(
        headline="Linked only", body="<p>No name here.</p>", publish_at=days_ago(1)
    )
    ArticleActorFactory(article=mention, actor=zelensky)
    ArticleFactory(headline="Zelenskyy in Washington", publish_at=days_ago(30))
    ArticleFactory(
        headline="About the president", body="<p>Zelenskyy said so.</p>", publish_at=days_ago(20)
    )
    main = ArticleFactory(headline="Profile", body="<p>Nothing.</p>", publish_at=days_ago(2))
    ArticleActorFactory(article=main, actor=zelensky, role=ArticleActor.Role.MAIN)

    found = headlines(client.get("/search/", {"q": "zelenskyy"}))

    assert found[0] == "Zelenskyy in Washington"
    assert found.index("Profile") < found.index("Linked only")
    assert set(found) == {
        "Zelenskyy in Washington",
        "About the president",
        "Profile",
        "Linked only",
    }


def test_only_public_pieces_are_found_through_an_actor(client, zelensky):
    draft = ArticleFactory(headline="Draft", status=Article.Status.DRAFT, publish_at=None)
    scheduled = ArticleFactory(headline="Scheduled", publish_at=days_ago(-1))
    for piece in (draft, scheduled):
        ArticleActorFactory(article=piece, actor=zelensky)
    ArticleFactory(headline="Draft naming him", body="<p>Zelensky.</p>", status="draft")

    assert headlines(client.get("/search/", {"q": "zelenskyy"})) == []


def test_a_new_link_is_found_at_once(client, zelensky):
    piece = ArticleFactory(headline="Later linked", body="<p>Nothing named.</p>")
    assert headlines(client.get("/search/", {"q": "zelenskyy"})) == []

    ArticleActorFactory(article=piece, actor=zelensky)

    assert headlines(client.get("/search/", {"q": "zelenskyy"})) == ["Later linked"]
