"""The demo's appeal and sponsors: signed by the editor-in-chief, three sponsors of the
reference page's kinds on every section, a month of counts, loaded idempotently."""

import pytest
from django.utils import timezone

from demo.masthead import EDITOR_IN_CHIEF
from demo.sponsors import load_appeal_and_sponsors
from members.models import Appeal, AppealClick, Plan
from sponsors.models import Placement, PlacementDay, Sponsor
from tests.factories import ArticleFactory, AuthorFactory, PlanFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def load():
    authors = {EDITOR_IN_CHIEF: AuthorFactory(byline=EDITOR_IN_CHIEF, title="Editor-in-Chief")}
    PlanFactory(name="Founding supporter")

    def run():
        load_appeal_and_sponsors(authors, timezone.now())

    return run


def snapshot():
    return {
        "appeals": list(Appeal.objects.values_list("heading", "text", "signed_by__byline")),
        "clicks": AppealClick.objects.count(),
        "sponsors": list(Sponsor.objects.values_list("name", "website", "postal_address", "logo")),
        "placements": list(
            Placement.objects.order_by("pk").values_list("headline", "slot", "image", "target_url")
        ),
        "days": list(
            PlacementDay.objects.order_by("pk").values_list("day", "impressions", "clicks")
        ),
    }


def test_the_demo_has_an_appeal_signed_by_the_editor_in_chief(load):
    load()
    appeal = Appeal.objects.get()
    assert appeal.signed_by.byline == "Martin Halloway"
    assert appeal.is_running()
    assert not appeal.sections.exists()  # every section
    assert appeal.clicks.count() > 0


def test_the_demo_has_three_sponsors_one_a_rifle_maker_with_a_postal_address(load):
    load()
    assert Sponsor.objects.count() == 3
    rifles = Sponsor.objects.get(name__icontains="Rifles")
    assert rifles.postal_lines
    # Logos have known sizes, so the blocks do not jump while they load.
    assert all(s.logo and s.logo_display_width for s in Sponsor.objects.all())
    assert all(s.website.endswith(".example/") for s in Sponsor.objects.all())


def test_every_section_gets_three_sponsor_blocks_and_section_pages_too(load, client):
    load()
    for name in ("Diplomacy", "Security", "Economy"):
        section = SectionFactory(name=name)
        html = client.get(ArticleFactory(section=section).get_absolute_url()).content.decode()
        assert html.count('class="sponsor-block"') == 3
        assert "Martin Halloway" in html
        assert (
            client.get(section.get_absolute_url()).content.decode().count('class="sponsor-block"')
            == 3
        )


def test_the_demo_records_a_month_of_impressions_and_clicks(load):
    load()
    for placement in Placement.objects.all():
        days = placement.days.all()
        assert days.count() == 30
        assert all(day.impressions > day.clicks >= 0 for day in days)
        assert sum(day.clicks for day in days) > 0


def test_the_demo_marks_the_founding_plan_ad_free(load):
    load()
    assert Plan.objects.get(name="Founding supporter").ad_free


def test_loading_the_demo_again_changes_nothing(load):
    load()
    first = snapshot()
    load()
    assert snapshot() == first


def test_the_demo_never_overwrites_counts_the_site_has_recorded(load):
    load()
    day = PlacementDay.objects.order_by("day").first()
    PlacementDay.objects.filter(pk=day.pk).update(impressions=12345)
    load()
    day.refresh_from_db()
    assert day.impressions == 12345
