"""The article page runs a fixed number of queries whoever reads it, however long its
discussion: the count costs one query, the discussion a fixed few more."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import ArticleFactory, CommentFactory, MemberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

# Beyond the anonymous page (which pays one query for the comment count):
EXTRA = {
    "anonymous": 0,
    # The session comes from the cache (cached_db sessions).
    "reader": 2,  # member, the subscriber rule
    "lapsed": 2,  # the same: the subscriber rule tells a lapsed subscriber in its query
    # member, the subscriber rule, suspensions, one page of threads with their replies (the
    # number of threads is counted with the comments)
    "subscriber": 4,
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
