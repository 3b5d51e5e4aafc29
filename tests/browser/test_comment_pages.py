"""A long discussion in Chromium, at a phone and a desktop width: twenty threads a page,
"More comments" bringing the next ones into the list in place, a reply form fetched under
its comment, a refused reply coming back open with its text, and the same links working
with JavaScript off. Screenshots are saved in test-artifacts/ to be looked at."""

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
REMARKS = [
    "The second section reads the back channel better than anything I have seen.",
    "I would have liked more on what the neighbours made of it.\nStill, a fair account.",
    "Worth comparing with the 1962 channel, which https://example.org/archive describes well.",
]


def member(email, name):
    person = MemberFactory(email=email, display_name=name, password=PASSWORD)
    EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
    SubscriptionFactory(member=person)
    return person


@pytest.fixture
def long_discussion(settings):
    """45 threads (every third with a reply) under one piece; the subscriber posted a
    moment ago, so a reply now is refused as too soon."""
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 60
    article = ArticleFactory(
        headline="The quiet channel between Budapest and Bratislava",
        section=SectionFactory(name="Diplomacy"),
    )
    priya = member("subscriber@example.com", "Priya Raman")
    others = [member(f"reader{n}@example.com", name) for n, name in enumerate(["Ilona", "Jan"])]
    start = timezone.now() - datetime.timedelta(days=1)
    threads = []
    for n in range(45):
        thread = CommentFactory(
            article=article,
            member=others[n % 2],
            body=f"Thread {n + 1}. {REMARKS[n % 3]}",
            created_at=start + datetime.timedelta(minutes=n),
        )
        threads.append(thread)
        if n % 3 == 0:
            CommentFactory(
                article=article,
                member=others[(n + 1) % 2],
                parent=thread,
                body=f"A reply under thread {n + 1}.",
                created_at=start + datetime.timedelta(minutes=n, seconds=30),
            )
    CommentFactory(article=article, member=priya, body="Posted a moment ago.")
    return {"article": article, "threads": threads, "priya": priya}


def log_in(page, base, url):
    page.goto(f"{base}/accounts/login/?next={url}")
    page.fill("input[name=login]", "subscriber@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))


def shoot(page, name, width, locator=None):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}-{WIDTHS[width]}.png"
    if locator is not None:
        locator.screenshot(path=path)
    else:
        page.screenshot(path=path)


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


def test_more_comments_come_in_place_and_a_reply_form_opens_under_its_comment(
    browser, live_server, long_discussion, width
):
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 900 if width == "desktop" else 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    article, threads = long_discussion["article"], long_discussion["threads"]
    url = article.get_absolute_url()
    log_in(page, live_server.url, url)

    shown = page.locator("#comment-list > .comment-thread")
    # Twenty threads, no form under any comment.
    expect(shown).to_have_count(20)
    expect(page.locator("#comment-list form")).to_have_count(0)
    expect(page.locator(".pagination__status")).to_have_text("Comments page 1 of 3")
    page.locator(".comments__pages").scroll_into_view_if_needed()
    shoot(page, "discussion-first-page", width)

    more = page.get_by_role("link", name="More comments")
    more.click()
    expect(shown).to_have_count(40)
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))  # no page load
    expect(more).to_have_attribute("href", f"{url}?page=3#comments")
    expect(page.locator(".pagination__status")).to_have_text("Comments pages 1–2 of 3")
    first_new = page.locator(f"#comment-{threads[20].pk}")
    expect(first_new).to_be_focused()
    shoot(page, "discussion-more", width)

    # Reply under a thread that came in with the second page.
    target = page.locator(f"#comment-{threads[24].pk}")
    target.get_by_role("link", name="Reply").click()
    reply = target.get_by_label(re.compile("^Your reply to"))
    expect(reply).to_be_focused()
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))
    expect(page.locator("#comment-list form")).to_have_count(1)
    reply.fill("An answer typed with care.\nOn two lines.")
    target.scroll_into_view_if_needed()
    shoot(page, "discussion-reply-open", width, locator=target)

    # Posted too soon after her last comment: the page of that thread, its form open, the
    # reason and the text kept.
    target.get_by_role("button", name="Post reply").click()
    expect(page).to_have_url(re.compile(rf"\?page=2#reply-form-{threads[24].pk}$"))
    refused = page.locator(f"#reply-form-{threads[24].pk}")
    expect(refused).to_contain_text("You are posting faster than we allow.")
    expect(refused.locator("textarea")).to_have_value("An answer typed with care.\nOn two lines.")
    expect(refused).to_be_in_viewport()
    assert not Comment.objects.filter(body__startswith="An answer typed").exists()

    # Cancel closes it in place; another action opens its own form instead.
    refused.get_by_role("link", name="Cancel").click()
    expect(page.locator(f"#reply-form-{threads[24].pk}")).to_have_count(0)
    other = page.locator(f"#comment-{threads[25].pk}")
    other.get_by_role("link", name="Report").click()
    expect(other.get_by_label("Why should a moderator look at this comment?")).to_be_focused()
    context.close()


def test_without_javascript_the_same_links_open_forms_and_pages(
    browser, live_server, long_discussion
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    article, threads = long_discussion["article"], long_discussion["threads"]
    url = article.get_absolute_url()
    log_in(page, live_server.url, url)

    target = page.locator(f"#comment-{threads[3].pk}")
    target.get_by_role("link", name="Reply").click()
    expect(page).to_have_url(re.compile(rf"\?reply={threads[3].pk}#reply-form-{threads[3].pk}$"))
    form = page.locator(f"#reply-form-{threads[3].pk}")
    expect(form.get_by_label(re.compile("^Your reply to"))).to_be_visible()
    expect(page.locator("#comment-list form")).to_have_count(1)

    form.get_by_role("link", name="Cancel").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(url)}#comment-{threads[3].pk}$"))
    expect(page.locator("#comment-list form")).to_have_count(0)

    page.get_by_role("link", name="More comments").click()
    expect(page).to_have_url(re.compile(r"\?page=2#comments$"))
    expect(page.locator(f"#comment-{threads[20].pk}")).to_be_visible()
    expect(page.locator(".pagination__status")).to_have_text("Comments page 2 of 3")
    context.close()
