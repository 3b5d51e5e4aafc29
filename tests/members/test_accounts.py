"""Readers' accounts (django-allauth): sign-up with a confirmed address, log-in by e-mail
that returns to the article, log-out, password reset, the account page; all private."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from members.models import Member
from tests.factories import ArticleFactory, MemberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-reading-lamp"


def verified(email="priya@test.example", **extra):
    member = MemberFactory(email=email, password=PASSWORD, **extra)
    EmailAddress.objects.create(user=member, email=email, verified=True, primary=True)
    return member


def test_login_page_has_the_login_and_password_fields_and_a_submit_button(client):
    html = client.get("/accounts/login/").content.decode()
    assert re.search(r'<input[^>]+name="login"', html)
    assert re.search(r'<input[^>]+name="password"', html)
    assert '<button class="button" type="submit">Log in</button>' in html
    assert "The Meridian Review" in html  # our masthead, not allauth's bare page


def test_logging_in_with_next_returns_the_reader_to_the_article(client):
    verified()
    article = ArticleFactory()
    response = client.post(
        f"/accounts/login/?next={article.get_absolute_url()}",
        {"login": "Priya@Test.example", "password": PASSWORD, "next": article.get_absolute_url()},
    )
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert client.get(article.get_absolute_url()).wsgi_request.user.email == "priya@test.example"


def test_a_wrong_password_is_refused_in_our_words(client):
    verified()
    response = client.post("/accounts/login/", {"login": "priya@test.example", "password": "no"})
    assert response.status_code == 200
    assert 'class="form-error"' in response.content.decode()


def test_repeated_failed_log_ins_lock_the_address_for_a_while(client):
    verified()
    for _ in range(5):
        client.post("/accounts/login/", {"login": "priya@test.example", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"login": "priya@test.example", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_signing_up_asks_for_a_display_name_and_confirms_the_address_before_log_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new.reader@test.example",
            "display_name": "New Reader",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    member = Member.objects.get(email="new.reader@test.example")
    assert member.display_name == "New Reader"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "The Meridian Review: Confirm your e-mail address"
    link = re.search(r"http://testserver(/accounts/confirm-email/[^\s]+)", message.body).group(1)

    # Not confirmed yet: logging in sends the reader to confirm instead.
    other = Client()
    attempt = other.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert attempt["Location"] == "/accounts/confirm-email/"

    assert "Confirm your e-mail address" in client.get(link).content.decode()
    client.post(link)
    assert EmailAddress.objects.get(user=member).verified
    logged = Client().post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert logged.status_code == 302 and logged["Location"] == "/accounts/profile/"


@pytest.fixture
def hashes(monkeypatch):
    """How many passwords were hashed: the expensive step of a sign-up, counted instead of
    timed so the comparison cannot flake."""
    from django.contrib.auth.hashers import get_hasher

    hasher = type(get_hasher("default"))
    calls = []
    encode = hasher.encode

    def counted(self, password, salt, *args, **kwargs):
        calls.append(password)
        return encode(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(hasher, "encode", counted)
    return calls


def sign_up(client, email, display_name):
    return client.post(
        "/accounts/signup/",
        {
            "email": email,
            "display_name": display_name,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_signing_up_with_a_registered_address_costs_the_same_as_with_a_new_one(client, hashes):
    verified("priya@test.example", display_name="Priya")
    hashes.clear()

    new = sign_up(client, "new.reader@test.example", "New Reader")
    work_for_a_new_address = (len(hashes), len(mail.outbox))
    hashes.clear()
    mail.outbox.clear()
    registered = sign_up(Client(), "Priya@Test.example", "Someone Else")
    work_for_a_registered_address = (len(hashes), len(mail.outbox))

    assert work_for_a_new_address[0] >= 1
    assert work_for_a_registered_address == work_for_a_new_address
    assert (new.status_code, new["Location"]) == (registered.status_code, registered["Location"])
    assert Member.objects.filter(email__iexact="priya@test.example").count() == 1
    assert "already" in mail.outbox[0].body.lower()  # the owner is told, nobody else


def test_password_reset_sends_a_link_in_our_words(client):
    verified()
    client.post("/accounts/password/reset/", {"email": "priya@test.example"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "The Meridian Review: Choose a new password"
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_log_out_is_a_post_and_returns_to_the_page(client):
    member = verified()
    client.force_login(member)
    assert client.get("/accounts/logout/").status_code == 200  # a question, not an action
    assert client.get("/").wsgi_request.user.is_authenticated
    response = client.post("/accounts/logout/", {"next": "/sections/diplomacy/"})
    assert response["Location"] == "/sections/diplomacy/"
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_account_page_shows_name_email_and_subscription_and_saves_the_name(client):
    member = verified(display_name="Priya")
    SubscriptionFactory(member=member, plan__name="Annual")
    client.force_login(member)
    html = client.get("/accounts/profile/").content.decode()
    assert 'value="Priya"' in html
    assert "priya@test.example" in html
    assert "Annual" in html and "Paid until" in html

    response = client.post("/accounts/profile/", {"display_name": "  Priya   R. "})
    assert response["Location"] == "/accounts/profile/"
    member.refresh_from_db()
    assert member.display_name == "Priya R."
    assert "Your display name is saved." in client.get("/accounts/profile/").content.decode()


def test_account_page_of_a_reader_without_subscription_points_to_the_plans(client):
    client.force_login(verified())
    html = client.get("/accounts/profile/").content.decode()
    assert "You have no subscription." in html
    assert 'href="/subscribe/"' in html


def test_account_page_asks_anonymous_visitors_to_log_in(client):
    response = client.get("/accounts/profile/")
    assert response["Location"] == "/accounts/login/?next=/accounts/profile/"


@pytest.mark.parametrize(
    "url", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
)
def test_account_pages_are_never_cached_and_set_the_cookies_their_forms_need(client, url):
    response = client.get(url)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "csrftoken" in response.cookies


def test_the_account_page_is_never_cached(client):
    client.force_login(verified())
    response = client.get("/accounts/profile/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_logging_in_sets_the_session_cookie_named_sessionid(client):
    verified()
    response = client.post(
        "/accounts/login/", {"login": "priya@test.example", "password": PASSWORD}
    )
    assert "sessionid" in response.cookies


def test_the_admin_keeps_its_own_log_in(client):
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_masthead_is_the_same_for_everyone_and_carries_no_token(client):
    first = Client().get("/").content.decode()
    second = Client().get("/").content.decode()
    masthead = first.split('<nav class="account-nav"', 1)[1].split("</nav>", 1)[0]
    assert masthead == second.split('<nav class="account-nav"', 1)[1].split("</nav>", 1)[0]
    assert "Log in" in masthead and 'href="/subscribe/"' in masthead
    assert "csrfmiddlewaretoken" not in first


def test_logged_in_masthead_links_the_account_and_logs_out_by_post(client):
    client.force_login(verified())
    html = client.get("/").content.decode()
    masthead = html.split('<nav class="account-nav"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/accounts/profile/"' in masthead
    assert re.search(
        r'<form class="account-nav__logout" method="post" action="/accounts/logout/">', masthead
    )
    assert "csrfmiddlewaretoken" in masthead
