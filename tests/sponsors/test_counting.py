"""Clicks through ``/sponsors/click/<id>/`` and impressions through the beacon, counted per
placement and per day, without cookies and without bots."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from sponsors.counting import add_count
from sponsors.models import PlacementDay
from tests.factories import ArticleFactory, PlacementFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


def counts(placement) -> tuple[int, int]:
    day = PlacementDay.objects.filter(placement=placement, day=timezone.localdate()).first()
    return (day.impressions, day.clicks) if day else (0, 0)


@pytest.fixture
def browser():
    return Client(HTTP_USER_AGENT=BROWSER)


# --- Clicks ------------------------------------------------------------------------------------


def test_a_click_is_counted_and_redirected_to_the_placements_address(browser):
    placement = PlacementFactory(target_url="https://rifles.example/workshop/?ref=meridian")
    response = browser.get(f"/sponsors/click/{placement.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "https://rifles.example/workshop/?ref=meridian"
    assert counts(placement) == (0, 1)
    browser.get(f"/sponsors/click/{placement.pk}/")
    assert counts(placement) == (0, 2)


def test_the_click_route_cannot_be_pointed_anywhere_else(browser):
    placement = PlacementFactory(target_url="https://rifles.example/")
    for query in ("?next=https://evil.example/", "?url=//evil.example", "?to=javascript:x"):
        response = browser.get(f"/sponsors/click/{placement.pk}/{query}")
        assert response["Location"] == "https://rifles.example/"
    assert browser.get("/sponsors/click/https://evil.example/").status_code == 404


def test_a_placement_cannot_store_an_address_other_than_a_web_page():
    from django.core.exceptions import ValidationError

    placement = PlacementFactory.build(target_url="javascript:alert(1)")
    with pytest.raises(ValidationError) as refused:
        placement.full_clean(exclude=["sponsor"])
    assert "target_url" in refused.value.message_dict


@pytest.mark.parametrize("state", ["unknown", "inactive", "ended", "not started"])
def test_clicks_on_placements_that_do_not_run_answer_404(browser, state):
    now = timezone.now()
    placement = {
        "unknown": None,
        "inactive": lambda: PlacementFactory(active=False),
        "ended": lambda: PlacementFactory(
            starts_at=now - datetime.timedelta(days=3), ends_at=now - datetime.timedelta(hours=1)
        ),
        "not started": lambda: PlacementFactory(starts_at=now + datetime.timedelta(hours=1)),
    }[state]
    pk = placement().pk if placement else 424242
    response = browser.get(f"/sponsors/click/{pk}/")
    assert response.status_code == 404
    assert not PlacementDay.objects.exists()


def test_a_click_sets_no_cookie_and_is_never_cached(browser):
    placement = PlacementFactory()
    response = browser.get(f"/sponsors/click/{placement.pk}/")
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.4.0",
        "python-requests/2.31",
        "",
    ],
)
def test_bot_clicks_are_redirected_but_not_counted(agent):
    placement = PlacementFactory()
    response = Client(HTTP_USER_AGENT=agent).get(f"/sponsors/click/{placement.pk}/")
    assert response.status_code == 302
    assert counts(placement) == (0, 0)


# --- Impressions -------------------------------------------------------------------------------


def test_past_the_counting_limit_of_an_address_clicks_still_redirect_but_no_longer_count(
    settings, browser
):
    settings.RATE_LIMITS = {"counted": "3/m/address"}
    placement = PlacementFactory(target_url="https://rifles.example/")
    for _ in range(5):
        assert browser.get(f"/sponsors/click/{placement.pk}/")["Location"] == (
            "https://rifles.example/"
        )
        browser.get(f"/sponsors/seen/{placement.pk}.gif")
    # Click, impression, click: the first three requests of the address count.
    assert counts(placement) == (1, 2)
    other_address = browser.get(f"/sponsors/click/{placement.pk}/", REMOTE_ADDR="203.0.113.7")
    assert other_address.status_code == 302 and counts(placement) == (1, 3)


def test_the_beacon_counts_one_impression_per_placement_shown(browser):
    first, second = PlacementFactory(), PlacementFactory()
    response = browser.get(f"/sponsors/seen/{first.pk}-{second.pk}.gif")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert counts(first) == (1, 0)
    assert counts(second) == (1, 0)
    browser.get(f"/sponsors/seen/{first.pk}.gif")
    assert counts(first) == (2, 0)


def test_the_beacon_sets_no_cookie_and_is_never_cached(browser):
    placement = PlacementFactory()
    response = browser.get(f"/sponsors/seen/{placement.pk}.gif")
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_beacon_ignores_bots_and_prefetches(browser):
    placement = PlacementFactory()
    Client(HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)").get(
        f"/sponsors/seen/{placement.pk}.gif"
    )
    browser.get(f"/sponsors/seen/{placement.pk}.gif", HTTP_SEC_PURPOSE="prefetch")
    assert counts(placement) == (0, 0)


def test_the_beacon_counts_running_placements_only(browser):
    running = PlacementFactory()
    switched_off = PlacementFactory(active=False)
    response = browser.get(f"/sponsors/seen/{running.pk}-{switched_off.pk}-999999.gif")
    assert response.status_code == 200
    assert counts(running) == (1, 0)
    assert PlacementDay.objects.count() == 1


def test_a_malformed_beacon_address_is_a_404_not_an_error(browser):
    assert browser.get("/sponsors/seen/abc.gif").status_code == 404
    assert browser.get("/sponsors/seen/1--2.gif").status_code == 404


def test_a_page_served_from_the_reader_cache_still_counts_through_its_beacon(settings, browser):
    settings.PAGE_CACHE = True
    placement = PlacementFactory()
    article = ArticleFactory()
    first = browser.get(article.get_absolute_url())
    second = browser.get(article.get_absolute_url())
    assert second.get("X-Reader-Cache") == "hit", first.get("X-Reader-Cache")
    beacon = f"/sponsors/seen/{placement.pk}.gif"
    assert beacon in second.content.decode()
    browser.get(beacon)
    browser.get(beacon)
    assert counts(placement) == (2, 0)


def test_counts_are_kept_per_day():
    placement = PlacementFactory()
    today = timezone.localdate()
    add_count("impressions", [placement.pk], today - datetime.timedelta(days=1))
    add_count("impressions", [placement.pk], today)
    add_count("clicks", [placement.pk], today)
    assert list(
        PlacementDay.objects.order_by("day").values_list("day", "impressions", "clicks")
    ) == [(today - datetime.timedelta(days=1), 1, 0), (today, 1, 1)]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_counts_are_all_kept():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    placement = PlacementFactory()
    start = threading.Barrier(8)

    def count_some():
        from django.db import connection as thread_connection

        start.wait()
        for _ in range(25):
            add_count("impressions", [placement.pk])
        thread_connection.close()

    threads = [threading.Thread(target=count_some) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counts(placement) == (200, 0)
