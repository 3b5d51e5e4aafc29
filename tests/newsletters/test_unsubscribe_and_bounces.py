"""Leaving a newsletter without logging in (a page, and RFC 8058's one-click POST), and
addresses that stop working (the provider's signed webhook, ``record_bounces``)."""

import hashlib
import hmac
import json

import pytest
from django.core.management import call_command
from django.test import Client

from newsletters import readers
from newsletters.models import Recipient
from tests.factories import NewsletterFactory, RecipientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_up():
    daily = NewsletterFactory(name="The Daily Brief")
    weekly = NewsletterFactory(name="Weekly Europe")
    recipient = RecipientFactory(email="ana@example.org", newsletters=[daily, weekly])
    return recipient, daily, weekly


def path_of(url: str) -> str:
    return url.removeprefix("http://localhost:8000")


def test_the_link_shows_a_page_and_only_the_button_unsubscribes(client, signed_up):
    recipient, daily, weekly = signed_up
    url = path_of(readers.unsubscribe_url(recipient.pk, daily.pk))
    page = client.get(url)
    assert page.status_code == 200
    assert "Unsubscribe from The Daily Brief" in page.content.decode()
    assert recipient.newsletters.count() == 2, "opening the link unsubscribes no one"

    done = client.post(url)
    assert done.status_code == 200
    assert "You are unsubscribed" in done.content.decode()
    assert list(recipient.newsletters.all()) == [weekly]


def test_one_click_unsubscribes_with_no_page_no_session_and_no_csrf_token(signed_up):
    recipient, daily, _ = signed_up
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        path_of(readers.unsubscribe_url(recipient.pk, daily.pk)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "sessionid" not in response.cookies
    assert daily not in recipient.newsletters.all()


def test_a_forged_token_unsubscribes_no_one(client, signed_up):
    recipient, daily, weekly = signed_up
    forged = path_of(readers.unsubscribe_url(recipient.pk, daily.pk)).replace(
        f"{recipient.pk}-{daily.pk}", f"{recipient.pk}-{weekly.pk}"
    )
    assert client.post(forged).status_code == 404
    assert client.post("/newsletters/unsubscribe/nonsense/").status_code == 404
    assert recipient.newsletters.count() == 2


def sign(body: bytes, secret="bounce-secret") -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_a_signed_bounce_report_marks_the_address_dead(client, signed_up, settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = "bounce-secret"
    body = json.dumps([{"email": "ANA@example.org", "type": "complaint"}]).encode()
    response = client.post(
        "/newsletters/bounces/",
        body,
        content_type="application/json",
        headers={"X-Newsroom-Signature": sign(body)},
    )
    assert response.status_code == 200
    recipient = Recipient.objects.get()
    assert recipient.dead_at is not None and recipient.dead_reason == "complaint"
    assert not Recipient.objects.reachable().exists()


def test_an_unsigned_or_wrongly_signed_report_changes_nothing(client, signed_up, settings):
    body = json.dumps({"email": "ana@example.org"}).encode()
    assert (
        client.post("/newsletters/bounces/", body, content_type="application/json").status_code
        == 404
    )
    settings.NEWSLETTER_WEBHOOK_SECRET = "bounce-secret"
    response = client.post(
        "/newsletters/bounces/",
        body,
        content_type="application/json",
        headers={"X-Newsroom-Signature": sign(body, "another-secret")},
    )
    assert response.status_code == 400
    assert Recipient.objects.get().dead_at is None


def test_record_bounces_reads_a_file_of_addresses(signed_up, tmp_path):
    RecipientFactory(email="ben@example.org")
    listing = tmp_path / "bounces.txt"
    listing.write_text(
        "# from the provider's export\n"
        "ana@example.org, mailbox does not exist\n\n"
        "nobody@example.org\n"
    )
    out = __import__("io").StringIO()
    call_command("record_bounces", str(listing), stdout=out)
    assert Recipient.objects.get(email="ana@example.org").dead_reason == "mailbox does not exist"
    assert Recipient.objects.get(email="ben@example.org").dead_at is None
    assert "1 address marked unreachable" in out.getvalue()
    assert "1 not found" in out.getvalue()
