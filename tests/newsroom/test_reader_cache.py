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
