"""The front page shows each piece once: the featured pieces at the top, then the latest,
then a row per section filled with that section's next pieces."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def piece(headline, section, hours_ago, featured=False):
    return ArticleFactory(
        headline=headline,
        section=section,
        featured=featured,
        publish_at=timezone.now() - datetime.timedelta(hours=hours_ago),
    )


def headlines(html: str) -> list[str]:
    return re.findall(r'class="card__headline[^"]*"><a href="[^"]+">([^<]+)</a>', html)


def shelf(html: str, name: str) -> str:
    """The HTML of the home page's row for the section called ``name``."""
    start = html.index(f">{name}</a></h2>")
    return html[start : html.index("</section>", start)]


@pytest.fixture
def front_page_pieces():
    diplomacy = SectionFactory(name="Diplomacy", position=1)
    security = SectionFactory(name="Security", position=2)
    pieces = {
        "featured": piece("Featured diplomacy", diplomacy, 1, featured=True),
        # The top has three slots: featured pieces fill the other two.
        "featured_security": [
            piece(f"Featured security {i}", security, 1.5, featured=True) for i in range(2)
        ],
        "latest": [piece(f"Latest {i}", security, 2 + i) for i in range(6)],
        "older": [piece(f"Older diplomacy {i}", diplomacy, 20 + i) for i in range(5)],
    }
    return pieces


def test_no_piece_appears_twice_on_the_front_page(client, front_page_pieces):
    shown = headlines(client.get("/").text)

    assert "Featured diplomacy" in shown and "Latest 0" in shown
    assert len(shown) == len(set(shown)), shown


def test_a_section_row_is_filled_with_the_next_pieces_of_its_section(client, front_page_pieces):
    html = client.get("/").text

    row = headlines(shelf(html, "Diplomacy"))
    assert row == [
        "Older diplomacy 0",
        "Older diplomacy 1",
        "Older diplomacy 2",
        "Older diplomacy 3",
    ]
    assert "Featured diplomacy" not in row
