"""The sponsors desk: reports per placement and per sponsor for a chosen period, as a chart,
a table and CSV; editors manage sponsors, writers and moderators do not reach them."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone

from sponsors.models import PlacementDay
from tests.factories import PlacementFactory, SponsorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded():
    """A sponsor with two placements and three recorded days (one of them without clicks,
    one outside the period asked for)."""
    sponsor = SponsorFactory(name="Harrow Rifles")
    first = PlacementFactory(sponsor=sponsor, headline="The workshop")
    second = PlacementFactory(sponsor=sponsor, headline="The Moorland 308")
    day = datetime.date(2026, 3, 10)
    PlacementDay.objects.create(placement=first, day=day, impressions=400, clicks=6)
    PlacementDay.objects.create(placement=second, day=day, impressions=100, clicks=4)
    PlacementDay.objects.create(
        placement=first, day=day + datetime.timedelta(days=2), impressions=200, clicks=0
    )
    PlacementDay.objects.create(
        placement=first, day=day + datetime.timedelta(days=30), impressions=999, clicks=99
    )
    return sponsor, first, second


PERIOD = "start=2026-03-09&end=2026-03-12"


def test_a_sponsors_report_adds_up_its_placements_per_day(client, editor, recorded):
    sponsor, _, _ = recorded
    client.force_login(editor)
    response = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/?{PERIOD}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>700</strong> impressions" in html
    assert "<strong>10</strong> clicks" in html
    assert "click rate <strong>1.43%</strong>" in html
    # Both placements, each with its own figures.
    assert "The workshop" in html and "The Moorland 308" in html
    assert '<td class="num">100</td><td class="num">4</td><td class="num">4.00%</td>' in html


def test_the_report_draws_a_chart_with_a_bar_for_every_day(client, editor, recorded):
    sponsor, _, _ = recorded
    client.force_login(editor)
    html = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/?{PERIOD}").content.decode()
    chart = html.index('class="report-chart"')
    svg = html[chart : html.index("</svg>", chart)]
    # Four days, two bar panels; the rate line has a dot on the two days with impressions.
    assert svg.count('class="report-chart__bar"') == 8
    assert svg.count('class="report-chart__dot"') == 2
    assert "<title>10 Mar: 500</title>" in svg
    assert "<title>10 Mar: 2.00%</title>" in svg
    assert "<script" not in svg


def test_a_placements_report_counts_that_placement_only(client, editor, recorded):
    _, _, second = recorded
    client.force_login(editor)
    html = client.get(f"/admin/sponsors/placement/{second.pk}/report/?{PERIOD}").content.decode()
    assert "<strong>100</strong> impressions" in html
    assert "<strong>4</strong> clicks" in html


def test_the_csv_has_a_row_per_day_and_a_total(client, editor, recorded):
    sponsor, _, _ = recorded
    client.force_login(editor)
    response = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/csv/?{PERIOD}")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "2026-03-09-2026-03-12.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["date", "impressions", "clicks", "click_rate_percent"],
        ["2026-03-09", "0", "0", ""],
        ["2026-03-10", "500", "10", "2.00"],
        ["2026-03-11", "0", "0", ""],
        ["2026-03-12", "200", "0", "0.00"],
        ["total", "700", "10", "1.43"],
    ]


def test_the_report_page_offers_the_csv_of_the_same_period(client, editor, recorded):
    sponsor, _, _ = recorded
    client.force_login(editor)
    html = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/?{PERIOD}").content.decode()
    assert (
        f"/admin/sponsors/sponsor/{sponsor.pk}/report/csv/?start=2026-03-09&amp;end=2026-03-12"
        in html
    )


def test_without_a_period_the_report_covers_the_last_thirty_days(client, editor, recorded):
    sponsor, first, _ = recorded
    today = timezone.localdate()
    PlacementDay.objects.create(placement=first, day=today, impressions=7, clicks=1)
    client.force_login(editor)
    response = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 1 + 30 + 1
    assert rows[-2] == [today.isoformat(), "7", "1", "14.29"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=2026-03-12&end=2026-03-01", "The period must end on or after the day it starts."),
        ("start=2024-01-01&end=2026-03-01", "A report covers at most 366 days."),
        ("start=yesterday&end=2026-03-01", "Enter a valid date."),
    ],
)
def test_a_wrong_period_is_explained_and_the_last_thirty_days_shown(
    client, editor, recorded, query, message
):
    sponsor, _, _ = recorded
    client.force_login(editor)
    response = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert len(re.findall(r'<tr><th scope="row"><time', html)) == 30


def test_the_lists_link_to_each_report(client, editor, recorded):
    sponsor, first, _ = recorded
    client.force_login(editor)
    assert (
        f"/admin/sponsors/sponsor/{sponsor.pk}/report/"
        in client.get("/admin/sponsors/sponsor/").content.decode()
    )
    assert (
        f"/admin/sponsors/placement/{first.pk}/report/"
        in client.get("/admin/sponsors/placement/").content.decode()
    )


@pytest.mark.parametrize("role", ["writer", "moderator"])
def test_writers_and_moderators_cannot_reach_sponsors_or_reports(client, request, recorded, role):
    sponsor, placement, _ = recorded
    client.force_login(request.getfixturevalue(role))
    for url in [
        "/admin/sponsors/sponsor/",
        "/admin/sponsors/placement/",
        f"/admin/sponsors/placement/{placement.pk}/change/",
        f"/admin/sponsors/sponsor/{sponsor.pk}/report/",
        f"/admin/sponsors/sponsor/{sponsor.pk}/report/csv/",
        f"/admin/sponsors/placement/{placement.pk}/report/",
    ]:
        assert client.get(url).status_code == 403, url
    assert "Sponsors" not in client.get("/admin/").content.decode()


def test_readers_are_sent_to_log_in_from_a_report(client, recorded):
    sponsor, _, _ = recorded
    response = client.get(f"/admin/sponsors/sponsor/{sponsor.pk}/report/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editors_add_a_sponsor_and_a_placement(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/sponsors/sponsor/add/",
        {"name": "Atlas & Quire", "website": "atlasandquire.example", "postal_address": ""},
    )
    assert response.status_code == 302
    sponsor = SponsorFactory._meta.model.objects.get(name="Atlas & Quire")
    assert sponsor.website == "https://atlasandquire.example"
    now = timezone.localtime()
    response = client.post(
        "/admin/sponsors/placement/add/",
        {
            "sponsor": sponsor.pk,
            "headline": "Books behind the headlines",
            "text": "Booksellers since 1984.",
            "target_url": "https://atlasandquire.example/books/",
            "slot": "article_end",
            "starts_at_0": now.strftime("%Y-%m-%d"),
            "starts_at_1": now.strftime("%H:%M:%S"),
            "weight": "10",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert sponsor.placements.get().headline == "Books behind the headlines"


def test_a_placement_linking_to_a_script_address_is_refused_with_a_message(client, editor):
    sponsor = SponsorFactory()
    client.force_login(editor)
    now = timezone.localtime()
    response = client.post(
        "/admin/sponsors/placement/add/",
        {
            "sponsor": sponsor.pk,
            "headline": "Sneaky",
            "text": "Text.",
            "target_url": "javascript:alert(1)",
            "slot": "article_end",
            "starts_at_0": now.strftime("%Y-%m-%d"),
            "starts_at_1": now.strftime("%H:%M:%S"),
            "weight": "10",
        },
    )
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert not sponsor.placements.exists()
