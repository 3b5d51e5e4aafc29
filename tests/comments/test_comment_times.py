"""A comment's time reads exactly as Django's date filter would write it, in the site's zone."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone

from comments.templatetags.comments import machine_time, posted_time

MOMENTS = [
    datetime.datetime(2026, 1, 5, 9, 7, 3, tzinfo=datetime.UTC),
    datetime.datetime(2026, 3, 29, 0, 59, 59, tzinfo=datetime.UTC),  # a clock change in Europe
    datetime.datetime(2026, 10, 25, 2, 30, tzinfo=datetime.UTC),
    datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC),  # a new year, east of UTC
]


@pytest.mark.parametrize("zone", ["UTC", "Europe/Budapest", "America/New_York"])
@pytest.mark.parametrize("moment", MOMENTS)
def test_comment_times_read_as_the_date_filter_writes_them(settings, zone, moment):
    settings.TIME_ZONE = zone
    django_filter = engines["django"].from_string(
        "{{ m|date:'Y-m-d\\TH:i:sO' }}|{{ m|date:'j F Y, H:i' }}"
    )
    with timezone.override(zone):
        assert f"{machine_time(moment)}|{posted_time(moment)}" == django_filter.render(
            {"m": moment}
        )


def test_in_the_hour_repeated_when_clocks_go_back_the_machine_time_says_which_one(settings):
    # 01:30 UTC is 02:30 in Budapest the second time round; Django's filter drops the offset.
    settings.TIME_ZONE = "Europe/Budapest"
    moment = datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC)
    with timezone.override("Europe/Budapest"):
        assert machine_time(moment) == "2026-10-25T02:30:00+0100"
        assert posted_time(moment) == "25 October 2026, 02:30"
