"""/subscribe/ lists the plans on offer and says plainly how to subscribe today."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import MemberFactory, PlanFactory, SubscriptionFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_subscribe_page_lists_active_plans_and_what_a_subscription_brings(client):
    PlanFactory(name="Monthly", price="8.00", interval="month", position=1)
    PlanFactory(name="Annual", price="80.00", interval="year", position=2)
    PlanFactory(name="Founding supporter", active=False)
    html = client.get("/subscribe/").content.decode()
    assert html.index("Monthly") < html.index("Annual")
    assert "£8 a month" in html and "£80 a year" in html
    assert "Founding supporter" not in html
    assert "post your own comments" in html


@pytest.mark.django_db
def test_subscribe_page_says_how_to_subscribe_without_a_payment_button(client, settings):
    settings.SUBSCRIPTIONS_EMAIL = "desk@meridian.example"
    html = client.get("/subscribe/").content.decode()
    assert 'href="mailto:desk@meridian.example?subject=Subscription"' in html
    assert "complimentary" in html
    # The page's own content; the footer's newsletter field has a button of its own.
    assert "<button" not in html.split('<main id="main">', 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_anonymous_subscribe_page_is_the_same_for_everyone_and_sets_no_cookie(client):
    PlanFactory(name="Monthly")
    first, second = Client().get("/subscribe/"), Client().get("/subscribe/")
    assert first.content == second.content
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()


@pytest.mark.django_db
def test_a_subscriber_is_told_until_when_and_a_lapsed_reader_how_to_renew(client):
    subscriber = MemberFactory()
    SubscriptionFactory(member=subscriber)
    client.force_login(subscriber)
    assert "You are a subscriber, paid until" in client.get("/subscribe/").content.decode()

    lapsed = MemberFactory()
    SubscriptionFactory(member=lapsed, status="expired")
    client.force_login(lapsed)
    assert "Your subscription ended" in client.get("/subscribe/").content.decode()


def settings_under(env: dict[str, str], expression: str):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    code = f"import json, newsroom.settings as s; print(json.dumps({expression}))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_mail_goes_to_the_console_until_an_smtp_server_is_named():
    assert settings_under({}, "s.EMAIL_BACKEND").endswith("console.EmailBackend")


def test_smtp_settings_come_from_the_environment():
    backend, host, port, user, password, tls, sender = settings_under(
        {
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_PORT": "2525",
            "EMAIL_HOST_USER": "newsroom",
            "EMAIL_HOST_PASSWORD": "s3cret",
            "EMAIL_USE_TLS": "false",
            "DEFAULT_FROM_EMAIL": "Desk <desk@example.org>",
        },
        "[s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL]",
    )
    assert backend.endswith("smtp.EmailBackend")
    assert (host, port, user, password, tls) == (
        "smtp.example.org",
        2525,
        "newsroom",
        "s3cret",
        False,
    )
    assert sender == "Desk <desk@example.org>"


@pytest.mark.django_db
@pytest.mark.parametrize("plans", [1, 30])
def test_subscribe_page_runs_three_queries_however_many_plans(client, plans):
    """The sections of the navigation, the footer's pages and the plans; nothing per plan."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(plans):
        PlanFactory(name=f"Plan {n}")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/subscribe/").status_code == 200
    assert len(captured) == 3
