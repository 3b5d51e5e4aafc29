"""Moments as the newsroom reads them: in words, in the publication's local time."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format


def local_time_in_words(moment: datetime) -> str:
    """ "10 December 2026, 09:00", in the local time zone (``TIME_ZONE``)."""
    return date_format(timezone.localtime(moment), "j F Y, H:i")
