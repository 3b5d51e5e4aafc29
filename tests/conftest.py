import pytest

from tests.factories import StaffFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test land in its own folder, never in ./media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
