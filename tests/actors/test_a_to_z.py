"""The actor index in A–Z order: people by surname, a letter index, sort names editors fix."""

import re

import pytest
from django.apps import apps

from actors.models import Actor
from actors.sort_names import index_letter, sort_name_for
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

PERSON, STATE = Actor.Kind.PERSON, Actor.Kind.STATE


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Viktor Orbán", "Orbán, Viktor"),
        ("John F. Kennedy", "Kennedy, John F."),
        ("Ursula von der Leyen", "Leyen, Ursula von der"),
        ("Charles de Gaulle", "Gaulle, Charles de"),
        ("Herman Van Rompuy", "Van Rompuy, Herman"),
        ("Martin Luther King Jr.", "King, Martin Luther, Jr."),
        ("Recep  Tayyip Erdoğan", "Erdoğan, Recep Tayyip"),
        ("Madonna", "Madonna"),
        ("Kennedy, John", "Kennedy, John"),
    ],
)
def test_a_person_sorts_by_surname(name, expected):
    assert sort_name_for(name, person=True) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("The Hague Group", "Hague Group"), ("United States", "United States"), ("The", "The")],
)
def test_states_and_organisations_sort_by_name_without_a_leading_the(name, expected):
    assert sort_name_for(name, person=False) == expected


@pytest.mark.parametrize(
    ("sort_name", "letter"),
    [("Orbán, Viktor", "O"), ("Ökumenischer Rat", "O"), ("Łukaszenka", "L"), ("élan", "E")]
    + [("42 Group", "#"), ("«Quote»", "Q"), ("Путин", "#")],
)
def test_accented_initials_file_under_their_base_letter(sort_name, letter):
    assert index_letter(sort_name) == letter


def test_a_new_actor_gets_its_sort_name_and_letter():
    actor = ActorFactory(name="Ursula von der Leyen", kind=PERSON)

    actor.refresh_from_db()
    assert (actor.sort_name, actor.index_letter) == ("Leyen, Ursula von der", "L")


def test_the_automatic_sort_name_follows_a_renamed_actor():
    actor = ActorFactory(name="Robert Fico", kind=PERSON)
    actor = Actor.objects.get(pk=actor.pk)

    actor.name = "Peter Pellegrini"
    actor.save()

    actor.refresh_from_db()
    assert (actor.sort_name, actor.index_letter) == ("Pellegrini, Peter", "P")


def test_an_editors_sort_name_survives_a_rename():
    actor = ActorFactory(name="Xi Jinping", kind=PERSON, sort_name="Xi Jinping")
    actor = Actor.objects.get(pk=actor.pk)

    actor.title = "President of China"
    actor.name = "Xi  Jinping"
    actor.save()

    actor.refresh_from_db()
    assert (actor.sort_name, actor.index_letter) == ("Xi Jinping", "X")


def test_the_migration_fills_the_sort_names_of_existing_actors():
    from importlib import import_module

    migration = import_module("actors.migrations.0006_actor_sort_name_and_a_to_z_letter")
    ActorFactory(name="Viktor Orbán", kind=PERSON)
    ActorFactory(name="Ökistan", kind=STATE)
    Actor.objects.update(sort_name="", index_letter="")

    migration.fill_sort_names(apps, None)

    assert set(Actor.objects.values_list("sort_name", "index_letter")) == {
        ("Orbán, Viktor", "O"),
        ("Ökistan", "O"),
    }


@pytest.fixture
def cast():
    ActorFactory(name="Viktor Orbán", kind=PERSON)
    ActorFactory(name="Anatoly Dobrynin", kind=PERSON)
    ActorFactory(name="Ursula von der Leyen", kind=PERSON)
    ActorFactory(name="Austria", kind=STATE)
    ActorFactory(name="Ökistan", kind=STATE)
    ActorFactory(name="Zambia", kind=STATE)


def names_on(response) -> list[str]:
    return re.findall(r'<span class="actor-card__name">([^<]+)</span>', response.text)


def test_the_index_lists_people_by_surname_and_accents_with_their_base_letter(client, cast):
    response = client.get("/actors/")

    assert names_on(response) == [
        "Austria",
        "Anatoly Dobrynin",
        "Ursula von der Leyen",
        "Ökistan",
        "Viktor Orbán",
        "Zambia",
    ]
    headings = re.findall(r'<h2 class="a-to-z__heading"[^>]*>([^<]+)</h2>', response.text)
    assert headings == ["A", "D", "L", "O", "Z"]


def test_the_letter_index_links_only_letters_that_have_actors(client, cast):
    text = client.get("/actors/").text

    linked = re.findall(r'<a href="\?letter=([A-Z#%0-9]+)"', text)
    assert linked == ["A", "D", "L", "O", "Z"]
    assert re.search(r'<span class="a-to-z__none">B<', text)


def test_a_letter_shows_the_actors_filed_under_it(client, cast):
    response = client.get("/actors/", {"letter": "o"})

    assert names_on(response) == ["Ökistan", "Viktor Orbán"]
    assert re.search(r'<a href="\?letter=O" aria-current="page">O</a>', response.text)
    assert 'rel="canonical" href="http://testserver/actors/?letter=O"' in response.text


def test_the_letter_index_follows_the_kind_filter(client, cast):
    response = client.get("/actors/", {"kind": "state", "letter": "O"})

    assert names_on(response) == ["Ökistan"]
    linked = re.findall(r'<a href="\?kind=state&amp;letter=([A-Z])"', response.text)
    assert linked == ["A", "O", "Z"]
    assert 'href="http://testserver/actors/?kind=state&amp;letter=O"' in response.text


def test_an_unknown_letter_shows_every_actor(client, cast):
    assert len(names_on(client.get("/actors/", {"letter": "<x>"}))) == 6


def test_pagination_keeps_the_letter(client):
    for i in range(50):
        ActorFactory(name=f"Person Kowalski{i:02}", kind=PERSON)

    response = client.get("/actors/", {"letter": "K"})

    assert 'href="?letter=K&amp;page=2"' in response.text
    second = client.get("/actors/", {"letter": "K", "page": 2})
    assert 'rel="canonical" href="http://testserver/actors/?letter=K&amp;page=2"' in second.text
    assert 'href="/actors/?letter=K"' in second.text


def test_a_changed_sort_name_moves_the_actor_on_the_cached_index(client, settings, cast):
    settings.PAGE_CACHE = True
    client.get("/actors/")
    assert client.get("/actors/")["X-Reader-Cache"] == "hit"

    actor = Actor.objects.get(name="Viktor Orbán")
    actor.sort_name = "Viktor Orbán"
    actor.save()

    response = client.get("/actors/")
    assert names_on(response)[-2:] == ["Viktor Orbán", "Zambia"]
    letters = re.findall(r'<a href="\?letter=([A-Z])"', response.text)
    assert letters == ["A", "D", "L", "O", "V", "Z"]


def test_an_editor_corrects_a_sort_name_in_the_admin(admin_client):
    actor = ActorFactory(name="Xi Jinping", kind=PERSON)
    page = admin_client.get(f"/admin/actors/actor/{actor.pk}/change/")
    assert 'name="sort_name" value="Jinping, Xi"' in page.text

    response = admin_client.post(
        f"/admin/actors/actor/{actor.pk}/change/",
        {
            "name": "Xi Jinping",
            "sort_name": "Xi Jinping",
            "slug": actor.slug,
            "kind": PERSON,
            "aliases-TOTAL_FORMS": 0,
            "aliases-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 302
    actor.refresh_from_db()
    assert (actor.sort_name, actor.index_letter) == ("Xi Jinping", "X")
