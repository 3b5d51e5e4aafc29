"""An anonymous reader meets the appeal and three sponsor blocks at the end of a piece, and a
click on a block reaches the sponsor's site through the counted redirect."""

import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sponsors.models import PlacementDay
from tests.factories import AppealFactory, ArticleFactory, PlacementFactory, SponsorFactory

pytestmark = pytest.mark.django_db(transaction=True)

SPONSORS = [
    ("Harrow & Vane Rifles", "https://harrowvane.example/workshop/", 30),
    ("Eurorail Meridian Pass", "https://eurorail-pass.example/central-europe/", 20),
    ("Atlas & Quire", "https://atlasandquire.example/foreign-affairs/", 10),
]


def counted(placement, column: str, expected: int) -> bool:
    """Wait (briefly) for the live server to record ``expected`` in ``column``."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        day = PlacementDay.objects.filter(placement=placement, day=timezone.localdate()).first()
        if day is not None and getattr(day, column) == expected:
            return True
        time.sleep(0.1)
    return False


def test_reader_sees_the_appeal_and_sponsors_and_follows_one(page, live_server):
    article = ArticleFactory(headline="The quiet channel")
    AppealFactory(heading="Analysis like this is paid for by its readers")
    placements = [
        PlacementFactory(
            sponsor=SponsorFactory(name=name),
            headline=f"Offer from {name}",
            target_url=url,
            weight=weight,
        )
        for name, url, weight in SPONSORS
    ]
    # The sponsors' sites are answered here: no network is needed.
    page.route(
        "https://harrowvane.example/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<title>Harrow & Vane</title><h1>Workshop</h1>",
        ),
    )

    page.goto(live_server.url + article.get_absolute_url())

    appeal = page.locator(".appeal")
    expect(appeal.get_by_role("heading")).to_have_text(
        "Analysis like this is paid for by its readers"
    )
    expect(appeal).to_contain_text("Martin Halloway")
    expect(appeal.get_by_role("link", name="Become a subscriber")).to_be_visible()

    blocks = page.locator(".sponsor-block")
    expect(blocks).to_have_count(3)
    for i, (name, _, _) in enumerate(SPONSORS):
        expect(blocks.nth(i)).to_contain_text("Sponsored")
        expect(blocks.nth(i)).to_contain_text(f"by {name}")
        link = blocks.nth(i).get_by_role("link")
        expect(link).to_have_attribute("rel", "sponsored noopener")
    # The sponsor blocks look different from the editorial appeal above them.
    block_background = blocks.first.evaluate("e => getComputedStyle(e).backgroundColor")
    page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert block_background != page_background

    # The beacon counted one impression for each block.
    for placement in placements:
        assert counted(placement, "impressions", 1), placement

    blocks.first.get_by_role("link").click()
    page.wait_for_url("https://harrowvane.example/workshop/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Workshop")
    assert counted(placements[0], "clicks", 1)
