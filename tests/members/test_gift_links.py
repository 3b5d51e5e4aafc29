"""Gift links (members.gifts): a subscriber gives one subscriber-only piece to anyone."""

import datetime

import pytest
from django.core import signing
from django.test import Client

from members import gifts
from members.models import GiftLink

from .gated import REST, make_gated_pieces

pytestmark = pytest.mark.django_db


@pytest.fixture
def pieces(db):
    return make_gated_pieces()


def give(client, piece):
    return client.post(f"/gifts/{piece.slug}/")


def gift_path_on_page(text: str) -> str:
    start = text.index('id="gift-link"')
    value = text[start:].split('value="', 1)[1].split('"', 1)[0]
    return value[value.index("/gift/") :]


def test_subscribers_see_the_gift_button_on_a_subscriber_only_piece(client_as, pieces):
    text = client_as("subscriber").get(pieces["subscribers"].get_absolute_url()).text
    assert "Gift this piece" in text
    assert 'action="/gifts/the-ledger-of-the-subscribers-talks/"' in text
    assert "You have 5 of 5 gift links left this month." in text


@pytest.mark.parametrize(
    "role,level",
    [
        ("subscriber", "members"),
        ("subscriber", "public"),
        ("reader", "subscribers"),
        ("anonymous", "subscribers"),
        ("editor", "subscribers"),
    ],
)
def test_no_one_else_is_offered_a_gift(role, level, client_as, pieces):
    assert "Gift this piece" not in client_as(role).get(pieces[level].get_absolute_url()).text


def test_giving_shows_the_link_and_the_gifts_left_on_the_page(client_as, pieces):
    client = client_as("subscriber")
    response = give(client, pieces["subscribers"])

    assert response.status_code == 303
    assert response["Location"] == pieces["subscribers"].get_absolute_url() + "#gift"
    text = client.get(response["Location"]).text
    assert gift_path_on_page(text).startswith("/gift/")
    assert "You have 4 of 5 gift links left this month." in text
    assert GiftLink.objects.get().giver.email == "subscriber@test.example"


def test_the_link_opens_the_whole_piece_for_anyone_and_is_never_stored_or_indexed(
    client_as, pieces, settings
):
    settings.PAGE_CACHE = True
    subscriber = client_as("subscriber")
    path = gift_path_on_page(
        subscriber.get(give(subscriber, pieces["subscribers"])["Location"]).text
    )

    for _ in range(2):
        response = Client().get(path)
        assert response.status_code == 200
        assert REST["subscribers"] in response.text
        assert "A subscriber gave you this piece." in response.text
        assert "Subscribe to read" not in response.text
        assert response.get("X-Reader-Cache") != "hit"
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert '<meta name="robots" content="noindex, nofollow">' in response.text
        canonical = f'<link rel="canonical" href="http://testserver{pieces["subscribers"].get_absolute_url()}">'
        assert canonical in response.text  # the piece's own address, not the gift's
    assert GiftLink.objects.get().opened == 2
    # The piece's own address still gives anonymous readers the opening only.
    assert REST["subscribers"] not in Client().get(pieces["subscribers"].get_absolute_url()).text


def test_a_link_opens_no_other_piece(people, pieces):
    gift = GiftLink.objects.create(giver=people["subscriber"], article=pieces["subscribers"])
    token = signing.dumps({"g": gift.pk, "a": pieces["members"].pk, "m": gift.giver_id}, salt="x")
    forged = signing.dumps(
        {"g": gift.pk, "a": pieces["members"].pk, "m": gift.giver_id}, salt=gifts.SALT
    )
    assert Client().get(f"/gift/{token}/").status_code == 404
    # Even signed with our salt (a stolen secret), a row names one piece only.
    assert Client().get(f"/gift/{forged}/").status_code == 404
    genuine = gifts.path_of(gift)
    assert Client().get(genuine[:-3] + "xx/").status_code == 404


def test_a_deleted_link_stops_working(client_as, pieces):
    client = client_as("subscriber")
    path = gift_path_on_page(client.get(give(client, pieces["subscribers"])["Location"]).text)
    GiftLink.objects.all().delete()
    assert Client().get(path).status_code == 404


def test_an_old_link_has_expired(client_as, pieces, monkeypatch):
    import time
    import types

    client = client_as("subscriber")
    path = gift_path_on_page(client.get(give(client, pieces["subscribers"])["Location"]).text)
    later = time.time() + datetime.timedelta(days=31).total_seconds()
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))
    response = Client().get(path)
    assert response.status_code == 403
    assert REST["subscribers"] not in response.text


def test_a_subscriber_makes_a_few_links_a_month_then_is_told_why_not(client_as, pieces, settings):
    settings.GIFT_LINKS_PER_MONTH = 2
    client = client_as("subscriber")
    for _ in range(2):
        give(client, pieces["subscribers"])
    text = client.get(pieces["subscribers"].get_absolute_url()).text
    assert "You have used your 2 gift links this month." in text
    assert "Make another gift link" not in text

    response = give(client, pieces["subscribers"])

    assert response.status_code == 303
    assert GiftLink.objects.count() == 2
    text = client.get(response["Location"]).text
    assert "You have made your 2 gift links this month; more next month." in text


def test_last_months_links_do_not_count_against_this_month(client_as, people, pieces, settings):
    settings.GIFT_LINKS_PER_MONTH = 1
    GiftLink.objects.create(
        giver=people["subscriber"],
        article=pieces["subscribers"],
        created_at=datetime.datetime(2020, 1, 15, tzinfo=datetime.UTC),
    )
    assert gifts.gifts_left(people["subscriber"]) == 1


@pytest.mark.parametrize("role", ["reader", "lapsed"])
def test_readers_without_a_subscription_cannot_give(role, client_as, pieces):
    client = client_as(role)
    response = give(client, pieces["subscribers"])
    assert response.status_code == 303
    assert not GiftLink.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, pieces):
    response = give(client, pieces["subscribers"])
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/articles/")
    assert not GiftLink.objects.exists()


def test_only_subscriber_only_pieces_are_given(client_as, pieces):
    client = client_as("subscriber")
    for level in ("public", "members"):
        give(client, pieces[level])
    assert not GiftLink.objects.exists()


def test_giving_needs_a_post_with_its_token(client_as, people, pieces):
    assert client_as("subscriber").get(f"/gifts/{pieces['subscribers'].slug}/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people["subscriber"])
    assert strict.post(f"/gifts/{pieces['subscribers'].slug}/").status_code == 403
    assert not GiftLink.objects.exists()
