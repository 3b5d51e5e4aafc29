"""Whole pages for anonymous readers: stored, served, and fresh again as soon as they change."""

import pytest

from tests.factories import ActorFactory, ArticleActorFactory, ArticleFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_second_anonymous_request_is_served_from_the_cache(client):
    article = ArticleFactory(headline="Cached piece")
    assert get(client, article.get_absolute_url())["X-Reader-Cache"] == "miss"
    response = get(client, article.get_absolute_url())
    assert response["X-Reader-Cache"] == "hit"
    assert "Cached piece" in response.text


def test_cached_pages_tell_a_cdn_it_may_keep_them_and_set_no_cookie(client):
    get(client, "/")
    response = get(client, "/")
    control = response["Cache-Control"]
    assert "public" in control and "s-maxage=" in control and "stale-while-revalidate" in control
    assert not response.cookies and "Set-Cookie" not in response.headers


def test_an_edit_shows_on_the_next_anonymous_request(client):
    article = ArticleFactory(headline="First wording")
    get(client, article.get_absolute_url())
    get(client, "/")
    article.headline = "Second wording"
    article.save()
    assert "Second wording" in get(client, article.get_absolute_url()).text
    assert "Second wording" in get(client, "/").text


def test_a_page_stored_while_an_edit_was_being_saved_is_redrawn_once_the_edit_commits(
    client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline="First wording")
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Second wording"
        article.save()
        # Another reader's request, drawn before the save is visible to everyone.
        get(client, article.get_absolute_url())
    assert get(client, article.get_absolute_url())["X-Reader-Cache"] == "miss"


def test_editing_one_article_leaves_the_other_pages_cached(client):
    edited, untouched = ArticleFactory(), ArticleFactory()
    get(client, untouched.get_absolute_url())
    edited.dek = "A new standfirst."
    edited.save()
    assert get(client, untouched.get_absolute_url())["X-Reader-Cache"] == "hit"


def test_unpublishing_answers_404_on_the_next_request(client):
    article = ArticleFactory()
    get(client, article.get_absolute_url())
    article.status = "draft"
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_renaming_an_actor_refreshes_the_pages_that_show_it(client):
    link = ArticleActorFactory(actor=ActorFactory(name="Old Name"))
    url = link.article.get_absolute_url()
    get(client, url)
    link.actor.name = "New Name"
    link.actor.save()
    assert "New Name" in get(client, url).text


def test_a_new_visible_comment_updates_the_count(client):
    from comments.models import Comment

    article = ArticleFactory()
    assert "0 comments" in get(client, article.get_absolute_url()).text
    Comment.objects.create(article=article, member=MemberFactory(), body="A first thought.")
    assert "1 comment" in get(client, article.get_absolute_url()).text


def test_logged_in_readers_are_never_served_or_stored_a_cached_page(client):
    article = ArticleFactory()
    get(client, article.get_absolute_url())  # stored for anonymous readers
    client.force_login(MemberFactory())
    response = get(client, article.get_absolute_url())
    assert response.get("X-Reader-Cache") is None
    assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert get(client, article.get_absolute_url())["X-Reader-Cache"] == "hit"


def test_pages_are_served_when_the_cache_is_down(client, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    article = ArticleFactory(headline="Still readable")
    for method in ("get", "set", "get_many", "set_many"):
        monkeypatch.setattr(cache, method, down)
    assert "Still readable" in get(client, article.get_absolute_url()).text


def test_renaming_a_section_shows_in_the_navigation_at_once(client):
    from tests.factories import SectionFactory

    section = SectionFactory(name="Diplomacy")
    assert "Diplomacy" in get(client, "/").text
    section.name = "Statecraft"
    section.save()
    assert "Statecraft" in get(client, "/").text


# --- A stored page is answered first, as it was sent, with one cache read ------------------


def test_a_stored_page_carries_the_headers_of_a_fresh_one_and_its_own_request_id(client):
    article = ArticleFactory()
    fresh = get(client, article.get_absolute_url())
    stored = get(client, article.get_absolute_url())
    assert stored["X-Reader-Cache"] == "hit"
    same = {"X-Request-ID", "X-Reader-Cache"}
    assert {k: v for k, v in stored.items() if k not in same} == {
        k: v for k, v in fresh.items() if k not in same
    }
    assert stored.content == fresh.content
    assert len(stored["X-Request-ID"]) == 32 and stored["X-Request-ID"] != fresh["X-Request-ID"]
    assert stored["X-Request-ID"] != get(client, article.get_absolute_url())["X-Request-ID"]


def test_a_page_stored_over_https_keeps_hsts_and_plain_http_is_still_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    url = ArticleFactory().get_absolute_url()
    # The same Host header both times, as a browser sends it.
    https = {"Host": "testserver", "X-Forwarded-Proto": "https"}
    client.get(url, headers=https)
    stored = client.get(url, headers=https)
    assert stored["X-Reader-Cache"] == "hit"
    assert "max-age=31536000" in stored["Strict-Transport-Security"]
    plain = client.get(url, headers={"Host": "testserver"})
    assert plain.status_code == 301
    assert plain["Location"] == f"https://testserver{url}"


def test_a_stored_page_is_answered_with_one_cache_read_and_no_query(
    client, monkeypatch, django_assert_num_queries
):
    from django.core.cache import cache

    url = ArticleFactory().get_absolute_url()
    get(client, url)  # stored: the page and its tags are known to this process now
    reads = []  # what the site asks the cache for (the local cache answers get_many by get)
    inside_get_many = []
    get_one, get_many = cache.get, cache.get_many

    def counted_get_many(keys, *args, **kwargs):
        reads.append(list(keys))
        inside_get_many.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    def counted_get(key, *args, **kwargs):
        if not inside_get_many:
            reads.append([key])
        return get_one(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counted_get_many)
    monkeypatch.setattr(cache, "get", counted_get)
    with django_assert_num_queries(0):
        assert get(client, url)["X-Reader-Cache"] == "hit"
    assert len(reads) == 1
    assert any(key.startswith("reader-page:") for key in reads[0])
    assert any(key == "reader-tag:site" for key in reads[0])


def test_a_page_stored_by_another_app_server_is_served_and_refreshed(client):
    from django.test import Client

    article = ArticleFactory(headline="First wording")
    get(client, article.get_absolute_url())
    other_server = Client()  # its own middleware: it knows nothing of what was stored
    assert get(other_server, article.get_absolute_url())["X-Reader-Cache"] == "hit"
    article.headline = "Second wording"
    article.save()
    refreshed = get(other_server, article.get_absolute_url())
    assert refreshed["X-Reader-Cache"] == "miss" and "Second wording" in refreshed.text


def test_static_files_are_never_stored_as_pages(client):
    first = client.get("/static/css/site.css")
    assert first.status_code == 200 and first.get("X-Reader-Cache") is None
    assert client.get("/static/css/site.css").get("X-Reader-Cache") is None
