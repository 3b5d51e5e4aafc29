"""Online payment from the reader's side: the subscribe page, Stripe Checkout and back, the
account page and Stripe's billing portal. Stripe's API answers from recordings."""

import datetime
import json
import re
import subprocess

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone

from members.models import Member
from tests.factories import MemberFactory, PlanFactory, SubscriptionFactory
from tests.members.stripe_doubles import CHECKOUT_URL, CUSTOMER_ID, PORTAL_URL

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-reading-lamp"
MONTHLY_PRICE = "price_1SXjzqLqT8vR4mZcMonthly8"
ANNUAL_PRICE = "price_1SXk0bLqT8vR4mZcAnnual80"
DAY = datetime.timedelta(days=1)


@pytest.fixture
def plans(db):
    return {
        "Monthly": PlanFactory(
            name="Monthly", price="8.00", position=1, stripe_price_id=MONTHLY_PRICE
        ),
        "Annual": PlanFactory(
            name="Annual", price="80.00", interval="year", position=2, stripe_price_id=ANNUAL_PRICE
        ),
    }


@pytest.fixture
def reader(db):
    member = MemberFactory(email="priya@test.example", display_name="Priya", password=PASSWORD)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.fixture
def checkout_recorded(stripe_api):
    stripe_api.answer("POST", "/v1/customers", "customer_created.json")
    stripe_api.answer("POST", "/v1/checkout/sessions", "checkout_session_created.json")
    return stripe_api


def main_part(html: str) -> str:
    return html.split('<main id="main">', 1)[1]


# --- The subscribe page ---------------------------------------------------------------------


def test_without_keys_the_plans_are_listed_and_online_payment_is_said_to_be_off(
    client, plans, reader, stripe_api
):
    client.force_login(reader)
    html = client.get("/subscribe/").content.decode()
    assert "Monthly" in html and "Annual" in html
    assert "Online payment is not configured" in html
    assert "<button" not in main_part(html).split('id="how-heading"')[0]

    response = client.post("/subscribe/checkout/", {"plan": plans["Monthly"].pk}, follow=True)
    assert response.status_code == 200
    assert "Online payment is not configured" in response.content.decode()
    assert stripe_api.calls == []


def test_with_keys_a_logged_in_reader_gets_a_subscribe_button_for_each_plan(
    client, plans, reader, stripe_keys
):
    client.force_login(reader)
    html = client.get("/subscribe/").content.decode()
    assert "Online payment is not configured" not in html
    for plan in plans.values():
        assert re.search(rf'<input type="hidden" name="plan" value="{plan.pk}">', html)
    assert html.count('<button class="button" type="submit">Subscribe') == 2


@pytest.mark.parametrize(
    "plan_name, price_id", [("Monthly", MONTHLY_PRICE), ("Annual", ANNUAL_PRICE)]
)
def test_choosing_a_plan_sends_the_reader_to_a_checkout_session_for_it(
    client, plans, reader, stripe_keys, checkout_recorded, plan_name, price_id
):
    plan = plans[plan_name]
    client.force_login(reader)
    response = client.post("/subscribe/checkout/", {"plan": plan.pk})

    assert response.status_code == 303
    assert response["Location"] == CHECKOUT_URL
    (session,) = checkout_recorded.calls_to("POST", "/v1/checkout/sessions")
    assert session.params["mode"] == "subscription"
    assert session.params["line_items[0][price]"] == price_id
    assert session.params["line_items[0][quantity]"] == "1"
    assert session.params["customer"] == CUSTOMER_ID
    assert session.params["client_reference_id"] == str(reader.pk)
    assert session.params["metadata[member_id]"] == str(reader.pk)
    assert session.params["subscription_data[metadata][member_id]"] == str(reader.pk)
    assert session.params["subscription_data[metadata][plan_id]"] == str(plan.pk)
    assert session.params["success_url"].startswith("http://testserver/subscribe/thanks/")
    assert "{CHECKOUT_SESSION_ID}" in session.params["success_url"]
    assert session.params["cancel_url"] == "http://testserver/subscribe/cancelled/"
    assert session.headers["Authorization"].startswith("Bearer sk_test_")


def test_the_stripe_customer_is_created_once_and_reused(
    client, plans, reader, stripe_keys, checkout_recorded
):
    client.force_login(reader)
    client.post("/subscribe/checkout/", {"plan": plans["Monthly"].pk})
    client.post("/subscribe/checkout/", {"plan": plans["Annual"].pk})

    (created,) = checkout_recorded.calls_to("POST", "/v1/customers")
    assert created.params["email"] == "priya@test.example"
    assert created.params["metadata[member_id]"] == str(reader.pk)
    reader.refresh_from_db()
    assert reader.stripe_customer_id == CUSTOMER_ID
    sessions = checkout_recorded.calls_to("POST", "/v1/checkout/sessions")
    assert [s.params["customer"] for s in sessions] == [CUSTOMER_ID, CUSTOMER_ID]


