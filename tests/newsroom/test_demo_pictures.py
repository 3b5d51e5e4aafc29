"""The demo reads like a real publication's day: photo credits name outlets the pieces cite,
every actor has a coloured portrait, the pieces are of several kinds, and its newsletters
are offered."""

import io
import re

import pytest
from PIL import Image, ImageStat

from actors.models import Actor
from articles.models import Article
from newsletters.models import Recipient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """Every test of this module shares the demo's pictures (``demo`` in tests/conftest.py)."""
    settings.MEDIA_ROOT = demo_media


def test_every_photo_credit_names_a_source_the_piece_cites(demo):
    credited = Article.objects.exclude(lead_image="").select_related("lead_image_credit_source")
    assert credited.count() >= 12
    for article in credited:
        cited = set(article.citations.values_list("source__name", flat=True))
        assert article.lead_image_credit_source.name in cited, article.slug


def test_no_outlet_credited_for_a_photo_is_listed_as_not_cited(client, demo):
    credited = set(
        Article.objects.public()
        .exclude(lead_image_credit_source=None)
        .values_list("lead_image_credit_source__name", flat=True)
    )
    html = client.get("/sources/").text

    entries = re.findall(r">([^<>]+)</a>\s*<span class=\"source-list__count\">([^<]+)<", html)
    counts = dict(entries)
    assert credited <= set(counts)
    for name in credited:
        assert counts[name].startswith("Cited in"), name


def colourfulness(picture: bytes) -> float:
    """Mean saturation of a picture, 0 (grey) to 255."""
    return ImageStat.Stat(Image.open(io.BytesIO(picture)).convert("HSV")).mean[1]


def test_every_actor_has_a_coloured_portrait_of_its_own(demo):
    actors = list(Actor.objects.all())
    pictures = {}
    for actor in actors:
        assert actor.portrait, actor.name
        with actor.portrait.open("rb") as file:
            pictures[actor.name] = file.read()
        assert colourfulness(pictures[actor.name]) > 60, actor.name
    assert len(set(pictures.values())) == len(actors)


def test_the_demo_mixes_news_analysis_opinion_and_explainers(demo):
    kinds = set(Article.objects.public().values_list("kind", flat=True))

    assert kinds == {"news", "analysis", "opinion", "explainer"}


def test_the_demo_offers_its_newsletters_and_signs_no_one_up(client, demo):
    page = client.get("/newsletters/").text
    assert "The Daily Brief" in page and "Weekly Europe" in page
    assert "no newsletter to offer" not in page
    assert not Recipient.objects.exists(), "sign-up is the reader's, confirmed by e-mail"
