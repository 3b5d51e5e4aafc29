"""A search that finds nothing or little offers the closest spelling the newsroom knows
("Did you mean …"), on PostgreSQL (trigram similarity) and on SQLite (a cached vocabulary)."""

import re

import pytest
from django.utils.http import urlencode

from articles.search.suggestions import suggestion
from tests.factories import ActorAliasFactory, ActorFactory, ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def offered(response) -> str | None:
    found = re.search(r'Did you mean <a href="([^"]*)"[^>]*>([^<]*)</a>', response.text)
    return found.group(2) if found else None


@pytest.fixture
def newsroom():
    ActorFactory(name="Henry Kissinger", title="National Security Adviser")
    orban = ActorFactory(name="Viktor Orbán")
    ActorAliasFactory(actor=orban, name="Hungarian PM")
    ArticleFactory(headline="Back channels", body="<p>Kissinger flew to Beijing.</p>")
    ArticleFactory(headline="Budapest's veto", body="<p>Viktor Orbán said no.</p>")


def test_a_misspelt_name_offers_the_closest_actor(client, newsroom):
    response = client.get("/search/", {"q": "kissinjer"})

    assert offered(response) == "Kissinger"


def test_the_suggestion_links_to_the_corrected_search_which_finds_the_piece(client, newsroom):
    response = client.get("/search/", {"q": "orbn"})
    link = re.search(r'Did you mean <a href="([^"]*)"', response.text).group(1)

    assert link == "?" + urlencode({"q": "Orbán"})
    corrected = client.get("/search/" + link.replace("&amp;", "&"))
    assert "Budapest&#x27;s veto" in corrected.text or "Budapest's veto" in corrected.text


def test_only_the_misspelt_word_of_several_is_replaced_and_filters_are_kept(client, newsroom):
    section = SectionFactory(name="Diplomacy")
    response = client.get("/search/", {"q": "Viktor Orbn", "section": section.slug})

    assert offered(response) == "Viktor Orbán"
    assert f"section={section.slug}" in re.search(
        r'Did you mean <a href="([^"]*)"', response.text
    ).group(1)


def test_section_and_tag_names_are_known_words_too(client, newsroom):
    ArticleFactory(headline="Grain", tags=["sanctions"])
    SectionFactory(name="Security")

    assert suggestion("sanctoins") == "sanctions"
    assert suggestion("securty") == "Security"


def test_a_tag_carried_only_by_a_draft_is_never_suggested(client, newsroom):
    ArticleFactory(headline="Secret", status="draft", publish_at=None, tags=["embargoed"])

    assert suggestion("embargoes") is None


def test_a_search_that_finds_a_piece_offers_nothing(client, newsroom):
    ArticleFactory(headline="Kissinjer, a typo in print")

    assert offered(client.get("/search/", {"q": "kissinjer"})) is None


def test_a_correctly_spelt_query_that_finds_nothing_offers_nothing(client, newsroom):
    assert offered(client.get("/search/", {"q": "kissinger tariffs"})) is None
    assert suggestion("Kissinger") is None


def test_a_word_nothing_resembles_is_left_alone(client, newsroom):
    assert offered(client.get("/search/", {"q": "xylophone"})) is None


def test_a_new_actor_is_known_at_once(client, newsroom):
    assert suggestion("zelenskiy") is None

    ActorFactory(name="Volodymyr Zelensky")

    assert suggestion("zelenskiy") == "Zelensky"


def test_what_the_reader_typed_around_the_correction_is_escaped(client, newsroom):
    response = client.get("/search/", {"q": "<i>x</i> kissinjer"})

    assert "Did you mean" in response.text
    assert "<i>x</i>" not in response.text
    assert "&lt;i&gt;x&lt;/i&gt; Kissinger" in response.text
