"""Faults: the database or the cache goes away, readers get a clear answer, and the site
comes back by itself when the service returns — no restart."""

import contextlib
import json

import pytest
from django.db import OperationalError, connection

from tests.factories import ActorFactory, ArticleFactory, MemberFactory

from .services import RedisServer, TcpProxy, WsgiServer

PAGES = ["/", "/actors/", "/sources/", "/search/?q=channel", "/accounts/login/", "/no-such-page/"]


def refuse(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def assert_friendly_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert "We will be back in a moment" in text
    assert "Traceback" not in text and "OperationalError" not in text


# --- The database -----------------------------------------------------------------------


@pytest.mark.django_db
def test_every_page_answers_a_friendly_503_while_the_database_refuses(client):
    article = ArticleFactory(headline="The quiet channel")
    client.raise_request_exception = False
    with connection.execute_wrapper(refuse):
        for url in [*PAGES, article.get_absolute_url()]:
            assert_friendly_503(client.get(url))
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_logged_in_reader_gets_the_503_too_and_is_still_logged_in_after(client):
    member = MemberFactory()
    client.force_login(member)
    client.raise_request_exception = False
    with connection.execute_wrapper(refuse):
        assert_friendly_503(client.get("/accounts/profile/"))
    response = client.get("/accounts/profile/")
    assert response.status_code == 200
    assert member.email in response.content.decode()


@pytest.mark.django_db
def test_healthz_names_the_database_when_it_is_down(client):
    with connection.execute_wrapper(refuse):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}


@pytest.mark.django_db
def test_the_503_page_is_drawn_without_the_database(client, django_assert_num_queries):
    from web.outages import service_unavailable

    with django_assert_num_queries(0):
        response = service_unavailable()
    assert response.status_code == 503


@pytest.fixture
def database_through_a_proxy():
    """The app's connection to PostgreSQL, routed through a proxy the test can cut."""
    if connection.vendor != "postgresql":
        pytest.skip("stopping the database needs PostgreSQL (CI's PostgreSQL pass runs it)")
    original = dict(connection.settings_dict)
    proxy = TcpProxy(original["HOST"] or "127.0.0.1", int(original["PORT"] or 5432)).start()
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(proxy.port))
    try:
        yield proxy
    finally:
        with contextlib.suppress(Exception):
            proxy.stop()
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)


@pytest.mark.django_db(transaction=True)
def test_postgresql_stopped_gives_503_and_service_resumes_without_a_restart(
    database_through_a_proxy,
):
    proxy = database_through_a_proxy
    server = WsgiServer()
    article = ArticleFactory(headline="The quiet channel")
    unread = ArticleFactory(headline="Not read before the outage")
    assert server.get(article.get_absolute_url()).status == 200
    assert connection.connection is not None  # kept open between requests (CONN_MAX_AGE)

    proxy.stop()
    for url, query in [(unread.get_absolute_url(), ""), ("/", ""), ("/search/", "q=quiet")]:
        served = server.get(url, query)
        assert served.status == 503, url
        assert served.headers["Retry-After"] == "30"
        assert "We will be back in a moment" in served.text
        assert "Traceback" not in served.text
    # A piece read before the outage is drawn from what the cache keeps: no query at all.
    served = server.get(article.get_absolute_url())
    assert served.status == 200 and "The quiet channel" in served.text
    health = server.get("/healthz")
    assert health.status == 503
    assert json.loads(health.text)["database"] == "unavailable"

    proxy.start()
    served = server.get(article.get_absolute_url())
    assert served.status == 200
    assert "The quiet channel" in served.text
    assert json.loads(server.get("/healthz").text) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
    }


# --- Redis ------------------------------------------------------------------------------


def redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "web.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "newsroom-test",
            # Try the server again at once after a failure: the tests need not wait.
            "OPTIONS": {"RETRY_SECONDS": 0},
        }
    }


@pytest.fixture
def redis(settings, tmp_path):
    server = RedisServer(tmp_path).start()
    settings.CACHES = redis_cache(server.url)
    settings.PAGE_CACHE = True
    yield server
    server.stop()