def test_an_anonymous_reader_logs_in_and_comes_back_to_the_plan_they_chose(
    plans, reader, stripe_keys, checkout_recorded
):
    client = Client()
    annual = plans["Annual"]
    html = client.get("/subscribe/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    login_link = f"/accounts/login/?next=/subscribe/%3Fplan%3D{annual.pk}%23plan-{annual.pk}"
    assert f'href="{login_link}"' in html
    assert f'href="/accounts/signup/?next=/subscribe/%3Fplan%3D{annual.pk}' in html

    back = f"/subscribe/?plan={annual.pk}#plan-{annual.pk}"
    response = client.post(login_link, {"login": reader.email, "password": PASSWORD, "next": back})
    assert response.status_code == 302
    assert response["Location"] == back

    chosen = client.get(f"/subscribe/?plan={annual.pk}").content.decode()
    assert f'class="plan plan--chosen" id="plan-{annual.pk}"' in chosen
    response = client.post("/subscribe/checkout/", {"plan": annual.pk})
    assert response.status_code == 303 and response["Location"] == CHECKOUT_URL


def test_an_anonymous_post_to_checkout_is_sent_to_log_in_first(plans, stripe_keys, stripe_api):
    client = Client(enforce_csrf_checks=False)
    response = client.post("/subscribe/checkout/", {"plan": plans["Monthly"].pk})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/subscribe/%3Fplan%3D")
    assert stripe_api.calls == []


def test_a_plan_without_a_stripe_price_is_left_to_the_desk(client, reader, stripe_keys, stripe_api):
    desk_only = PlanFactory(name="Student", stripe_price_id="")
    client.force_login(reader)
    assert "Through the subscriptions desk only." in client.get("/subscribe/").content.decode()
    response = client.post("/subscribe/checkout/", {"plan": desk_only.pk}, follow=True)
    assert "That plan cannot be bought online" in response.content.decode()
    assert stripe_api.calls == []


def test_when_stripe_cannot_be_reached_the_reader_is_told_and_nothing_is_recorded(
    client, plans, reader, stripe_keys, stripe_api
):
    stripe_api.fail("POST", "/v1/customers")
    client.force_login(reader)
    response = client.post("/subscribe/checkout/", {"plan": plans["Monthly"].pk}, follow=True)
    assert response.status_code == 200
    assert "We could not reach our payment provider, and nothing was charged." in response.text
    assert Member.objects.get(pk=reader.pk).stripe_customer_id == ""
    assert not reader.subscriptions.exists()


def test_a_stripe_error_on_the_session_is_a_message_not_an_error_page(
    client, plans, reader, stripe_keys, stripe_api
):
    reader.stripe_customer_id = CUSTOMER_ID
    reader.save()
    stripe_api.answer("POST", "/v1/checkout/sessions", "api_error.json", status=500)
    client.force_login(reader)
    response = client.post("/subscribe/checkout/", {"plan": plans["Monthly"].pk}, follow=True)
    assert response.status_code == 200
    assert "nothing was charged" in response.text


def test_a_reader_who_already_pays_online_is_sent_to_their_account_not_to_pay_twice(
    client, plans, reader, stripe_keys, stripe_api
):
    SubscriptionFactory(member=reader, plan=plans["Monthly"], source="online")
    client.force_login(reader)
    assert "<button" not in client.get("/subscribe/").content.decode().split("plans-heading")[1]
    response = client.post("/subscribe/checkout/", {"plan": plans["Annual"].pk})
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"
    assert stripe_api.calls == []


@pytest.mark.parametrize("status", ["incomplete", "past_due"])
def test_a_reader_still_billed_online_without_access_is_not_sent_to_pay_a_second_time(
    client, plans, reader, stripe_keys, stripe_api, status
):
    # A complimentary grant gives access; the online subscription is still being billed.
    SubscriptionFactory(member=reader, source="complimentary", ends_at=None)
    SubscriptionFactory(
        member=reader,
        plan=plans["Monthly"],
        source="online",
        status=status,
        payment_failed_at=timezone.now() - datetime.timedelta(days=30),
    )
    client.force_login(reader)
    assert "<button" not in client.get("/subscribe/").content.decode().split("plans-heading")[1]
    response = client.post("/subscribe/checkout/", {"plan": plans["Annual"].pk})
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"
    assert stripe_api.calls == []


def test_a_complimentary_subscriber_may_still_buy_a_plan(
    client, plans, reader, stripe_keys, checkout_recorded
):
    SubscriptionFactory(member=reader, source="complimentary", ends_at=None)
    client.force_login(reader)
    response = client.post("/subscribe/checkout/", {"plan": plans["Monthly"].pk})
    assert response.status_code == 303


def test_the_subscribe_page_is_never_stored_by_the_reader_cache(settings, plans, stripe_keys):
    settings.PAGE_CACHE = True
    first = Client().get("/subscribe/")
    second = Client().get("/subscribe/")
    assert "no-store" in first["Cache-Control"]
    assert "X-Reader-Cache" not in first and "X-Reader-Cache" not in second
    assert not first.cookies


# --- Back from Checkout -----------------------------------------------------------------------


def test_the_success_page_thanks_the_reader_and_says_the_payment_is_being_confirmed(client, reader):
    client.force_login(reader)
    html = client.get("/subscribe/thanks/?session_id=cs_test_a1Kq7").content.decode()
    assert "Thank you for subscribing" in html
    assert "We are confirming the payment" in html
    assert 'href="/accounts/profile/"' in html


def test_the_success_page_shows_the_subscription_once_the_webhook_has_recorded_it(client, reader):
    SubscriptionFactory(member=reader, plan__name="Annual")
    client.force_login(reader)
    html = client.get("/subscribe/thanks/").content.decode()
    assert "your annual subscription is running" in html


def test_the_cancel_page_says_nothing_was_charged_and_leads_back_to_the_plans(client):
    response = client.get("/subscribe/cancelled/")
    assert response.status_code == 200
    assert "No payment was taken" in response.text
    assert 'href="/subscribe/"' in response.text


# --- The account page and the billing portal ----------------------------------------------------


def test_the_account_page_offers_the_billing_portal_to_a_stripe_customer(
    client, reader, stripe_keys, stripe_api
):
    reader.stripe_customer_id = CUSTOMER_ID
    reader.save()
    SubscriptionFactory(member=reader, source="online")
    stripe_api.answer("POST", "/v1/billing_portal/sessions", "billing_portal_session_created.json")
    client.force_login(reader)
    html = client.get("/accounts/profile/").content.decode()
    assert 'action="/accounts/profile/billing/"' in html
    assert "Manage payment" in html

    response = client.post("/accounts/profile/billing/")
    assert response.status_code == 303
    assert response["Location"] == PORTAL_URL
    (portal,) = stripe_api.calls_to("POST", "/v1/billing_portal/sessions")
    assert portal.params == {
        "customer": CUSTOMER_ID,
        "return_url": "http://testserver/accounts/profile/",
    }


def test_no_billing_portal_for_a_reader_who_never_paid_online(client, reader, stripe_keys):
    SubscriptionFactory(member=reader, source="complimentary", ends_at=None)
    client.force_login(reader)
    assert "Manage payment" not in client.get("/accounts/profile/").content.decode()
    response = client.post("/accounts/profile/billing/", follow=True)
    assert "You have no online payments to manage." in response.text


def test_the_account_page_gives_the_renewal_date_of_a_running_online_subscription(client, reader):
    ends = timezone.now() + 20 * DAY
    SubscriptionFactory(member=reader, source="online", ends_at=ends)
    client.force_login(reader)
    html = client.get("/accounts/profile/").content.decode()
    assert f'<time datetime="{timezone.localtime(ends):%Y-%m-%dT%H:%M:%S%z}">' in html
    assert "Renews automatically on that day." in html


def test_the_account_page_gives_the_end_date_of_a_cancelled_subscription(client, reader):
    ends = timezone.now() + 20 * DAY
    SubscriptionFactory(member=reader, source="online", ends_at=ends, cancel_at_period_end=True)
    client.force_login(reader)
    html = client.get("/accounts/profile/").content.decode()
    assert "Renews automatically" not in html
    assert "You cancelled: it ends on that day and does not renew." in html
    assert f"{timezone.localtime(ends):%-d %B %Y}" in html


def test_a_failed_payment_shows_a_notice_and_until_when_access_lasts(client, reader, stripe_keys):
    failed = timezone.now() - 2 * DAY
    SubscriptionFactory(member=reader, source="online", status="past_due", payment_failed_at=failed)
    client.force_login(reader)
    html = client.get("/accounts/profile/").content.decode()
    assert "Your last payment did not go through." in html
    assert f"{timezone.localtime(failed + 7 * DAY):%-d %B %Y}" in html


def test_billing_portal_trouble_is_a_message_on_the_account_page(
    client, reader, stripe_keys, stripe_api
):
    reader.stripe_customer_id = CUSTOMER_ID
    reader.save()
    stripe_api.fail("POST", "/v1/billing_portal/sessions")
    client.force_login(reader)
    response = client.post("/accounts/profile/billing/", follow=True)
    assert response.status_code == 200
    assert "We could not reach our payment provider" in response.text


# --- Valid pages, and what they cost ----------------------------------------------------------


def test_the_payment_pages_are_valid_html(client, plans, reader, stripe_keys, tmp_path):
    from tests.newsroom.test_html_validity import JAVA, VNU_JAR

    if not (JAVA and VNU_JAR.exists()):
        pytest.skip("the HTML checker is not installed")
    pages = {
        "subscribe, anonymous": Client().get(f"/subscribe/?plan={plans['Annual'].pk}"),
        "cancelled": client.get("/subscribe/cancelled/"),
    }
    reader.stripe_customer_id = CUSTOMER_ID
    reader.save()
    client.force_login(reader)
    pages["subscribe, logged in"] = client.get(f"/subscribe/?plan={plans['Monthly'].pk}")
    pages["thanks, confirming"] = client.get("/subscribe/thanks/")
    pages["account, no subscription"] = client.get("/accounts/profile/")
    SubscriptionFactory(
        member=reader, source="online", status="past_due", payment_failed_at=timezone.now()
    )
    pages["account, payment overdue"] = client.get("/accounts/profile/")
    pages["thanks, subscribed"] = client.get("/subscribe/thanks/")
    SubscriptionFactory(member=reader, source="online", cancel_at_period_end=True)
    pages["account, cancelled"] = client.get("/accounts/profile/")

    files = {}
    for n, (name, response) in enumerate(pages.items()):
        assert response.status_code == 200, name
        path = tmp_path / f"page{n}.html"
        path.write_bytes(response.content)
        files[f"file:{path}"] = name
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[f[5:] for f in files]],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url'), m.get('url'))}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []


