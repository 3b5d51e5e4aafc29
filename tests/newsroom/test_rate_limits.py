"""Rate limits: log-in, sign-up, password reset and comment posting per account and per
address, and a generous one on search, answered with 429, Retry-After and a readable page."""

import pytest
from allauth.account.models import EmailAddress
from django.test import RequestFactory

import newsroom.settings as production
from comments.models import Comment
from tests.factories import ArticleFactory, MemberFactory, SubscriptionFactory
from web import ratelimit

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-reading-lamp"


@pytest.fixture(autouse=True)
def real_limits(settings, monkeypatch):
    """The limits production runs with (tests/conftest.py lifts them for other tests), at
    a clock held still inside one window."""
    settings.RATE_LIMITS = production.RATE_LIMITS
    settings.ACCOUNT_RATE_LIMITS = production.ACCOUNT_RATE_LIMITS
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    now = [1_800_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    return now


def assert_readable_429(response, *words):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    for word in words:
        assert word in html
    return html


# --- Search -----------------------------------------------------------------------------------


def test_search_allows_a_generous_pace_per_address(client, real_limits):
    for _ in range(240):
        assert client.get("/search/", {"q": "quiet"}).status_code == 200
    html = assert_readable_429(client.get("/search/", {"q": "quiet"}), "Please slow down")
    assert 'class="masthead' in html  # in our look
    # Another address is not affected; the same one may search again in the next minute.
    assert client.get("/search/", {"q": "quiet"}, REMOTE_ADDR="203.0.113.9").status_code == 200
    real_limits[0] += 60
    assert client.get("/search/", {"q": "quiet"}).status_code == 200


def test_a_burst_split_across_a_minutes_boundary_is_still_limited(client, real_limits):
    real_limits[0] = 1_800_000_000.0 + 59  # the last second of a clock minute
    for _ in range(240):
        assert client.get("/search/", {"q": "quiet"}).status_code == 200
    real_limits[0] += 2  # the first seconds of the next minute
    response = client.get("/search/", {"q": "quiet"})
    assert_readable_429(response, "Please slow down")
    # Once the burst has slid out of the last minute, the reader searches again.
    assert int(response["Retry-After"]) <= 60
    real_limits[0] += int(response["Retry-After"])
    assert client.get("/search/", {"q": "quiet"}).status_code == 200


def test_the_limits_are_at_least_what_the_newsroom_promises():
    (search,) = ratelimit.parse_rates(production.RATE_LIMITS["search"])
    assert search.per == "address" and search.amount * 60 / search.seconds >= 120
    assert {rate.per for rate in ratelimit.parse_rates(production.RATE_LIMITS["comment"])} == {
        "address",
        "account",
    }


# --- Comments ---------------------------------------------------------------------------------


def subscriber(email):
    member = MemberFactory(email=email)
    SubscriptionFactory(member=member)
    return member


def post(client, article, body, **extra):
    return client.post(f"/comments/articles/{article.slug}/", {"body": body}, **extra)


def refused_in_place(client, response, *words):
    """A comment over a limit is not answered with the 429 page: it is sent back to its form
    on the article page (303 See Other, so a reload does not post it again), with the reason
    and the text kept."""
    assert response.status_code == 303
    url, anchor = response["Location"].split("#")
    assert anchor == "new-comment"
    html = client.get(url).content.decode()
    for word in words:
        assert word in html
    return html


def test_comment_posting_is_limited_per_account_and_keeps_the_text(client):
    article = ArticleFactory()
    client.force_login(subscriber("priya@test.example"))
    for n in range(12):
        assert post(client, article, f"Remark {n}.").status_code == 302
    response = post(client, article, "One remark too many, kept for later.")
    html = refused_in_place(client, response, "One remark too many, kept for later.", "Please wait")
    assert "posted a lot of comments" in html
    assert Comment.objects.filter(article=article).count() == 12


def test_comment_posting_is_limited_per_address_across_accounts(client):
    article = ArticleFactory()
    for n in range(2):
        client.force_login(subscriber(f"reader{n}@test.example"))
        for m in range(10):
            assert post(client, article, f"Remark {n}-{m}.").status_code == 302
    client.force_login(subscriber("third@test.example"))
    refused_in_place(
        client, post(client, article, "From the same office."), "From the same office."
    )
    # The same reader from another address is still heard.
    assert post(client, article, "From home.", REMOTE_ADDR="198.51.100.4").status_code == 302


# --- Accounts (django-allauth's limits, answered with our page) -------------------------------


def test_log_in_attempts_are_limited_per_address(client):
    for n in range(30):
        client.post("/accounts/login/", {"login": f"nobody{n}@test.example", "password": "x"})
    response = client.post("/accounts/login/", {"login": "late@test.example", "password": "x"})
    assert_readable_429(response, "Please slow down")


def reader_with_password(email="priya@test.example", **extra):
    member = MemberFactory(email=email, password=PASSWORD, **extra)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


ATTACKER = "203.0.113.66"
READERS_HOME = "198.51.100.7"


def test_failed_log_ins_lock_the_account_only_from_the_address_that_failed(client):
    member = reader_with_password()
    # Case and spaces of the address typed count against the same lock.
    for typed in ["priya@test.example", "PRIYA@test.example", " Priya@Test.Example "] * 2:
        client.post("/accounts/login/", {"login": typed, "password": "wrong"}, REMOTE_ADDR=ATTACKER)
    locked = client.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER
    )
    html = assert_readable_429(locked, "Too many failed login attempts")
    assert 'value="priya@test.example"' in html  # the form, with what was typed
    assert locked["Retry-After"] == "300"
    assert not locked.wsgi_request.user.is_authenticated

    # The reader, at home, is not locked out by the stranger.
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}, REMOTE_ADDR=READERS_HOME
    )
    assert response.status_code == 302
    assert response.wsgi_request.user == member


