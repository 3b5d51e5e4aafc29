"""Gated pieces in Chromium: a visitor meets the opening and the invitation, a free member
uses the monthly allowance, a subscriber gives a piece whose link opens in a fresh browser."""

import os
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from tests.factories import ArticleFactory, MemberFactory, SectionFactory, SubscriptionFactory

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
# Screenshots of each visitor's page, at a phone's width and a desktop's.
SHOTS = Path(os.environ.get("GATED_SHOTS", "/tmp/gated-pieces"))
WIDTHS = (390, 1280)
REST = "What the ledger finally showed"


def body(n: int) -> str:
    paragraph = (
        "The two delegations met in a hotel by the river and went through the tender line "
        "by line, each side reading a different story into the same numbers."
    )
    return (
        f"<p>Piece {n} opens on a cold morning in Bratislava. {paragraph}</p>"
        f"<p>{paragraph}</p><p>{paragraph}</p><h2>The ledger</h2>"
        f"<p>{REST} in piece {n}. {paragraph}</p><p>{paragraph}</p><p>{paragraph}</p>"
    )


@pytest.fixture
def gated(settings):
    settings.MEMBERS_FREE_PIECES_PER_MONTH = 2
    section = SectionFactory(name="Economy")
    members = [
        ArticleFactory(
            headline=f"The tender, part {n}",
            dek="How a procurement was decided.",
            body=body(n),
            access="members",
            section=section,
        )
        for n in range(1, 4)
    ]
    subscribers = ArticleFactory(
        headline="The ledger of the pipeline tender",
        dek="Who paid, and who was paid.",
        body=body(9),
        access="subscribers",
        section=section,
    )
    return {"members": members, "subscribers": subscribers}


def account(email: str, *, subscriber: bool = False):
    member = MemberFactory(email=email, display_name=email.split("@")[0], password=PASSWORD)
    EmailAddress.objects.create(user=member, email=email, verified=True, primary=True)
    if subscriber:
        SubscriptionFactory(member=member)
    return member


def log_in(page, base: str, email: str, back_to: str):
    page.goto(f"{base}/accounts/login/?next={back_to}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(back_to)))


def shoot(page, name: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        target = page.locator(".reading-gate, .reading-note, .gift-box").first
        target.scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / f"{name}-{width}.png")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_visitor_reads_the_opening_then_signs_up_or_logs_in(page, live_server, gated):
    piece = gated["subscribers"]
    page.goto(f"{live_server.url}{piece.get_absolute_url()}")

    expect(page.locator(".article-body")).to_contain_text("Piece 9 opens on a cold morning")
    expect(page.locator("main")).not_to_contain_text(REST)
    gate = page.locator(".reading-gate")
    expect(gate.get_by_role("heading", name="Subscribe to read")).to_be_visible()
    expect(page.locator(".access-label")).to_have_text("For subscribers")
    shoot(page, "anonymous-subscribers-piece")

    page.goto(f"{live_server.url}{gated['members'][0].get_absolute_url()}")
    gate = page.locator(".reading-gate")
    expect(gate.get_by_role("heading", name="Sign up free to read")).to_be_visible()
    shoot(page, "anonymous-members-piece")
    gate.get_by_role("link", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/articles/the-tender-part-1/"))


def test_a_free_member_uses_the_allowance_then_meets_the_subscription(page, live_server, gated):
    account("reader@example.com")
    first, second, third = gated["members"]
    log_in(page, live_server.url, "reader@example.com", first.get_absolute_url())

    expect(page.locator(".gated-part")).to_contain_text(f"{REST} in piece 1")
    expect(page.locator(".reading-note")).to_contain_text("You have 1 free piece left this month.")
    shoot(page, "member-allowance")

    page.goto(f"{live_server.url}{second.get_absolute_url()}")
    expect(page.locator(".reading-note")).to_contain_text("This was your last free")

    page.goto(f"{live_server.url}{third.get_absolute_url()}")
    expect(page.locator("main")).not_to_contain_text(f"{REST} in piece 3")
    gate = page.locator(".reading-gate")
    expect(gate).to_contain_text("You have read your free pieces this month")
    shoot(page, "member-past-allowance")

    # A piece read this month opens again, at no cost.
    page.goto(f"{live_server.url}{first.get_absolute_url()}")
    expect(page.locator(".gated-part")).to_contain_text(f"{REST} in piece 1")

    page.goto(f"{live_server.url}{gated['subscribers'].get_absolute_url()}")
    expect(page.locator(".reading-gate").get_by_role("heading")).to_have_text("Subscribe to read")
    shoot(page, "member-subscribers-piece")


def test_a_lapsed_subscriber_is_welcomed_back(page, live_server, gated):
    import datetime

    from django.utils import timezone

    lapsed = account("lapsed@example.com")
    SubscriptionFactory(
        member=lapsed,
        status="expired",
        starts_at=timezone.now() - datetime.timedelta(days=60),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    piece = gated["subscribers"]
    log_in(page, live_server.url, "lapsed@example.com", piece.get_absolute_url())

    gate = page.locator(".reading-gate")
    expect(gate.get_by_role("heading", name="Welcome back")).to_be_visible()
    expect(gate.get_by_role("link", name="Renew your subscription")).to_be_visible()
    shoot(page, "lapsed-subscribers-piece")


def test_a_subscriber_gives_a_piece_and_the_link_opens_it_in_a_fresh_browser(
    page, browser, live_server, gated
):
    account("subscriber@example.com", subscriber=True)
    piece = gated["subscribers"]
    log_in(page, live_server.url, "subscriber@example.com", piece.get_absolute_url())
    expect(page.locator(".gated-part")).to_contain_text(f"{REST} in piece 9")
    expect(page.locator(".reading-gate")).to_have_count(0)

    box = page.locator("#gift")
    expect(box).to_contain_text("You have 5 of 5 gift links left this month.")
    box.get_by_role("button", name="Gift this piece").click()
    expect(page).to_have_url(re.compile(r"#gift$"))
    expect(box).to_contain_text("You have 4 of 5 gift links left this month.")
    link = page.get_by_label(re.compile("Your gift link")).input_value()
    assert "/gift/" in link
    shoot(page, "subscriber-gift")

    fresh = browser.new_context(viewport={"width": 390, "height": 900})
    try:
        friend = fresh.new_page()
        friend.goto(link)
        expect(friend.locator(".gated-part")).to_contain_text(f"{REST} in piece 9")
        expect(friend.locator(".reading-note")).to_contain_text("A subscriber gave you this piece.")
        expect(friend.locator('meta[name="robots"]')).to_have_attribute(
            "content", "noindex, nofollow"
        )
        SHOTS.mkdir(parents=True, exist_ok=True)
        friend.screenshot(path=SHOTS / "gift-opened-390.png", full_page=True)
        # The same friend, on the piece's own address: the opening only.
        friend.goto(f"{live_server.url}{piece.get_absolute_url()}")
        expect(friend.locator("main")).not_to_contain_text(REST)
    finally:
        fresh.close()
