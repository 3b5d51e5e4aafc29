"""The editor's appeal after an article: who sees it, which one, and what came of it."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone

from members.models import AppealClick, Member, Subscription
from tests.factories import (
    AppealFactory,
    ArticleFactory,
    MemberFactory,
    PlanFactory,
    SectionFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


@pytest.fixture
def article():
    return ArticleFactory(headline="The quiet channel")


def reader_of_kind(kind: str):
    """None for anonymous; otherwise a member in the named standing."""
    if kind == "anonymous":
        return None
    member = MemberFactory(email=f"{kind}@test.example")
    now = timezone.now()
    if kind == "lapsed":
        SubscriptionFactory(
            member=member,
            status="expired",
            starts_at=now - datetime.timedelta(days=60),
            ends_at=now - datetime.timedelta(days=1),
        )
    elif kind == "subscriber":
        SubscriptionFactory(member=member)
    elif kind == "ad-free subscriber":
        SubscriptionFactory(member=member, plan=PlanFactory(name="Patron", ad_free=True))
    return member


@pytest.mark.parametrize(
    ("kind", "sees_it"),
    [
        ("anonymous", True),
        ("reader", True),
        ("lapsed", True),
        ("subscriber", False),
        ("ad-free subscriber", False),
    ],
)
def test_the_appeal_is_for_readers_who_do_not_subscribe(client, article, kind, sees_it):
    AppealFactory(heading="Keep this publication independent")
    member = reader_of_kind(kind)
    if member is not None:
        client.force_login(member)
    html = client.get(article.get_absolute_url()).content.decode()
    assert ("Keep this publication independent" in html) is sees_it


def test_the_appeal_is_signed_and_links_to_the_counted_route(client, article):
    appeal = AppealFactory(call_to_action="Join our readers")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Martin Halloway" in html
    assert "Editor-in-Chief" in html
    assert f'href="/appeals/{appeal.pk}/follow/">Join our readers</a>' in html


def test_the_appeal_comes_after_the_sources_and_before_the_comments(client, article):
    AppealFactory(heading="Keep this publication independent")
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        html.index('class="article-body"')
        < html.index("Keep this publication")
        < html.index('id="comments"')
    )


def test_an_appeal_not_yet_started_or_ended_is_not_shown(client, article):
    now = timezone.now()
    AppealFactory(heading="Tomorrow's appeal", starts_at=now + datetime.timedelta(days=1))
    AppealFactory(
        heading="Last week's appeal",
        starts_at=now - datetime.timedelta(days=10),
        ends_at=now - datetime.timedelta(days=3),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tomorrow's appeal" not in html
    assert "Last week's appeal" not in html
    assert 'class="appeal"' not in html


def test_an_appeal_for_the_articles_section_comes_before_one_for_every_section(client):
    security, economy = SectionFactory(name="Security"), SectionFactory(name="Economy")
    AppealFactory(heading="For everyone")
    AppealFactory(
        heading="For security readers", starts_at=timezone.now() - datetime.timedelta(days=5)
    ).sections.add(security)
    on_security = ArticleFactory(headline="Missiles", section=security)
    on_economy = ArticleFactory(headline="Tariffs", section=economy)
    assert "For security readers" in client.get(on_security.get_absolute_url()).content.decode()
    html = client.get(on_economy.get_absolute_url()).content.decode()
    assert "For everyone" in html
    assert "For security readers" not in html


def test_among_appeals_for_every_section_the_one_started_last_is_shown(client, article):
    now = timezone.now()
    AppealFactory(heading="The older appeal", starts_at=now - datetime.timedelta(days=9))
    AppealFactory(heading="The newer appeal", starts_at=now - datetime.timedelta(days=2))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "The newer appeal" in html
    assert "The older appeal" not in html


def test_the_appeal_text_keeps_its_paragraphs_and_escapes_markup(client, article):
    AppealFactory(text="First <b>paragraph</b>.\n\nSecond paragraph.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<p>First &lt;b&gt;paragraph&lt;/b&gt;.</p>" in html
    assert "<p>Second paragraph.</p>" in html


# --- Following the link ------------------------------------------------------------------------


def test_following_the_appeal_counts_a_click_and_lands_on_the_subscribe_page(client):
    appeal = AppealFactory()
    response = client.get(f"/appeals/{appeal.pk}/follow/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/subscribe/"
    assert appeal.clicks.count() == 1


def test_the_appeal_route_never_redirects_elsewhere(client):
    appeal = AppealFactory()
    response = client.get(
        f"/appeals/{appeal.pk}/follow/?next=https://evil.example/", HTTP_USER_AGENT=BROWSER
    )
    assert response["Location"] == "/subscribe/"


def test_bots_following_the_appeal_are_not_counted(client):
    appeal = AppealFactory()
    response = client.get(f"/appeals/{appeal.pk}/follow/", HTTP_USER_AGENT="Googlebot/2.1")
    assert response.status_code == 302
    assert appeal.clicks.count() == 0


def test_an_unknown_appeal_still_sends_the_reader_to_subscribe(client):
    response = client.get("/appeals/999/follow/", HTTP_USER_AGENT=BROWSER)
    assert response["Location"] == "/subscribe/"
    assert AppealClick.objects.count() == 0


def test_following_the_appeal_anonymously_keeps_the_reader_on_cached_pages(settings, client):
    settings.PAGE_CACHE = True
    appeal = AppealFactory()
    client.get(f"/appeals/{appeal.pk}/follow/", HTTP_USER_AGENT=BROWSER)
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Reader-Cache"] == "hit"


def test_a_forged_click_cookie_claims_nothing_at_log_in(client):
    appeal = AppealFactory()
    someone_else = AppealClick.objects.create(appeal=appeal)
    MemberFactory(email="forger@test.example", password="correct-horse-battery")
    client.cookies["appeal_click"] = str(someone_else.pk)
    log_in_through_the_form(client, "forger@test.example")
    someone_else.refresh_from_db()
    assert someone_else.member is None


def log_in_through_the_form(client, email):
    """As a reader does: the browser's cookies go with the log-in."""
    member = Member.objects.get(email=email)
    EmailAddress.objects.get_or_create(user=member, email=email, verified=True, primary=True)
    client.post("/accounts/login/", {"login": email, "password": "correct-horse-battery"})
    assert client.get("/accounts/profile/").status_code == 200


