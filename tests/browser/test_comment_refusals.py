"""The discussion under a long article, in Chromium at a desktop and a phone width: a refused
comment shows in place, the actions of a comment stay put, deleting asks first, the count by
the byline leads down, and a lapsed reader is welcomed back. Screenshots of each are saved in
test-artifacts/ to be looked at."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.conftest import ARTIFACTS
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
WIDTHS = {"desktop": 1280, "phone": 390}
# A piece long enough that the discussion starts thousands of pixels down.
LONG_BODY = "".join(
    f"<h2>Part {n}</h2>" + "<p>" + "The channel ran quietly through many capitals. " * 40 + "</p>"
    for n in range(1, 9)
)


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def sized(page, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900 if width == "desktop" else 800})
    return page


def member(email, name, **subscription):
    person = MemberFactory(email=email, display_name=name, password=PASSWORD)
    EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
    SubscriptionFactory(member=person, **subscription)
    return person


def log_in(page, base, email, article_url):
    page.goto(f"{base}/accounts/login/?next={article_url}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(article_url) + "$"))


def shoot(page, name, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-{WIDTHS[width]}.png")


@pytest.fixture
def long_piece(settings):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 60
    article = ArticleFactory(
        headline="The quiet channel between Budapest and Bratislava",
        section=SectionFactory(name="Diplomacy"),
        body=LONG_BODY,
    )
    priya = member("subscriber@example.com", "Priya Raman")
    ilona = member("ilona@example.com", "Ilona Varga")
    CommentFactory(
        article=article,
        member=ilona,
        body="Having followed both capitals for years, the channel seems older than it looks.",
        created_at=timezone.now() - datetime.timedelta(hours=2),
    )
    # Priya's earlier approved comment: the next one needs no pre-moderation, and, posted a
    # moment ago, it makes her next one too soon.
    mine = CommentFactory(article=article, member=priya, body="A careful piece, I thought.")
    return {"article": article, "priya": priya, "ilona": ilona, "mine": mine}


def test_a_refused_comment_is_shown_in_place_with_its_text_and_a_reload_posts_nothing(
    sized, live_server, long_piece, width
):
    page, article = sized, long_piece["article"]
    url = article.get_absolute_url()
    log_in(page, live_server.url, "subscriber@example.com", url)
    assert page.evaluate("document.documentElement.scrollHeight") > 5000

    typed = "One more thought, typed with care.\nAnd a second line."
    page.get_by_label("Add a comment").fill(typed)
    page.get_by_role("button", name="Post comment").click()

    expect(page).to_have_url(re.compile(re.escape(url) + "#new-comment$"))
    refusal = page.locator("#comment-form .comment-form__error")
    expect(refusal).to_contain_text("You are posting faster than we allow.")
    expect(refusal).to_be_in_viewport()
    expect(page.get_by_label("Add a comment")).to_have_value(typed)
    expect(page.get_by_label("Add a comment")).to_be_in_viewport()
    shoot(page, "comment-refusal", width)

    page.reload()
    expect(page.locator("#comments")).to_be_visible()
    assert Comment.objects.filter(article=article, member=long_piece["priya"]).count() == 1


def test_the_action_row_stays_put_cancel_closes_and_delete_asks_first(
    sized, live_server, long_piece, width
):
    page, article, mine = sized, long_piece["article"], long_piece["mine"]
    url = article.get_absolute_url()
    log_in(page, live_server.url, "subscriber@example.com", url)
    own = page.locator(f"#comment-{mine.pk}")
    own.scroll_into_view_if_needed()
    summaries = own.locator(".comment__actions > a")
    expect(summaries).to_have_text(["Reply", "Edit", "Delete"])

    def row():
        return [summaries.nth(i).bounding_box() for i in range(summaries.count())]

    before = row()
    own.get_by_role("link", name="Edit").click()
    expect(own.get_by_label("Edit your comment")).to_be_visible()
    assert row() == before
    shoot(page, "comment-edit-open", width)

    own.locator(f"#edit-form-{mine.pk}").get_by_role("link", name="Cancel").click()
    expect(own.get_by_label("Edit your comment")).to_be_hidden()
    assert row() == before

    own.get_by_role("link", name="Delete").click()
    question = own.locator(f"#delete-form-{mine.pk}")
    expect(question).to_contain_text("Delete this comment?")
    expect(question).to_be_in_viewport()
    assert row() == before
    shoot(page, "comment-delete-confirm", width)

    question.get_by_role("link", name="No, keep it").click()
    expect(question).to_be_hidden()
    mine.refresh_from_db()
    assert mine.status == Comment.Status.PUBLISHED

    own.get_by_role("link", name="Delete").click()
    question.get_by_role("button", name="Yes, delete it").click()
    expect(page.locator(f"#comment-{mine.pk}")).to_have_count(0)
    mine.refresh_from_db()
    assert mine.status == Comment.Status.DELETED


def test_the_count_by_the_byline_leads_down_to_the_discussion(
    sized, live_server, long_piece, width
):
    page, article = sized, long_piece["article"]
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    count = page.locator(".byline .byline__comments")
    expect(count).to_have_text("2 comments")
    expect(count).to_be_in_viewport()
    shoot(page, "article-top-comment-count", width)
    count.click()
    expect(page).to_have_url(re.compile("#comments$"))
    expect(page.locator("#comments-heading")).to_be_in_viewport()

    page.locator("#comments").get_by_role("link", name="Log in").click()
    page.fill("input[name=login]", "subscriber@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "#comments$"))
    expect(page.get_by_label("Add a comment")).to_be_in_viewport()


def test_a_lapsed_reader_is_welcomed_back_with_a_renew_link(sized, live_server, long_piece, width):
    article = long_piece["article"]
    ended = timezone.now() - datetime.timedelta(days=3)
    member(
        "lapsed@example.com",
        "Jonas Weber",
        status="expired",
        starts_at=ended - datetime.timedelta(days=365),
        ends_at=ended,
    )
    page = sized
    log_in(page, live_server.url, "lapsed@example.com", article.get_absolute_url())
    gate = page.locator("#comments .comments__gate")
    gate.scroll_into_view_if_needed()
    expect(gate).to_contain_text("Welcome back.")
    expect(gate.get_by_role("link", name="Renew your subscription")).to_have_attribute(
        "href", "/subscribe/"
    )
    expect(page.locator("#comments")).not_to_contain_text("Having followed both capitals")
    shoot(page, "comments-gate-lapsed", width)
