"""The people of a discussion, one per role of the access matrix, and a discussion to read."""

import datetime

import pytest
from django.utils import timezone

from comments.models import Comment, Suspension
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    MemberFactory,
    StaffFactory,
    SubscriptionFactory,
)

ROLES = [
    "anonymous",
    "reader",
    "lapsed",
    "subscriber",
    "suspended",
    "moderator",
    "editor",
    "writer",
]

VISIBLE_TEXT = "The quiet channel ran through Vienna, and everyone knew it."
HIDDEN_TEXT = "This remark was hidden by the moderators."
PENDING_TEXT = "This remark still waits for a moderator."
SECOND_PAGE_TEXT = "A late remark that lands on the second page."


def subscribed(email: str, **member):
    person = MemberFactory(email=email, **member)
    SubscriptionFactory(member=person)
    return person


@pytest.fixture
def people(db):
    now = timezone.now()
    lapsed = MemberFactory(email="lapsed@test.example", display_name="Jonas")
    SubscriptionFactory(
        member=lapsed,
        status="expired",
        starts_at=now - datetime.timedelta(days=60),
        ends_at=now - datetime.timedelta(days=1),
    )
    suspended = subscribed("suspended@test.example", display_name="Declan")
    Suspension.objects.create(
        member=suspended, until=now + datetime.timedelta(days=3), reason="Name-calling."
    )
    return {
        "anonymous": None,
        "reader": MemberFactory(email="reader@test.example", display_name="Daniel"),
        "lapsed": lapsed,
        "subscriber": subscribed("subscriber@test.example", display_name="Priya"),
        "suspended": suspended,
        "moderator": StaffFactory(email="moderator@test.example", group="Moderators"),
        "editor": StaffFactory(email="editor@test.example", group="Editors"),
        "writer": StaffFactory(email="writer@test.example", group="Writers"),
    }


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
    for n in range(50):
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


@pytest.fixture
def client_as(client, people):
    """A test client logged in as the named role (or anonymous)."""

    def log_in(role: str):
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return log_in
