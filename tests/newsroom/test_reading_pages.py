"""Reading pages can be cached whole and read without JavaScript (DESIGN §9, §10)."""

import re

import pytest

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def test_reading_pages_carry_no_inline_script_or_event_handler(every_page_kind):
    for url, response in every_page_kind.items():
        assert not INLINE_SCRIPT.search(response.text), url
        assert not EVENT_HANDLER.search(response.text), url


def test_reading_pages_set_no_cookie_and_carry_no_csrf_token(every_page_kind):
    for url, response in every_page_kind.items():
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.text, url


@pytest.mark.parametrize("width_hint", ["width=", "height="])
def test_every_image_declares_its_size_so_nothing_jumps(every_page_kind, width_hint):
    for url, response in every_page_kind.items():
        for img in re.findall(r"<img\b[^>]*>", response.text):
            assert width_hint in img, (url, img)
            assert "alt=" in img, (url, img)
