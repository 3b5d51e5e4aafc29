"""How a comment's plain text becomes HTML: the one place that decides.

Every character the member typed is escaped, so markup shows as text and is never
interpreted. Blank lines separate paragraphs and single line breaks are kept. Web
addresses (``http://``, ``https://`` or starting ``www.``) become links marked
``rel="nofollow ugc"``; nothing else becomes a link.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# An address runs to the next space, quote or angle bracket; trailing punctuation that
# usually ends a sentence is left outside the link.
URL = re.compile(r"(?<![\w@/])((?:https?://|www\.)[^\s<>\"'`]+)", re.IGNORECASE)
TRAILING = ".,;:!?'\")]}*"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MAX_LINK_TEXT = 60


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_trailing(url: str) -> tuple[str, str]:
    """Keep closing punctuation out of the link, but keep a bracket the address opened."""
    tail = ""
    while url and url[-1] in TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        tail = url[-1] + tail
        url = url[:-1]
    return url, tail


def _link(url: str) -> str:
    href = url if url.lower().startswith(("http://", "https://")) else f"https://{url}"
    shown = url if len(url) <= MAX_LINK_TEXT else url[: MAX_LINK_TEXT - 1] + "…"
    return f'<a href="{escape(href)}" rel="nofollow ugc">{escape(shown)}</a>'


def _linkify_escaped(line: str) -> str:
    parts = []
    position = 0
    for match in URL.finditer(line):
        url, tail = _split_trailing(match.group(1))
        if not url or url.lower() in ("http://", "https://", "www."):
            continue
        parts.append(escape(line[position : match.start(1)]))
        parts.append(_link(url))
        parts.append(escape(tail))
        position = match.end(1)
    parts.append(escape(line[position:]))
    return "".join(parts)


def render_comment_text(text: str) -> SafeString:
    """The HTML of a comment body: escaped, paragraphs and line breaks kept, links added."""
    text = normalise_newlines(text or "").strip("\n")
    paragraphs = [p.strip("\n") for p in PARAGRAPH_BREAK.split(text) if p.strip()]
    html = "".join(
        "<p>" + "<br>".join(_linkify_escaped(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
    )
    return mark_safe(html)  # noqa: S308 — every piece above went through escape()