@pytest.mark.parametrize("url", ["/subscribe/thanks/", "/subscribe/cancelled/"])
def test_the_pages_back_from_checkout_run_a_fixed_number_of_queries(client, reader, url):
    """Warm (the navigation cached): none for a visitor; for a reader, the session's member
    and the subscription."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    budget = {"/subscribe/thanks/": 2, "/subscribe/cancelled/": 1}[url]
    client.get(url)
    with CaptureQueriesContext(connection) as anonymous:
        assert client.get(url).status_code == 200
    client.force_login(reader)
    for n in range(3):
        SubscriptionFactory(member=reader, plan=PlanFactory(name=f"Plan {n}"))
    client.get(url)
    with CaptureQueriesContext(connection) as logged_in:
        assert client.get(url).status_code == 200
    assert len(anonymous) == 0
    assert len(logged_in) == budget


def test_when_the_grace_period_is_over_the_account_page_says_the_subscription_is_suspended(
    client, reader
):
    SubscriptionFactory(
        member=reader,
        source="online",
        status="past_due",
        payment_failed_at=timezone.now() - 8 * DAY,
    )
    client.force_login(reader)
    html = client.get("/accounts/profile/").content.decode()
    assert "subscription is suspended: its payment is overdue" in html
    assert "Your last payment did not go through." not in html


def test_half_configured_stripe_settings_are_reported_by_the_system_checks(settings):
    from members.billing.checks import stripe_settings_complete

    assert stripe_settings_complete(None) == []
    settings.STRIPE_SECRET_KEY = "sk_test_51SXjwE"
    (warning,) = stripe_settings_complete(None)
    assert warning.id == "members.W001"
    assert "STRIPE_WEBHOOK_SECRET" in warning.msg


def test_stripe_settings_come_from_the_environment_and_default_to_off():
    from tests.members.test_subscribe_page import settings_under

    names = "[s.STRIPE_SECRET_KEY, s.STRIPE_PUBLISHABLE_KEY, s.STRIPE_WEBHOOK_SECRET, "
    names += "s.SUBSCRIPTION_GRACE_DAYS]"
    assert settings_under({}, names) == ["", "", "", 7]
    given = {
        "STRIPE_SECRET_KEY": "sk_live_abc",
        "STRIPE_PUBLISHABLE_KEY": "pk_live_abc",
        "STRIPE_WEBHOOK_SECRET": "whsec_abc",
        "SUBSCRIPTION_GRACE_DAYS": "3",
    }
    assert settings_under(given, names) == ["sk_live_abc", "pk_live_abc", "whsec_abc", 3]


@pytest.mark.parametrize("value", ["²", "abc", "99999999999999999999999", ""])
def test_a_strange_plan_in_the_address_or_the_form_is_a_clear_message_not_an_error(
    client, plans, reader, stripe_keys, stripe_api, value
):
    assert Client().get(f"/subscribe/?plan={value}").status_code == 200
    client.force_login(reader)
    response = client.post("/subscribe/checkout/", {"plan": value}, follow=True)
    assert response.status_code == 200
    assert "That plan cannot be bought online" in response.text
    assert stripe_api.calls == []
