import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.factories import (
    ActorAliasFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    SourceFactory,
    StaffFactory,
    image_file,
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test land in its own folder, never in ./media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Queued tasks run where they are queued; the worker's own tests start real workers."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """Tests send many requests from one address; the limits have their own tests
    (tests/newsroom/test_rate_limits.py), which set them back."""
    settings.RATE_LIMITS = {}


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return StaffFactory(email="editor@test.example", group="Editors")


@pytest.fixture
def writer(db):
    return StaffFactory(email="writer@test.example", group="Writers")


@pytest.fixture
def other_writer(db):
    return StaffFactory(email="other.writer@test.example", group="Writers")


@pytest.fixture
def moderator(db):
    return StaffFactory(email="moderator@test.example", group="Moderators")


@pytest.fixture
def people(db):
    """One member per role of the access matrix (``tests/roles.py``); anonymous is None."""
    from tests.roles import make_people

    return make_people()


@pytest.fixture
def client_as(client, people):
    """The test client logged in as the named role (or left anonymous)."""

    def log_in(role: str):
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return log_in


@pytest.fixture
def every_page_kind(db, client):
    """The HTML of one page of every public kind (and the 404 page), as served."""
    article = ArticleFactory(headline="Orbán and Fico: the quiet channel", featured=True)
    article.lead_image.save("lead.jpg", image_file(), save=False)
    article.lead_image_caption = "Two leaders pose during a visit to Bratislava."
    article.lead_image_alt = "Two men shake hands in front of flags."
    source = SourceFactory(name="Central Broadcaster")
    article.lead_image_credit_source = source
    article.save()
    article.tags.add("back channels", "Central Europe")
    author = AuthorFactory(byline="Martin Halloway", title="Editor-in-Chief")
    BylineFactory(article=article, author=author)
    link = ArticleActorFactory(article=article, role="main")
    ActorAliasFactory(actor=link.actor, name="The Minister")
    ArticleActorFactory(article=article, actor__kind="state", actor__name="Hungary")
    CitationFactory(article=article, source=source, url="https://example.org/r", note="July")
    urls = [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        "/tags/back-channels/",
        author.get_absolute_url(),
        "/actors/",
        link.actor.get_absolute_url(),
        "/sources/",
        source.get_absolute_url(),
        "/articles/no-such-piece/",
    ]
    return {url: client.get(url) for url in urls}


@pytest.fixture
def clock(monkeypatch):
    """Django's clock, held still and moved by hand: ``clock.advance(minutes=15)``."""
    import datetime

    from django.utils import timezone

    class Clock:
        now = timezone.now()

        def advance(self, **delta):
            self.now += datetime.timedelta(**delta)

        def set(self, moment):
            self.now = moment

    held = Clock()
    monkeypatch.setattr("django.utils.timezone.now", lambda: held.now)
    return held


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    """The demo (``seed_demo``), loaded once for a module and rolled back after it (each
    test's own changes roll back to this point). A module using it points MEDIA_ROOT at
    ``demo_media`` for its tests."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=demo_media,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        transaction.atomic(),
    ):
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
