"""One rule decides who is a subscriber at a moment; editors grant and end complimentary
subscriptions in the admin."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.utils import timezone

from members.models import Subscription
from members.subscriptions import current_subscription, is_subscriber
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    MemberFactory,
    PlanFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_an_active_subscription_within_its_period_makes_a_subscriber():
    member = MemberFactory()
    SubscriptionFactory(member=member)
    assert is_subscriber(member)


def test_a_member_who_never_subscribed_is_not_a_subscriber():
    assert not is_subscriber(MemberFactory())


def test_anonymous_visitors_and_closed_accounts_are_never_subscribers():
    from django.contrib.auth.models import AnonymousUser

    assert not is_subscriber(AnonymousUser())
    assert not is_subscriber(None)
    closed = MemberFactory(is_active=False)
    SubscriptionFactory(member=closed)
    assert not is_subscriber(closed)


@pytest.mark.parametrize("status", ["cancelled", "expired", "past_due"])
def test_a_subscription_that_is_not_active_gives_no_access_even_inside_its_period(status):
    member = MemberFactory()
    SubscriptionFactory(member=member, status=status)
    assert not is_subscriber(member)


def test_an_expired_period_gives_no_access_whatever_the_status_says():
    member = MemberFactory()
    now = timezone.now()
    SubscriptionFactory(member=member, starts_at=now - 40 * DAY, ends_at=now - DAY)
    assert not is_subscriber(member)


def test_a_subscription_that_has_not_started_gives_no_access_yet():
    member = MemberFactory()
    now = timezone.now()
    SubscriptionFactory(member=member, starts_at=now + DAY, ends_at=now + 30 * DAY)
    assert not is_subscriber(member)
    assert is_subscriber(member, at=now + 2 * DAY)


def test_an_open_ended_complimentary_subscription_gives_access():
    member = MemberFactory()
    SubscriptionFactory(member=member, source="complimentary", ends_at=None)
    assert is_subscriber(member)
    assert current_subscription(member).ends_at is None


def test_a_subscription_saved_shows_on_the_readers_very_next_page(client):
    """A reader's standing is kept between pages, never past a change to their
    subscriptions: buying one, or its end, shows on the next request."""
    member = MemberFactory()
    article = ArticleFactory()
    CommentFactory(article=article, body="Visible only to subscribers.")
    client.force_login(member)
    assert "Visible only to subscribers." not in client.get(article.get_absolute_url()).text

    subscription = SubscriptionFactory(member=member)
    assert "Visible only to subscribers." in client.get(article.get_absolute_url()).text

    subscription.status = Subscription.Status.EXPIRED
    subscription.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    subscription.save()
    assert "Visible only to subscribers." not in client.get(article.get_absolute_url()).text


def test_at_the_moment_a_subscription_starts_the_next_request_is_let_in(client, clock):
    member = MemberFactory()
    starts_at = clock.now + datetime.timedelta(minutes=5)
    SubscriptionFactory(member=member, starts_at=starts_at, ends_at=starts_at + 30 * DAY)
    article = ArticleFactory()
    CommentFactory(article=article, body="Visible only to subscribers.")
    client.force_login(member)

    clock.set(starts_at - datetime.timedelta(microseconds=1))
    assert "Visible only to subscribers." not in client.get(article.get_absolute_url()).text

    clock.set(starts_at)
    assert "Visible only to subscribers." in client.get(article.get_absolute_url()).text


def test_at_the_moment_a_subscription_ends_the_next_request_is_denied(client, clock):
    """The subscription boundary: no grace, no cached answer; time moves, nothing sleeps."""
    member = MemberFactory()
    ends_at = clock.now + datetime.timedelta(minutes=5)
    SubscriptionFactory(member=member, starts_at=clock.now - 30 * DAY, ends_at=ends_at)
    article = ArticleFactory()
    CommentFactory(article=article, body="Visible only to subscribers.")
    client.force_login(member)

    clock.set(ends_at - datetime.timedelta(microseconds=1))
    assert "Visible only to subscribers." in client.get(article.get_absolute_url()).text

    clock.set(ends_at)
    response = client.get(article.get_absolute_url())
    assert "Visible only to subscribers." not in response.text
    assert "Welcome back." in response.text  # a lapsed subscriber now
    posted = client.post(f"/comments/articles/{article.slug}/", {"body": "Still here?"})
    assert posted.status_code == 303
    assert not article.comments.filter(body="Still here?").exists()


def test_an_online_subscription_must_run_to_a_date():
    subscription = SubscriptionFactory.build(
        member=MemberFactory(), plan=PlanFactory(), source="online", ends_at=None
    )
    with pytest.raises(ValidationError):
        subscription.full_clean()


# --- The admin ------------------------------------------------------------------------------


def test_editor_grants_a_complimentary_subscription_in_the_admin(client, editor):
    reader = MemberFactory(email="student@test.example")
    plan = PlanFactory(name="Student")
    client.force_login(editor)
    now = timezone.localtime()
    response = client.post(
        "/admin/members/subscription/add/",
        {
            "member": reader.pk,
            "plan": plan.pk,
            "status": "active",
            "starts_at_0": now.strftime("%Y-%m-%d"),
            "starts_at_1": (now - datetime.timedelta(minutes=1)).strftime("%H:%M:%S"),
            "ends_at_0": "",
            "ends_at_1": "",
            "note": "Journalism student.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    subscription = Subscription.objects.get(member=reader)
    assert subscription.source == "complimentary"
    assert subscription.granted_by == editor
    assert is_subscriber(reader)


def test_editor_ends_a_complimentary_subscription_and_access_stops_at_once(client, editor):
    reader = MemberFactory()
    subscription = SubscriptionFactory(member=reader, source="complimentary", ends_at=None)
    client.force_login(editor)
    client.post(
        "/admin/members/subscription/",
        {"action": "end_now", ACTION_CHECKBOX_NAME: [subscription.pk]},
    )
    subscription.refresh_from_db()
    assert subscription.status == "cancelled"
    assert subscription.cancelled_at is not None
    assert not is_subscriber(reader)


def test_editors_cannot_change_or_end_an_online_subscription(client, editor):
    subscription = SubscriptionFactory(source="online")
    client.force_login(editor)
    page = client.get(f"/admin/members/subscription/{subscription.pk}/change/")
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    client.post(
        "/admin/members/subscription/",
        {"action": "end_now", ACTION_CHECKBOX_NAME: [subscription.pk]},
    )
    subscription.refresh_from_db()
    assert subscription.status == "active"


def test_the_subscription_list_says_who_has_access_now(client, editor):
    SubscriptionFactory(member=MemberFactory(display_name="Current Reader"))
    now = timezone.now()
    SubscriptionFactory(
        member=MemberFactory(display_name="Gone Reader"),
        starts_at=now - 60 * DAY,
        ends_at=now - DAY,
    )
    client.force_login(editor)
    html = client.get("/admin/members/subscription/?current=yes").content.decode()
    assert "Current Reader" in html
    assert "Gone Reader" not in html


def test_writers_and_moderators_do_not_manage_subscriptions(client, writer, moderator):
    for person in (writer, moderator):
        client.force_login(person)
        assert client.get("/admin/members/subscription/").status_code == 403


# --- Lapsed readers ---------------------------------------------------------------------------


def test_a_member_whose_subscription_ended_is_lapsed_and_knows_when():
    from members.subscriptions import standing

    member = MemberFactory()
    ended = timezone.now() - 2 * DAY
    SubscriptionFactory(member=member, starts_at=ended - 30 * DAY, ends_at=ended)
    reader = standing(member)
    assert (reader.subscriber, reader.lapsed, reader.ended_at) == (False, True, ended)


@pytest.mark.parametrize(
    "history",
    ["none", "current", "awaiting first payment", "starts later"],
)
def test_who_is_not_lapsed(history):
    from members.subscriptions import standing

    member = MemberFactory()
    now = timezone.now()
    if history == "current":
        SubscriptionFactory(member=member, starts_at=now - 60 * DAY, ends_at=now - DAY)
        SubscriptionFactory(member=member)  # renewed
    elif history == "awaiting first payment":
        SubscriptionFactory(member=member, status="incomplete", ends_at=None)
    elif history == "starts later":
        SubscriptionFactory(member=member, starts_at=now + DAY, ends_at=now + 30 * DAY)
    assert not standing(member).lapsed


def test_the_lapsed_rule_costs_no_query_beyond_the_subscriber_rule(django_assert_num_queries):
    from members.subscriptions import standing

    member = MemberFactory()
    SubscriptionFactory(member=member, starts_at=timezone.now() - 60 * DAY, status="expired")
    with django_assert_num_queries(1):
        assert standing(member).lapsed