@pytest.fixture
def redis_through_a_proxy(settings, tmp_path):
    server = RedisServer(tmp_path).start()
    proxy = TcpProxy("127.0.0.1", server.port).start()
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{proxy.port}/0")
    yield proxy
    with contextlib.suppress(Exception):
        proxy.stop()
    server.stop()


@pytest.mark.django_db
def test_the_site_keeps_serving_while_redis_is_down_and_uses_it_again_when_it_returns(
    client, redis
):
    article = ArticleFactory(headline="The quiet channel")
    url = article.get_absolute_url()
    assert client.get(url)["X-Reader-Cache"] == "miss"
    assert client.get(url)["X-Reader-Cache"] == "hit"

    redis.stop()
    for page in [url, "/", "/actors/", "/actors/graph/", "/search/?q=quiet"]:
        response = client.get(page)
        assert response.status_code == 200, page
        assert response.get("X-Reader-Cache") != "hit"
    # Changes that bump cached versions (reader cache, actor graph, mention index) go on.
    ActorFactory(name="Robert Fico")
    article.headline = "The quiet channel, revisited"
    article.save()
    assert "revisited" in client.get(url).content.decode()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}

    redis.start()
    assert client.get("/healthz").status_code == 200
    assert client.get(url)["X-Reader-Cache"] == "miss"
    response = client.get(url)
    assert response["X-Reader-Cache"] == "hit"
    assert "revisited" in response.content.decode()


@pytest.mark.django_db
def test_a_logged_in_reader_stays_logged_in_through_a_redis_outage(client, redis):
    member = MemberFactory()
    client.force_login(member)
    assert client.get("/accounts/profile/").status_code == 200
    redis.stop()
    response = client.get("/accounts/profile/")
    assert response.status_code == 200
    assert member.email in response.content.decode()
    redis.start()  # empty: the session comes back from the database
    response = client.get("/accounts/profile/")
    assert response.status_code == 200
    assert member.email in response.content.decode()


@pytest.mark.django_db
def test_readers_can_log_in_while_redis_is_down(client, redis):
    from allauth.account.models import EmailAddress

    member = MemberFactory(email="priya@test.example", password="a-long-reading-lamp")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    redis.stop()
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": "a-long-reading-lamp"}
    )
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_a_log_out_during_an_outage_is_not_undone_when_redis_returns(client, redis_through_a_proxy):
    from django.test import Client

    client.force_login(MemberFactory())
    assert client.get("/accounts/profile/").status_code == 200
    old_session = client.cookies["sessionid"].value

    redis_through_a_proxy.stop()  # unreachable, but its copy of the session lives on
    client.post("/accounts/logout/")
    redis_through_a_proxy.start()

    thief = Client()
    thief.cookies["sessionid"] = old_session
    response = thief.get("/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_writes_lost_to_an_outage_never_leave_an_old_value_behind(redis_through_a_proxy):
    from django.core.cache import cache

    cache.set("graph-version", "before")
    redis_through_a_proxy.stop()
    cache.set("graph-version", "after")  # lost
    assert cache.get("graph-version") is None  # a miss, not an error
    redis_through_a_proxy.start()
    assert cache.get("graph-version") is None  # not "before"
    cache.set("graph-version", "after")
    assert cache.get("graph-version") == "after"


def test_a_dead_redis_is_tried_again_only_after_a_pause(monkeypatch):
    from web import cache as resilient

    now = [1000.0]
    monkeypatch.setattr(resilient.time, "monotonic", lambda: now[0])
    backend = resilient.ResilientRedisCache(
        "redis://127.0.0.1:9/0", {"OPTIONS": {"RETRY_SECONDS": 5}}
    )
    attempts = []
    real_client = type(backend._cache).get

    def counted(self, *args, **kwargs):
        attempts.append(1)
        return real_client(self, *args, **kwargs)

    monkeypatch.setattr(type(backend._cache), "get", counted)
    assert backend.get("a", "fallback") == "fallback"
    assert backend.get("b", "fallback") == "fallback"
    assert len(attempts) == 1
    now[0] += 6
    assert backend.get("c", "fallback") == "fallback"
    assert len(attempts) == 2
