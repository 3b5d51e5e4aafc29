"""A newsletter in Chromium, as a reader meets it: sign up with only an address from the
footer of any page, confirm from the e-mail's link, receive an issue, and leave through the
issue's own unsubscribe link without logging in."""

import re

import pytest
from playwright.sync_api import expect

from newsletters import sending
from newsletters.models import Issue, IssuePiece, Recipient
from tests.factories import ArticleFactory, NewsletterFactory, SectionFactory

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"https?://\S+?/newsletters/(?:confirm|unsubscribe)/[^/\s\"<>]+/")


def link_in(text: str, kind: str) -> str:
    return next(url for url in LINK.findall(text) if f"/{kind}/" in url)


@pytest.fixture
def newsletters():
    section = SectionFactory(name="Europe")
    weekly = NewsletterFactory(name="Weekly Europe", cadence="weekly")
    weekly.sections.add(section)
    daily = NewsletterFactory(name="The Daily Brief", cadence="daily")
    ArticleFactory(headline="Enlargement, one chapter at a time", section=section)
    return weekly, daily


@pytest.mark.parametrize("width", [390, 1280])
def test_a_reader_signs_up_confirms_receives_an_issue_and_leaves(
    page, live_server, newsletters, mailoutbox, settings, width
):
    settings.SITE_URL = live_server.url
    weekly, daily = newsletters
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/")

    # The footer's field on every page leads to the choices, the address carried along.
    page.get_by_label("Our newsletters").fill("ana@example.org")
    page.get_by_role("button", name="Choose newsletters").click()
    expect(page.get_by_role("heading", name="Our analysis in your inbox")).to_be_visible()
    page.get_by_label(re.compile("Weekly Europe")).check()
    expect(page.get_by_label("Your e-mail address")).to_have_value("ana@example.org")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    assert not Recipient.objects.exists(), "nothing is kept before the address is confirmed"

    [confirmation] = mailoutbox
    assert confirmation.to == ["ana@example.org"]
    page.goto(link_in(confirmation.body, "confirm"))
    assert not Recipient.objects.exists(), "opening the link alone signs no one up"
    page.get_by_role("button", name="Yes, sign me up").click()
    expect(page.get_by_role("heading", name="You are signed up")).to_be_visible()
    recipient = Recipient.objects.get(email="ana@example.org")
    assert list(recipient.newsletters.all()) == [weekly]

    issue = Issue.objects.create(newsletter=weekly, subject="Friday: enlargement", intro="Hello.")
    IssuePiece.objects.create(issue=issue, article=weekly.sections.get().articles.get())
    sending.start_sending(issue)
    message = mailoutbox[-1]
    assert message.to == ["ana@example.org"] and message.subject == "Friday: enlargement"
    assert "Enlargement, one chapter at a time" in message.body

    page.goto(link_in(message.body, "unsubscribe"))
    expect(page.get_by_text("a…@example.org").first).to_be_visible()
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    assert not recipient.newsletters.exists()
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
