"""Signing up for newsletters with an address alone, by double opt-in; a member's choices
on the account page; the address and the account being one person."""

import re
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from newsletters.models import Recipient, Signup
from tests.factories import MemberFactory, NewsletterFactory, RecipientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def daily():
    return NewsletterFactory(name="The Daily Brief", cadence="daily", position=1)


@pytest.fixture
def weekly():
    return NewsletterFactory(name="Weekly Europe", position=2)


def confirmation_link(message) -> str:
    return re.search(r"http://\S+/newsletters/confirm/\S+/", message.body).group(0)


def test_the_page_lists_the_active_newsletters_with_a_form(client, daily, weekly):
    NewsletterFactory(name="Retired Letter", active=False)
    html = client.get("/newsletters/").content.decode()
    assert "The Daily Brief" in html and "Weekly Europe" in html
    assert "Every weekday" in html
    assert "Retired Letter" not in html
    assert 'action="/newsletters/signup/"' in html and 'name="email"' in html


def test_the_footer_field_carries_the_address_to_the_page(client, daily):
    html = client.get("/").content.decode()
    assert 'action="/newsletters/"' in html
    html = client.get("/newsletters/?email=ana@example.org").content.decode()
    assert 'value="ana@example.org"' in html


def test_signing_up_mails_a_link_and_stores_nothing_until_it_is_followed(client, daily, weekly):
    response = client.post(
        "/newsletters/signup/", {"email": "Ana@Example.org", "newsletters": [daily.pk, weekly.pk]}
    )
    assert response.status_code == 302
    assert response["Location"] == "/newsletters/signup/sent/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Ana@Example.org"]
    assert "The Daily Brief" in mail.outbox[0].body
    assert not Recipient.objects.exists()

    link = confirmation_link(mail.outbox[0]).removeprefix("http://localhost:8000")
    page = client.get(link)
    assert page.status_code == 200
    assert "ana@example.org" in page.content.decode()
    assert not Recipient.objects.exists(), (
        "opening the link (as a mail scanner does) signs no one up"
    )

    done = client.post(link)
    assert done.status_code == 200
    assert "You are signed up" in done.content.decode()
    recipient = Recipient.objects.get()
    assert recipient.email == "ana@example.org" and recipient.confirmed_at is not None
    assert set(recipient.newsletters.all()) == {daily, weekly}
    assert len(mail.outbox) == 1, "nothing but the confirmation is sent before it is confirmed"


def test_confirming_twice_changes_nothing(client, daily):
    client.post("/newsletters/signup/", {"email": "ana@example.org", "newsletters": [daily.pk]})
    link = confirmation_link(mail.outbox[0]).removeprefix("http://localhost:8000")
    client.post(link)
    client.post(link)
    assert Signup.objects.count() == 1


def test_an_expired_or_forged_link_says_so_and_signs_no_one_up(client, daily, settings):
    client.post("/newsletters/signup/", {"email": "ana@example.org", "newsletters": [daily.pk]})
    link = confirmation_link(mail.outbox[0]).removeprefix("http://localhost:8000")
    later = __import__("time").time() + (settings.NEWSLETTER_CONFIRM_DAYS * 86400 + 60)
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = client.post(link)
    assert expired.status_code == 400
    assert "This link has expired" in expired.content.decode()
    forged = client.post(link[:-3] + "xx/")
    assert forged.status_code == 400
    assert not Recipient.objects.exists()


def test_a_refused_form_keeps_the_address_and_the_choices(client, daily, weekly):
    response = client.post("/newsletters/signup/", {"email": "ana@", "newsletters": [weekly.pk]})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="ana@"' in html
    assert re.search(rf'value="{weekly.pk}"[^>]*checked', html)
    assert not re.search(rf'value="{daily.pk}"[^>]*checked', html)
    assert "Enter a valid email address" in html

    none_chosen = client.post("/newsletters/signup/", {"email": "ana@example.org"})
    assert none_chosen.status_code == 400
    assert "Choose at least one newsletter." in none_chosen.content.decode()
    assert 'value="ana@example.org"' in none_chosen.content.decode()
    assert mail.outbox == []


def test_sign_ups_are_rate_limited_per_client(client, daily, settings):
    settings.RATE_LIMITS = {"newsletter_signup": "2/h/address"}
    for _ in range(2):
        client.post("/newsletters/signup/", {"email": "ana@example.org", "newsletters": [daily.pk]})
    third = client.post(
        "/newsletters/signup/", {"email": "b@example.org", "newsletters": [daily.pk]}
    )
    assert third.status_code == 429
    assert len(mail.outbox) == 2


def test_the_account_page_shows_and_saves_a_members_newsletters(client, daily, weekly):
    member = MemberFactory(email="priya@example.org")
    client.force_login(member)
    html = client.get("/accounts/profile/").content.decode()
    assert 'id="newsletters-heading"' in html
    assert "The Daily Brief" in html

    response = client.post("/newsletters/preferences/", {"newsletters": [weekly.pk]})
    assert response.status_code == 302
    recipient = Recipient.objects.get(member=member)
    assert recipient.email == "priya@example.org" and recipient.reachable
    assert list(recipient.newsletters.all()) == [weekly]
    assert mail.outbox == [], "the account's address is already confirmed"

    html = client.get("/accounts/profile/").content.decode()
    assert re.search(rf'value="{weekly.pk}"[^>]*checked', html)
    assert not re.search(rf'value="{daily.pk}"[^>]*checked', html)

    client.post("/newsletters/preferences/", {})
    assert not recipient.newsletters.exists()


def test_an_address_that_signed_up_becomes_the_member_who_registers_with_it(client, daily):
    recipient = RecipientFactory(email="ana@example.org", newsletters=[daily])
    client.post(
        "/accounts/signup/",
        {
            "email": "Ana@example.org",
            "password1": "a-long-reading-lamp",
            "password2": "a-long-reading-lamp",
            "display_name": "Ana",
        },
    )
    member = EmailAddress.objects.get(email__iexact="ana@example.org").user
    recipient.refresh_from_db()
    assert recipient.member is None, "not before the account's address is confirmed"
    key = re.search(r"/accounts/confirm-email/([-:\w]+)/", mail.outbox[-1].body).group(1)
    client.post(f"/accounts/confirm-email/{key}/")
    recipient.refresh_from_db()
    assert recipient.member == member
    client.force_login(member)
    html = client.get("/accounts/profile/").content.decode()
    assert re.search(rf'value="{daily.pk}"[^>]*checked', html)


def test_the_preferences_need_a_log_in(client, daily):
    response = client.post("/newsletters/preferences/", {"newsletters": [daily.pk]})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Recipient.objects.exists()
