"""The article page runs a fixed number of queries whoever reads it, however long its
discussion: the count comes from the cache (for a reader shown the discussion, their own
count is one query), the discussion a fixed few more."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from tests.factories import ArticleFactory, CommentFactory, MemberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

# Beyond the anonymous page (whose comment count is kept in the cache):
EXTRA = {
    # Anonymous readers' count comes from the cache until a comment is saved.
    "anonymous": 0,
    # The session comes from the cache (cached_db sessions), and so does a reader's standing
    # (members.subscriptions.request_standing) once a page has asked for it. Readers not
    # shown the discussion see everyone's count, kept in the cache.
    "reader": 1,  # the member
    "lapsed": 1,  # the same
    # The member, and what sets their view apart (their comments awaiting moderation, those
    # they reported): the counts and the page of threads everyone shares come from the
    # cache until a comment on the piece is saved, a suspension until one is saved.
    "subscriber": 2,
}


def build_discussion(size: int):
    """An article with ``size`` comments: a third of them threads, the rest replies, from
    several members."""
    article = ArticleFactory(headline="The long discussion")
    authors = [MemberFactory(email=f"author{n}@test.example") for n in range(5)]
    threads = []
    for n in range(size):
        author = authors[n % len(authors)]
        if n % 3 == 0 or not threads:
            threads.append(CommentFactory(article=article, member=author))
        else:
            CommentFactory(article=article, member=author, parent=threads[-1])
    return article


def queries_for(client, url: str) -> int:
    """Queries of a request after a first one has warmed the caches (navigation, session)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def log_in(client, role):
    if role == "anonymous":
        return
    member = MemberFactory(email=f"{role}@test.example")
    if role == "subscriber":
        SubscriptionFactory(member=member)
    if role == "lapsed":
        SubscriptionFactory(member=member, status="expired", ends_at=timezone.now())
    client.force_login(member)


@pytest.mark.parametrize("role", list(EXTRA))
@pytest.mark.parametrize("size", [1, 300])
def test_article_page_queries_do_not_grow_with_the_discussion(client, role, size):
    article = build_discussion(size)
    anonymous = queries_for(Client(), article.get_absolute_url())
    log_in(client, role)
    assert queries_for(client, article.get_absolute_url()) == anonymous + EXTRA[role]


def test_the_count_costs_the_anonymous_page_exactly_one_query(client):
    article = build_discussion(300)
    with CaptureQueriesContext(connection) as captured:
        client.get(article.get_absolute_url())
    comment_queries = [q["sql"] for q in captured if "comments_comment" in q["sql"]]
    assert len(comment_queries) == 1
    assert "COUNT(" in comment_queries[0].upper()


@pytest.mark.parametrize("role", list(EXTRA))
def test_one_comment_or_three_hundred_cost_the_same_queries(client, role):
    small, large = build_discussion(1), build_discussion(300)
    log_in(client, role)
    assert queries_for(client, small.get_absolute_url()) == queries_for(
        client, large.get_absolute_url()
    )


def test_the_count_anonymous_readers_see_follows_every_saved_comment(client):
    article = build_discussion(3)
    url = article.get_absolute_url()
    shown = Comment.objects.visible().filter(article=article).count()
    assert f"{shown} comments" in client.get(url).text
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    assert not [q for q in captured if "comments_comment" in q["sql"]], "kept, not counted"

    hidden = Comment.objects.visible().filter(article=article).first()
    hidden.status = Comment.Status.HIDDEN
    hidden.save()
    assert f"{shown - 1} comments" in client.get(url).text
    CommentFactory(article=article)
    assert f"{shown} comments" in client.get(url).text


@pytest.mark.parametrize("size", [1, 300])
def test_a_subscriber_with_a_comment_awaiting_moderation_reads_their_own_view(client, size):
    """Their comment shows to them where it will stand, at a fixed cost: their own count
    and page of threads instead of the ones everyone shares."""
    article = build_discussion(size)
    anonymous = queries_for(Client(), article.get_absolute_url())
    log_in(client, "subscriber")
    member = client.session["_auth_user_id"]
    first = Comment.objects.filter(article=article, parent=None).order_by("created_at").first()
    CommentFactory(
        article=article, member_id=member, parent=first, status="pending", body="Mine, held back."
    )
    response = client.get(article.get_absolute_url())
    assert "Mine, held back." in response.text
    assert "Mine, held back." not in Client().get(article.get_absolute_url()).text
    # Beyond the shared view's two: the own count with the threads, the own page.
    assert queries_for(client, article.get_absolute_url()) == anonymous + EXTRA["subscriber"] + 2
