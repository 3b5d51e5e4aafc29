"""Settings come from the environment; /healthz tells whether the site can serve."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def settings_under(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    """Evaluate ``expression`` against newsroom.settings in a clean process with ``env``."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    code = f"import json, newsroom.settings as s; print(json.dumps({expression}))"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_environment_gives_the_embedded_default():
    result = settings_under(
        {},
        "[s.DEBUG, s.DATABASES['default']['ENGINE'], "
        "s.CACHES['default']['BACKEND'], str(s.MEDIA_ROOT)]",
    )
    debug, engine, cache, media = json.loads(result.stdout)
    assert debug is True
    assert engine == "django.db.backends.sqlite3"
    assert cache.endswith("LocMemCache")
    assert media == str(ROOT / "media")


def test_database_and_redis_are_switched_on_by_their_variables():
    result = settings_under(
        {"DATABASE_URL": "postgres://u@db.example:5432/news", "REDIS_URL": "redis://r:6379/1"},
        "[s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.CACHES['default']['BACKEND']]",
    )
    engine, name, cache = json.loads(result.stdout)
    assert engine == "django.db.backends.postgresql"
    assert name == "news"
    assert cache == "web.cache.ResilientRedisCache"  # Django's, surviving outages


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_under({"DEBUG": "false", "ALLOWED_HOSTS": "news.example"}, "s.DEBUG")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_uses_its_own_key_hosts_and_hashed_static_files():
    result = settings_under(
        {"DEBUG": "false", "SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "news.example,cdn.example"},
        "[s.DEBUG, s.SECRET_KEY, s.ALLOWED_HOSTS, s.STORAGES['staticfiles']['BACKEND']]",
    )
    debug, key, hosts, static = json.loads(result.stdout)
    assert (debug, key, hosts) == (False, "k" * 50, ["news.example", "cdn.example"])
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.mark.django_db
def test_healthz_says_database_and_cache_are_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_names_the_part_that_is_down(client, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
def test_a_server_error_shows_our_apology_and_never_a_traceback(client, monkeypatch):
    from articles.views import HomeView

    def explode(self, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(HomeView, "get_context_data", explode)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text


def test_favicon_requests_find_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
