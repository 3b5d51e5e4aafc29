"""A subscriber joins the discussion in Chromium: log in, post, reply, edit, report."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import expect

from comments.models import Comment, Report
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    MemberFactory,
    SectionFactory,
    SubscriptionFactory,
)

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
SHOT = "/tmp/comments-shot.png"


@pytest.fixture
def discussion(settings):
    # The pace limit would make the test wait between posts; it has its own unit tests.
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    article = ArticleFactory(
        headline="The quiet channel between Budapest and Bratislava",
        section=SectionFactory(name="Diplomacy"),
    )
    priya = MemberFactory(
        email="subscriber@example.com", display_name="Priya Raman", password=PASSWORD
    )
    EmailAddress.objects.create(user=priya, email=priya.email, verified=True, primary=True)
    SubscriptionFactory(member=priya)
    # An earlier, approved comment elsewhere: her next one needs no pre-moderation.
    CommentFactory(
        member=priya,
        article=ArticleFactory(headline="An earlier piece"),
        created_at=timezone.now() - datetime.timedelta(days=3),
    )
    ilona = MemberFactory(email="ilona@example.com", display_name="Ilona Varga")
    SubscriptionFactory(member=ilona)
    opening = CommentFactory(
        article=article,
        member=ilona,
        body="Having followed both capitals for years, the channel seems older than it looks.",
        created_at=timezone.now() - datetime.timedelta(hours=2),
    )
    return {"article": article, "opening": opening}


def test_subscriber_logs_in_posts_replies_edits_and_reports(page, live_server, discussion):
    article, opening = discussion["article"], discussion["opening"]
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    comments = page.locator("#comments")
    expect(comments.get_by_role("heading", name="1 comment")).to_be_visible()
    expect(comments).not_to_contain_text("Having followed both capitals")
    comments.get_by_role("link", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.fill("input[name=login]", "subscriber@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()

    # Back at the discussion, not the top of the article.
    expect(page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "#comments$"))
    expect(comments).to_contain_text("Having followed both capitals")

    # Post.
    page.get_by_label("Add a comment").fill("A careful piece.\nThe second part persuaded me.")
    page.get_by_role("button", name="Post comment").click()
    mine = Comment.objects.get(member__email="subscriber@example.com", article=article)
    own = page.locator(f"#comment-{mine.pk}")
    expect(own).to_contain_text("The second part persuaded me.")
    expect(page).to_have_url(re.compile(f"#comment-{mine.pk}$"))
    expect(comments.get_by_role("heading", name="2 comments")).to_be_visible()

    # Reply to Ilona.
    theirs = page.locator(f"#comment-{opening.pk}")
    theirs.get_by_role("link", name="Reply").click()
    theirs.get_by_label("Your reply to Ilona Varga").fill("Older, and better documented too.")
    theirs.get_by_role("button", name="Post reply").click()
    expect(page.locator(".comment-replies")).to_contain_text("Older, and better documented too.")

    # Edit her own comment.
    own = page.locator(f"#comment-{mine.pk}")
    own.get_by_role("link", name="Edit").click()
    own.get_by_label("Edit your comment").fill("A careful piece. The third part persuaded me.")
    own.get_by_role("button", name="Save changes").click()
    expect(page.locator(f"#comment-{mine.pk}")).to_contain_text("The third part persuaded me.")
    expect(page.locator(f"#comment-{mine.pk} .comment__edited")).to_have_text("edited")

    # Report Ilona's comment.
    theirs = page.locator(f"#comment-{opening.pk}")
    theirs.get_by_role("link", name="Report").click()
    theirs.get_by_label("Why should a moderator look at this comment?").select_option("off_topic")
    theirs.get_by_role("button", name="Send report").click()
    expect(page.locator(f"#comment-{opening.pk}")).to_contain_text("You reported this comment")
    assert Report.objects.get(comment=opening).reason == "off_topic"

    page.locator("#comments").screenshot(path=SHOT)
