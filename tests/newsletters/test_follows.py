"""Following an actor, an author, a section or a tag from its page, as a reader does: the
button, its round trip without JavaScript, the account page's list, what anonymous readers
see (one page for all of them), and the database's guard on what a follow names."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsletters import follows as follows_module
from newsletters.models import Follow, Recipient
from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    MemberFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def things():
    section = SectionFactory(name="Diplomacy")
    author = AuthorFactory(byline="Ana Ribeiro")
    actor = ActorFactory(name="Olena Marchenko")
    article = ArticleFactory(section=section, bylines=[author], tags=["ceasefire talks"])
    ArticleActorFactory(article=article, actor=actor)
    tag = article.tags.get()
    return {
        "actor": (actor, f"/actors/{actor.slug}/", "Olena Marchenko"),
        "author": (author, f"/authors/{author.slug}/", "Ana Ribeiro"),
        "section": (section, f"/sections/{section.slug}/", "Diplomacy"),
        "tag": (tag, f"/tags/{tag.slug}/", "ceasefire talks"),
    }


@pytest.fixture
def member():
    return MemberFactory(email="follower@example.org")


def follow_url(kind, target):
    return f"/newsletters/follow/{kind}/{target.slug}/"


@pytest.mark.parametrize("kind", ["actor", "author", "section", "tag"])
def test_a_member_follows_and_unfollows_from_the_page(client, things, member, kind):
    target, page, name = things[kind]
    client.force_login(member)

    before = client.get(page).text
    assert 'type="submit">Follow</button>' in before
    assert f'action="{follow_url(kind, target)}"' in before
    assert "csrfmiddlewaretoken" in before

    response = client.post(follow_url(kind, target), {"action": "follow", "next": page})
    assert response.status_code == 303
    assert response["Location"] == page
    assert Follow.objects.filter(member=member, **{kind: target}).count() == 1
    after = client.get(page).text
    assert "Following ✓" in after and "(unfollow)" in after
    assert 'type="submit">Follow</button>' not in after

    # Pressing Follow again (a second tab) keeps one follow.
    client.post(follow_url(kind, target), {"action": "follow", "next": page})
    assert Follow.objects.filter(member=member).count() == 1

    response = client.post(follow_url(kind, target), {"action": "unfollow", "next": page})
    assert response.status_code == 303
    assert not Follow.objects.filter(member=member).exists()
    assert 'type="submit">Follow</button>' in client.get(page).text


def test_the_account_page_lists_what_a_member_follows_with_unfollow_buttons(client, things, member):
    client.force_login(member)
    for kind in ("actor", "tag"):
        target, page, _ = things[kind]
        client.post(follow_url(kind, target), {"action": "follow", "next": page})

    account = client.get("/accounts/profile/").text
    assert "What you follow" in account
    assert "Olena Marchenko" in account and "ceasefire talks" in account
    assert 'aria-label="Unfollow Olena Marchenko"' in account
    assert "Ana Ribeiro" not in account

    actor, page, _ = things["actor"]
    response = client.post(
        follow_url("actor", actor),
        {"action": "unfollow", "next": "/accounts/profile/#follows-heading"},
    )
    assert response.status_code == 303
    assert response["Location"] == "/accounts/profile/#follows-heading"
    account = client.get("/accounts/profile/").text
    assert 'aria-label="Unfollow Olena Marchenko"' not in account
    assert 'aria-label="Unfollow ceasefire talks"' in account


def test_following_gives_the_member_a_recipient_for_the_digest(client, things, member):
    actor, page, _ = things["actor"]
    client.force_login(member)
    client.post(follow_url("actor", actor), {"action": "follow"})
    recipient = Recipient.objects.get(member=member)
    assert recipient.email == "follower@example.org"
    assert recipient.reachable and recipient.follow_digests


def test_a_next_address_elsewhere_is_not_followed(client, things, member):
    actor, page, _ = things["actor"]
    client.force_login(member)
    response = client.post(
        follow_url("actor", actor), {"action": "follow", "next": "https://evil.example/"}
    )
    assert response.status_code == 303
    assert response["Location"] == page


@pytest.mark.parametrize("kind", ["actor", "author", "section", "tag"])
def test_anonymous_readers_get_a_sign_up_link_and_the_same_page(things, kind):
    target, page, name = things[kind]
    first, second = Client(), Client()
    text = first.get(page).text
    assert "Sign up to follow" in text
    assert f'href="/accounts/signup/?next={page}"' in text
    assert "csrfmiddlewaretoken" not in text
    assert follow_url(kind, target) not in text
    assert second.get(page).text == text


def test_an_anonymous_post_is_sent_to_log_in_and_follows_nothing(client, things):
    actor, _, _ = things["actor"]
    response = client.post(follow_url("actor", actor), {"action": "follow"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()


def test_an_unknown_kind_or_thing_is_not_found(client, things, member):
    client.force_login(member)
    assert client.post("/newsletters/follow/planet/earth/", {}).status_code == 404
    assert client.post("/newsletters/follow/actor/nobody/", {}).status_code == 404
    assert client.get(follow_url("actor", things["actor"][0])).status_code == 405


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("kind", ["actor", "author", "section", "tag"])
def test_the_button_costs_a_logged_in_member_one_query_whatever_they_follow(
    client, things, member, kind, monkeypatch
):
    target, page, _ = things[kind]
    client.force_login(member)
    with_button = queries_for(client, page)
    for i in range(30):
        follows_module.follow(member, ActorFactory(name=f"Someone {i}"))
    assert queries_for(client, page) == with_button

    # The same page without the button's question: one query fewer.
    monkeypatch.setattr(follows_module, "is_following", lambda member, target: False)
    assert queries_for(client, page) == with_button - 1


def test_a_follow_names_exactly_one_thing_once(things, member):
    actor, section = things["actor"][0], things["section"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(member=member, actor=actor, section=section)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(member=member)
    Follow.objects.create(member=member, actor=actor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(member=member, actor=actor)
    Follow.objects.create(member=MemberFactory(), actor=actor)
    Follow.objects.create(member=member, section=section)
    assert Follow.objects.count() == 3
