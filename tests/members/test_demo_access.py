"""The demo shows gated pieces: a new visitor meets the opening and an invitation, the demo
reader their allowance, the demo subscriber the whole piece and the gift button."""

import pytest
from django.test import Client

from articles.models import Article
from members.models import Member

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("members-demo")]

SUBSCRIBERS_PIECE = "/articles/oil-price-cap-what-it-achieved/"
MEMBERS_PIECE = "/articles/red-sea-price-of-a-detour/"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media, demo):
    settings.MEDIA_ROOT = demo_media


def test_the_demo_has_pieces_for_members_and_for_subscribers():
    public = Article.objects.public()
    assert public.filter(access="members").count() == 2
    assert public.filter(access="subscribers").count() == 2
    assert public.filter(access="public").count() > 4


def test_a_new_visitor_meets_the_opening_and_an_invitation():
    members = Client().get(MEMBERS_PIECE).text
    subscribers = Client().get(SUBSCRIBERS_PIECE).text
    assert "Sign up free to read" in members
    assert "Subscribe to read" in subscribers
    assert 'class="gated-part"' not in members + subscribers


def test_the_demo_reader_uses_the_allowance_and_the_subscriber_reads_and_gifts():
    reader, subscriber = Client(), Client()
    reader.force_login(Member.objects.get(email="reader@example.com"))
    subscriber.force_login(Member.objects.get(email="subscriber@example.com"))

    assert "free pieces left this month" in reader.get(MEMBERS_PIECE).text
    page = subscriber.get(SUBSCRIBERS_PIECE).text
    assert 'class="gated-part"' in page and "Gift this piece" in page
