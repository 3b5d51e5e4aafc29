"""The demo's discussion: enough comments to read and moderate, loaded idempotently."""

import io
import re

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils.html import strip_tags

from articles.models import Article
from comments.models import Comment, ModerationAction, Report, Suspension
from members.models import Member, Plan, Subscription
from members.subscriptions import is_subscriber

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("comments-demo")]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """Every test of this module shares the demo's pictures (``demo`` in tests/conftest.py)."""
    settings.MEDIA_ROOT = demo_media


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Comment, Report, ModerationAction, Suspension, Plan, Subscription, Member)
    }


def test_demo_accounts_have_the_subscriptions_their_roles_say(demo):
    assert is_subscriber(Member.objects.get(email="subscriber@example.com"))
    assert not is_subscriber(Member.objects.get(email="lapsed@example.com"))
    assert Subscription.objects.filter(member__email="lapsed@example.com").exists()
    assert not is_subscriber(Member.objects.get(email="reader@example.com"))
    assert not Subscription.objects.filter(member__email="reader@example.com").exists()
    assert Plan.objects.filter(active=True).count() >= 2


def test_demo_discussion_covers_the_front_page_and_gives_moderators_work(demo):
    assert Comment.objects.count() >= 80
    featured = Article.objects.public().filter(featured=True)
    assert featured.exists()
    for article in featured:
        assert article.comments.visible().exists(), article
    assert Comment.objects.filter(parent__isnull=False).count() >= 5
    assert Comment.objects.filter(status="hidden").count() == 1
    assert Comment.objects.filter(status="pending").count() == 1
    assert Report.objects.filter(resolved_at=None).count() == 1
    assert Comment.objects.values("member").distinct().count() >= 6
    longest = (
        Article.objects.annotate(
            threads=Count("comments", filter=Q(comments__parent=None, comments__status="published"))
        )
        .order_by("-threads")
        .first()
    )
    assert longest.threads > 50


def test_demo_comments_are_sentences_that_never_quote_their_article(demo):
    for comment in Comment.objects.select_related("article"):
        assert len(comment.body) > 20 and comment.body.rstrip()[-1] in ".?!", comment.body
        article_text = " ".join(strip_tags(comment.article.body).split())
        for sentence in re.split(r"(?<=[.?!])\s+", comment.body):
            if len(sentence.split()) >= 6:
                assert sentence not in article_text, sentence


def test_seeding_the_demo_again_duplicates_no_comment_or_subscription(demo):
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first


def test_demo_subscriber_logs_in_on_the_reader_log_in_page_and_reads_comments(demo, client):
    response = client.post(
        "/accounts/login/?next=/articles/back-channels-orban-fico-moscow/",
        {
            "login": "subscriber@example.com",
            "password": "newsroom-demo",
            "next": "/articles/back-channels-orban-fico-moscow/",
        },
    )
    assert response["Location"] == "/articles/back-channels-orban-fico-moscow/"
    html = client.get("/articles/back-channels-orban-fico-moscow/?page=2").content.decode()
    # More than fifty threads: the discussion runs past its second page of twenty.
    assert "Comments page 2 of 3" in html


def test_seed_demo_prints_the_subscribers_plans(demo):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    assert "plan not seeded yet" not in text
    assert re.search(r"subscriber@example\.com\s+Subscriber \(Annual plan, active\)", text)
    assert re.search(r"lapsed@example\.com\s+Lapsed subscriber \(Monthly plan, expired\)", text)
