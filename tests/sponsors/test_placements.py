"""Sponsor blocks on article and section pages: which, for whom, and how they are marked."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import (
    AppealFactory,
    ArticleFactory,
    MemberFactory,
    PlacementFactory,
    PlanFactory,
    SectionFactory,
    SponsorFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db


def blocks(html: str) -> list[str]:
    return re.findall(r'<li class="sponsor-block">(.*?)</li>', html, re.S)


@pytest.fixture
def article():
    return ArticleFactory(headline="The quiet channel")


def test_an_article_shows_up_to_three_labelled_sponsor_blocks(client, article):
    for n in range(5):
        PlacementFactory(headline=f"Offer {n}", sponsor__name=f"Maker {n}")
    html = client.get(article.get_absolute_url()).content.decode()
    shown = blocks(html)
    assert len(shown) == 3
    for block in shown:
        assert "Sponsored" in block
        assert re.search(r"by Maker \d", block)


def test_every_sponsor_link_goes_through_the_counted_route_marked_sponsored(client, article):
    placement = PlacementFactory(target_url="https://rifles.example/workshop/")
    html = client.get(article.get_absolute_url()).content.decode()
    (block,) = blocks(html)
    links = re.findall(r"<a [^>]*>", block)
    assert links
    for link in links:
        assert f'href="/sponsors/click/{placement.pk}/"' in link
        assert 'rel="sponsored noopener"' in link
    assert "rifles.example" not in html


def test_sponsor_blocks_come_after_the_appeal_and_before_the_comments(client, article):
    AppealFactory()
    PlacementFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index('class="appeal"') < html.index('class="sponsored"')
    assert html.index('class="sponsored"') < html.index('id="comments"')


def test_the_heaviest_placements_are_shown_first(client, article):
    PlacementFactory(headline="Light", weight=1)
    PlacementFactory(headline="Heavy", weight=50)
    PlacementFactory(headline="Middle", weight=10)
    PlacementFactory(headline="Lightest", weight=0)
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Heavy") < html.index("Middle") < html.index("Light")
    assert "Lightest" not in html


def test_inactive_ended_and_future_placements_are_not_shown(client, article):
    now = timezone.now()
    PlacementFactory(headline="Switched off", active=False)
    PlacementFactory(
        headline="Over",
        starts_at=now - datetime.timedelta(days=9),
        ends_at=now - datetime.timedelta(hours=1),
    )
    PlacementFactory(headline="Not yet", starts_at=now + datetime.timedelta(hours=1))
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'class="sponsored"' not in html


def test_a_placement_for_some_sections_shows_on_their_articles_only(client):
    security, economy = SectionFactory(name="Security"), SectionFactory(name="Economy")
    PlacementFactory(headline="For security pieces").sections.add(security)
    assert (
        "For security pieces"
        in client.get(ArticleFactory(section=security).get_absolute_url()).content.decode()
    )
    assert (
        "For security pieces"
        not in client.get(ArticleFactory(section=economy).get_absolute_url()).content.decode()
    )


def test_section_page_placements_show_on_section_pages_not_articles(client):
    section = SectionFactory(name="Security")
    article = ArticleFactory(section=section)
    PlacementFactory(headline="On the section page", slot="section_page")
    PlacementFactory(headline="At the end of articles")
    section_html = client.get(section.get_absolute_url()).content.decode()
    article_html = client.get(article.get_absolute_url()).content.decode()
    assert "On the section page" in section_html
    assert "At the end of articles" not in section_html
    assert "At the end of articles" in article_html
    assert "On the section page" not in article_html


def test_the_sponsors_postal_address_and_logo_are_shown(client, article):
    from tests.factories import image_file

    sponsor = SponsorFactory(name="Harrow Rifles", postal_address="14 Foundry Row\nLeek")
    sponsor.logo.save("logo.png", image_file(size=(200, 50)), save=True)
    PlacementFactory(sponsor=sponsor)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "14 Foundry Row<br>Leek" in html
    assert 'width="160" height="40"' in html


@pytest.mark.parametrize(
    ("plan_is_ad_free", "sees_them"), [(False, True), (True, False)], ids=["plan", "ad-free"]
)
def test_members_on_an_ad_free_plan_see_no_placements(client, article, plan_is_ad_free, sees_them):
    PlacementFactory(headline="Offer of the week")
    member = MemberFactory()
    SubscriptionFactory(member=member, plan=PlanFactory(name="Patron", ad_free=plan_is_ad_free))
    client.force_login(member)
    html = client.get(article.get_absolute_url()).content.decode()
    assert ("Offer of the week" in html) is sees_them


def test_an_ad_free_plan_that_has_ended_brings_the_placements_back(client, article):
    PlacementFactory(headline="Offer of the week")
    member = MemberFactory()
    now = timezone.now()
    SubscriptionFactory(
        member=member,
        plan=PlanFactory(name="Patron", ad_free=True),
        status="expired",
        starts_at=now - datetime.timedelta(days=40),
        ends_at=now - datetime.timedelta(days=1),
    )
    client.force_login(member)
    assert "Offer of the week" in client.get(article.get_absolute_url()).content.decode()


def test_readers_without_an_ad_free_plan_see_placements_logged_in_or_not(client, article):
    PlacementFactory(headline="Offer of the week")
    assert "Offer of the week" in client.get(article.get_absolute_url()).content.decode()
    client.force_login(MemberFactory())
    assert "Offer of the week" in client.get(article.get_absolute_url()).content.decode()


def test_the_page_carries_one_beacon_naming_the_placements_shown(client, article):
    shown = [PlacementFactory(weight=w) for w in (30, 20, 10)]
    html = client.get(article.get_absolute_url()).content.decode()
    ids = "-".join(str(p.pk) for p in shown)
    assert html.count("/sponsors/seen/") == 1
    assert f'src="/sponsors/seen/{ids}.gif"' in html


def test_a_staff_preview_of_a_draft_counts_no_impression(client, editor):
    PlacementFactory()
    draft = ArticleFactory(status="draft")
    client.force_login(editor)
    html = client.get(f"/admin/articles/article/{draft.pk}/preview/").content.decode()
    assert 'class="sponsored"' in html
    assert "/sponsors/seen/" not in html


def test_placements_carry_no_inline_script_or_style(client, article):
    PlacementFactory()
    AppealFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index('class="appeal"') : html.index('id="comments"')]
    assert "<script" not in section
    assert "style=" not in section
    assert not re.search(r"<[^>]+\son[a-z]+=", section)