def test_failed_log_ins_are_limited_per_address_across_accounts(client):
    member = reader_with_password()
    for n in range(10):
        client.post(
            "/accounts/login/",
            {"login": f"sprayed{n}@test.example", "password": "wrong"},
            REMOTE_ADDR=ATTACKER,
        )
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER
    )
    assert_readable_429(response, "Too many failed login attempts")
    assert not response.wsgi_request.user.is_authenticated


def admin_log_in(client, email, password, address=ATTACKER):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": email, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_the_newsroom_log_in_is_locked_after_failed_attempts_even_for_the_right_password(client):
    editor = reader_with_password("editor@test.example", is_staff=True)
    for _ in range(15):
        admin_log_in(client, editor.email, "wrong")
    response = admin_log_in(client, editor.email, PASSWORD)
    html = assert_readable_429(response, "Please slow down", "too many failed log-in attempts")
    assert 'class="masthead' in html  # our page
    assert response["Retry-After"] == "300"
    assert not response.wsgi_request.user.is_authenticated
    # From the editor's own desk, the right password still works.
    assert admin_log_in(client, editor.email, PASSWORD, READERS_HOME).status_code == 302


def test_failures_at_either_log_in_form_count_against_the_same_lock(client):
    editor = reader_with_password("editor@test.example", is_staff=True)
    for _ in range(3):
        admin_log_in(client, editor.email, "wrong")
    for _ in range(2):
        client.post(
            "/accounts/login/", {"login": editor.email, "password": "wrong"}, REMOTE_ADDR=ATTACKER
        )
    assert admin_log_in(client, editor.email, PASSWORD).status_code == 429


def test_newsroom_log_in_attempts_are_limited_per_address(client):
    for n in range(30):
        admin_log_in(client, f"nobody{n}@test.example", "x")
    assert_readable_429(admin_log_in(client, "late@test.example", "x"), "Please slow down")


def test_sign_ups_are_limited_per_address(client):
    for n in range(20):
        client.post("/accounts/signup/", {"email": f"new{n}@test.example"})
    response = client.post("/accounts/signup/", {"email": "one.more@test.example"})
    assert_readable_429(response, "Please slow down")


def test_password_resets_are_limited_per_account(client):
    MemberFactory(email="priya@test.example")
    for n in range(5):
        response = client.post(
            "/accounts/password/reset/",
            {"email": "priya@test.example"},
            REMOTE_ADDR=f"203.0.113.{n + 1}",
        )
        assert response.status_code == 302
    response = client.post(
        "/accounts/password/reset/", {"email": "priya@test.example"}, REMOTE_ADDR="203.0.113.50"
    )
    assert_readable_429(response, "Please slow down")


# --- The client's address -----------------------------------------------------------------------


def request_from(remote, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


def test_without_trusted_proxies_the_address_is_the_sockets(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_address(request_from("192.0.2.1", "203.0.113.7")) == "192.0.2.1"


def test_behind_trusted_proxies_the_address_is_the_rightmost_untrusted_entry(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forged_then_real = request_from("10.0.0.2", "6.6.6.6, 203.0.113.7")
    assert ratelimit.client_address(forged_then_real) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 2
    via_cdn = request_from("10.0.0.2", "6.6.6.6, 203.0.113.7, 198.51.100.1")
    assert ratelimit.client_address(via_cdn) == "203.0.113.7"


def test_a_request_that_skipped_the_proxies_is_counted_by_its_socket(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert ratelimit.client_address(request_from("192.0.2.1", "203.0.113.7")) == "192.0.2.1"


def test_allauth_counts_the_same_address(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from("10.0.0.2", "6.6.6.6, 203.0.113.7")
    assert get_adapter().get_client_ip(request) == "203.0.113.7"


def test_ipv6_clients_are_counted_per_block(client):
    article = ArticleFactory()
    client.force_login(subscriber("priya@test.example"))
    for n in range(20):
        client.logout()
        client.force_login(subscriber(f"v6-{n}@test.example"))
        address = f"2001:db8:1:2::{n + 1:x}"
        assert post(client, article, f"Remark {n}.", REMOTE_ADDR=address).status_code == 302
    refused = post(client, article, "Same block.", REMOTE_ADDR="2001:db8:1:2:ffff::1")
    refused_in_place(client, refused, "posted a lot of comments", "Same block.")


def test_when_the_cache_cannot_count_readers_are_let_through(client, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "incr", down)
    monkeypatch.setattr(cache, "add", down)
    for _ in range(250):
        assert client.get("/search/").status_code == 200


def test_rates_are_read_as_written():
    assert ratelimit.parse_rates("20/10m/address, 12/h/account") == [
        ratelimit.Rate(20, 600, "address"),
        ratelimit.Rate(12, 3600, "account"),
    ]
    with pytest.raises(ValueError):
        ratelimit.parse_rates("20 per minute")
