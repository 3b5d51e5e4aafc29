"""A discussion to read; its readers, one per role, are the ``people`` of tests/conftest.py.
And the subscriber who takes part in one: ``priya``, logged in, under ``article``."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from comments.models import Comment
from tests.factories import ArticleFactory, CommentFactory, MemberFactory, SubscriptionFactory
from tests.roles import subscribed

VISIBLE_TEXT = "The quiet channel ran through Vienna, and everyone knew it."
HIDDEN_TEXT = "This remark was hidden by the moderators."
PENDING_TEXT = "This remark still waits for a moderator."
SECOND_PAGE_TEXT = "A late remark that lands on the second page."


@pytest.fixture
def author(db):
    return subscribed("author@test.example", display_name="Ilona")


@pytest.fixture
def discussion(db, author):
    """A public article whose discussion runs to two pages, with a hidden and a pending
    comment among the visible ones."""
    article = ArticleFactory(headline="The quiet channel")
    start = timezone.now() - datetime.timedelta(hours=5)
    visible = CommentFactory(article=article, member=author, body=VISIBLE_TEXT, created_at=start)
    hidden = CommentFactory(
        article=article, member=author, body=HIDDEN_TEXT, status=Comment.Status.HIDDEN
    )
    pending = CommentFactory(
        article=article, member=author, body=PENDING_TEXT, status=Comment.Status.PENDING
    )
    # One page of threads after the first comment: the late one opens the second page.
    for n in range(settings.COMMENTS_PER_PAGE):
        CommentFactory(
            article=article,
            member=author,
            body=f"Filler remark {n}.",
            created_at=start + datetime.timedelta(minutes=n + 1),
        )
    late = CommentFactory(
        article=article,
        member=author,
        body=SECOND_PAGE_TEXT,
        created_at=start + datetime.timedelta(hours=2),
    )
    return {
        "article": article,
        "visible": visible,
        "hidden": hidden,
        "pending": pending,
        "late": late,
    }


def subscriber(email="priya@test.example", name="Priya", trusted=True):
    """A subscriber; ``trusted`` ones have a published comment already (no pre-moderation)."""
    member = MemberFactory(email=email, display_name=name)
    SubscriptionFactory(member=member)
    if trusted:
        CommentFactory(
            member=member,
            article=ArticleFactory(headline=f"Earlier piece for {name}"),
            created_at=timezone.now() - datetime.timedelta(days=2),
        )
    return member


@pytest.fixture
def article(db):
    return ArticleFactory(headline="The quiet channel")


@pytest.fixture
def priya(client):
    member = subscriber()
    client.force_login(member)
    return member
