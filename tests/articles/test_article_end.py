"""The end of an article: share links that load nothing from elsewhere, a copy-link button
that needs a script to appear, and who wrote the piece, with photo and bio."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import ArticleFactory, AuthorFactory, BylineFactory, image_file

pytestmark = pytest.mark.django_db

ADDRESS = "http://testserver/articles/the-quiet-channel/"


@pytest.fixture
def article():
    article = ArticleFactory(headline="The quiet channel")
    author = AuthorFactory(
        byline="Nadia Koval",
        title="Diplomatic Correspondent",
        bio="Nadia Koval covers negotiations and the officials who conduct them.",
    )
    author.photo.save("nadia.jpg", image_file(size=(400, 400)), save=True)
    BylineFactory(article=article, author=author)
    return article


def share_block(page: str) -> str:
    return page.split('<section class="share"', 1)[1].split("</section>", 1)[0]


def share_hrefs(page: str) -> dict[str, str]:
    links = re.findall(
        r'<a href="([^"]+)"><span class="visually-hidden">Share (?:on|by) </span>([^<]+)</a>',
        share_block(page),
    )
    return {name: html.unescape(href) for href, name in links}


def test_share_links_carry_the_address_and_headline_of_the_piece(client, article):
    links = share_hrefs(client.get(article.get_absolute_url()).text)

    assert list(links) == ["E-mail", "Bluesky", "X", "LinkedIn", "Facebook", "WhatsApp"]
    mail = urlsplit(links["E-mail"])
    assert mail.scheme == "mailto"
    assert parse_qs(mail.query) == {"subject": ["The quiet channel"], "body": [ADDRESS]}
    assert parse_qs(urlsplit(links["X"]).query) == {"text": ["The quiet channel"], "url": [ADDRESS]}
    assert parse_qs(urlsplit(links["Facebook"]).query) == {"u": [ADDRESS]}
    for name in ["Bluesky", "LinkedIn", "WhatsApp"]:
        assert urlsplit(links[name]).scheme == "https"
        assert ADDRESS in "".join(sum(parse_qs(urlsplit(links[name]).query).values(), [])), name


def test_the_page_loads_no_script_from_elsewhere(client, article):
    page = client.get(article.get_absolute_url()).text

    scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page)
    assert scripts and all(src.startswith("/static/") for src in scripts), scripts
    assert "/static/js/share" in " ".join(scripts)


def test_the_copy_link_button_is_hidden_until_a_script_shows_it(client, article):
    block = share_block(client.get(article.get_absolute_url()).text)

    button = re.search(r'<button class="share__copy"[^>]*>', block).group(0)
    assert " hidden" in button and f'data-url="{ADDRESS}"' in button


def test_the_piece_ends_with_each_authors_photo_title_and_bio(client, article):
    page = client.get(article.get_absolute_url()).text
    box = page.split('<section class="authors"', 1)[1].split("</section>", 1)[0]

    assert "About the author</h2>" in box
    assert '<a href="/authors/nadia-koval/" rel="author">Nadia Koval</a>' in box
    assert "Diplomatic Correspondent" in box
    assert "covers negotiations and the officials who conduct them" in box
    photo = re.search(r'<img class="author-box__photo" src="([^"]+)"', box).group(1)
    assert client.get(photo).status_code == 200
