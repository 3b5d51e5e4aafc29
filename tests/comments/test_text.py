"""A comment is plain text: every character of HTML is shown, never interpreted."""

import re

import pytest

from comments.text import render_comment_text

# The only tags a rendered comment may hold.
ALLOWED_TAG = re.compile(r'^<(?:p|/p|br|/a|a href="https?://[^"<>]*" rel="nofollow ugc")>$')


def tags_in(html: str) -> list[str]:
    return re.findall(r"<[^>]*>", html)


HOSTILE = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "<a href='javascript:alert(1)'>click</a>",
    '"><svg onload=alert(1)>',
    "<iframe src='https://evil.example/'></iframe>",
    "<style>body{display:none}</style>",
    "&lt;b&gt;already escaped&lt;/b&gt;",
    "<!-- a comment --> <b>bold</b> <i>it</i>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markup_is_shown_as_text_and_never_as_markup(text):
    html = render_comment_text(text)
    assert all(ALLOWED_TAG.match(tag) for tag in tags_in(html)), tags_in(html)
    assert "<script" not in html
    assert "<img" not in html
    assert "<iframe" not in html
    assert "<svg" not in html
    assert "<style" not in html
    assert "<b>" not in html
    assert "<!--" not in html
    assert "&lt;" in html or "&amp;lt;" in html


def test_every_html_character_is_escaped():
    assert render_comment_text("""<>&"'""") == "<p>&lt;&gt;&amp;&quot;&#x27;</p>"


def test_line_breaks_are_kept_and_blank_lines_make_paragraphs():
    html = render_comment_text("First line\r\nsecond line\n\n\nA new paragraph")
    assert html == "<p>First line<br>second line</p><p>A new paragraph</p>"


def test_web_addresses_become_links_marked_nofollow_ugc():
    html = render_comment_text("See https://example.org/report?a=1&b=2 for more.")
    assert html == (
        '<p>See <a href="https://example.org/report?a=1&amp;b=2" rel="nofollow ugc">'
        "https://example.org/report?a=1&amp;b=2</a> for more.</p>"
    )


def test_an_address_starting_www_links_over_https():
    html = render_comment_text("Try www.example.org.")
    assert '<a href="https://www.example.org" rel="nofollow ugc">www.example.org</a>.' in html


def test_closing_punctuation_stays_outside_the_link_but_a_bracket_the_address_opened_stays():
    html = render_comment_text("(see https://en.wikipedia.org/wiki/Foo_(bar)), then")
    assert 'href="https://en.wikipedia.org/wiki/Foo_(bar)"' in html
    assert "</a>), then" in html


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        'https://example.org/"onmouseover="alert(1)',
        "https://example.org/<script>",
    ],
)
def test_only_web_addresses_are_linked_and_an_address_cannot_break_out_of_its_attribute(text):
    html = render_comment_text(text)
    assert all(ALLOWED_TAG.match(tag) for tag in tags_in(html)), tags_in(html)


def test_long_addresses_are_shortened_for_display_but_linked_whole():
    url = "https://example.org/" + "a" * 100
    html = render_comment_text(url)
    assert f'href="{url}"' in html
    assert "…</a>" in html


def test_an_empty_or_deleted_body_renders_nothing():
    assert render_comment_text("") == ""