def test_a_logged_in_readers_click_is_theirs_at_once(client):
    appeal = AppealFactory()
    reader = MemberFactory()
    client.force_login(reader)
    client.get(f"/appeals/{appeal.pk}/follow/", HTTP_USER_AGENT=BROWSER)
    assert appeal.clicks.get().member == reader


def test_an_anonymous_click_becomes_the_readers_when_they_log_in(client):
    appeal = AppealFactory()
    reader = MemberFactory(email="later@test.example", password="correct-horse-battery")
    client.get(f"/appeals/{appeal.pk}/follow/", HTTP_USER_AGENT=BROWSER)
    assert appeal.clicks.get().member is None
    log_in_through_the_form(client, "later@test.example")
    assert appeal.clicks.get().member == reader


# --- Conversions -------------------------------------------------------------------------------


def clicked_by(member, appeal, days_ago=1):
    return AppealClick.objects.create(
        appeal=appeal,
        member=member,
        clicked_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_a_subscription_from_the_payment_system_counts_as_a_conversion():
    appeal = AppealFactory()
    reader = MemberFactory()
    click = clicked_by(reader, appeal)
    # The webhook may create the row first and make it active later.
    subscription = SubscriptionFactory(member=reader, status="past_due")
    click.refresh_from_db()
    assert click.subscription is None
    subscription.status = Subscription.Status.ACTIVE
    subscription.save()
    click.refresh_from_db()
    assert click.subscription == subscription
    assert click.converted_at is not None


def test_a_complimentary_grant_in_the_admin_counts_as_a_conversion(client, editor):
    appeal = AppealFactory()
    reader = MemberFactory(email="grantee@test.example")
    clicked_by(reader, appeal)
    plan = PlanFactory(name="Monthly")
    client.force_login(editor)
    now = timezone.localtime()
    response = client.post(
        "/admin/members/subscription/add/",
        {
            "member": reader.pk,
            "plan": plan.pk,
            "status": "active",
            "starts_at_0": now.strftime("%Y-%m-%d"),
            "starts_at_1": (now - datetime.timedelta(minutes=5)).strftime("%H:%M:%S"),
            "ends_at_0": "",
            "ends_at_1": "",
            "note": "Press pass.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert appeal.clicks.get().subscription.member == reader


def test_only_the_latest_click_within_thirty_days_converts():
    first, second = AppealFactory(heading="First"), AppealFactory(heading="Second")
    reader = MemberFactory()
    clicked_by(reader, first, days_ago=5)
    latest = clicked_by(reader, second, days_ago=2)
    SubscriptionFactory(member=reader)
    assert list(AppealClick.objects.filter(subscription__isnull=False)) == [latest]


def test_a_click_older_than_thirty_days_does_not_convert():
    appeal = AppealFactory()
    reader = MemberFactory()
    clicked_by(reader, appeal, days_ago=31)
    SubscriptionFactory(member=reader)
    assert not AppealClick.objects.filter(subscription__isnull=False).exists()


def test_saving_a_subscription_again_converts_no_second_click():
    appeal = AppealFactory()
    reader = MemberFactory()
    clicked_by(reader, appeal, days_ago=3)
    subscription = SubscriptionFactory(member=reader)
    clicked_by(reader, appeal, days_ago=0)
    subscription.save()  # a renewal from the payment system
    assert AppealClick.objects.filter(subscription=subscription).count() == 1


def test_a_subscriber_who_follows_the_appeal_logged_out_is_not_a_conversion(client):
    appeal = AppealFactory()
    reader = MemberFactory(email="already@test.example", password="correct-horse-battery")
    subscription = SubscriptionFactory(
        member=reader, starts_at=timezone.now() - datetime.timedelta(days=3)
    )
    client.get(f"/appeals/{appeal.pk}/follow/", HTTP_USER_AGENT=BROWSER)
    log_in_through_the_form(client, "already@test.example")
    assert appeal.clicks.get().member == reader
    assert not AppealClick.objects.filter(subscription=subscription).exists()


def test_the_admin_shows_clicks_and_conversions_per_appeal(client, editor):
    appeal = AppealFactory(heading="Counted appeal")
    for n in range(4):
        clicked_by(MemberFactory(email=f"r{n}@test.example"), appeal)
    SubscriptionFactory(member=MemberFactory(email="r0@test.example"))
    client.force_login(editor)
    html = client.get("/admin/members/appeal/").content.decode()
    assert '<td class="field-clicks">4</td>' in html
    assert '<td class="field-subscribed">1</td>' in html
    assert '<td class="field-conversion">25.0%</td>' in html
    change = client.get(f"/admin/members/appeal/{appeal.pk}/change/").content.decode()
    assert "25.0%" in change


# --- The desk ----------------------------------------------------------------------------------


def test_editors_write_appeals_in_the_admin(client, editor):
    author = AppealFactory().signed_by
    client.force_login(editor)
    now = timezone.localtime()
    response = client.post(
        "/admin/members/appeal/add/",
        {
            "heading": "A new appeal",
            "text": "Please subscribe.",
            "call_to_action": "Subscribe",
            "signed_by": author.pk,
            "starts_at_0": now.strftime("%Y-%m-%d"),
            "starts_at_1": now.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302
    assert "A new appeal" in Client().get(ArticleFactory().get_absolute_url()).content.decode()


def test_an_appeal_that_ends_before_it_starts_is_refused_with_a_message(client, editor):
    author = AppealFactory().signed_by
    client.force_login(editor)
    response = client.post(
        "/admin/members/appeal/add/",
        {
            "heading": "Backwards",
            "text": "Text.",
            "call_to_action": "Subscribe",
            "signed_by": author.pk,
            "starts_at_0": "2026-05-02",
            "starts_at_1": "10:00:00",
            "ends_at_0": "2026-05-01",
            "ends_at_1": "10:00:00",
        },
    )
    assert response.status_code == 200
    assert "The appeal must end after it starts." in response.content.decode()


@pytest.mark.parametrize("role", ["writer", "moderator"])
def test_writers_and_moderators_cannot_manage_appeals(client, request, role):
    appeal = AppealFactory()
    client.force_login(request.getfixturevalue(role))
    assert client.get("/admin/members/appeal/").status_code == 403
    assert client.get(f"/admin/members/appeal/{appeal.pk}/change/").status_code == 403
    assert client.get("/admin/members/appealclick/").status_code == 403


def test_editors_mark_a_plan_ad_free(client, editor):
    plan = PlanFactory(name="Patron")
    client.force_login(editor)
    html = client.get(f"/admin/members/plan/{plan.pk}/change/").content.decode()
    assert 'name="ad_free"' in html
