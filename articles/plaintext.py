"""Reading a piece copied out of another system as plain text, one block per line.

The rules (``import_article`` follows them):

- Blank lines are ignored; every other line is one block.
- The headline is ``--headline`` when given; otherwise the first line, when it reads like
  one (at most 25 words, not ending in punctuation), and otherwise the file's name.
- The first line of the body that ends in "Image Credit: X" (or "Photo credit: X",
  "Photo: X", "Credit: X") is the lead image's caption, what comes before, and its credit, X.
- A line of at most 12 words that does not end in punctuation (. , ; : ! ? … or a closing
  quote) is a heading.
- Lines that start with a bullet ("•", "-", "*", "–") are the items of a list.
- Every other line is a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

HEADING_MAX_WORDS = 12
HEADLINE_MAX_WORDS = 25
CLOSING_PUNCTUATION = ".,;:!?…\"'”’»›"

_CREDIT_LINE = re.compile(
    r"^(?P<caption>.*?)[\s.;,|–—-]*\b(?P<label>image credit|photo credit|picture credit|"
    r"photo|credit)\s*:\s*(?P<credit>[^:]+?)\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•*–-]|\u25aa|\u25cf)\s+")


@dataclass(frozen=True)
class TextBlock:
    kind: str  # "heading", "paragraph" or "list"
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass
class PlainArticle:
    headline: str
    headline_from: str  # "option", "first line" or "file name"
    caption: str = ""
    credit: str = ""
    blocks: list[TextBlock] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind == "heading"]

    def body_html(self) -> str:
        parts = []
        for block in self.blocks:
            if block.kind == "heading":
                parts.append(f"<h2>{escape(block.text, quote=False)}</h2>")
            elif block.kind == "list":
                items = "".join(f"<li>{escape(item, quote=False)}</li>" for item in block.items)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{escape(block.text, quote=False)}</p>")
        return "".join(parts)


def _ends_in_punctuation(line: str) -> bool:
    return line[-1] in CLOSING_PUNCTUATION


def is_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_MAX_WORDS and not _ends_in_punctuation(line)


def _reads_like_headline(line: str) -> bool:
    return len(line.split()) <= HEADLINE_MAX_WORDS and not _ends_in_punctuation(line)


def split_credit_line(line: str) -> tuple[str, str] | None:
    """(caption, credit) when the line ends in a credit, else None."""
    match = _CREDIT_LINE.match(line)
    if not match or not match.group("credit").strip():
        return None
    return match.group("caption").strip(), match.group("credit").strip().rstrip(".")


def parse_plain_text(text: str, headline: str = "", file_name: str = "") -> PlainArticle:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]

    if headline:
        article = PlainArticle(" ".join(headline.split()), "option")
        if lines and lines[0].casefold() == article.headline.casefold():
            lines.pop(0)  # the copy repeats the headline given
    elif lines and _reads_like_headline(lines[0]) and split_credit_line(lines[0]) is None:
        article = PlainArticle(lines.pop(0), "first line")
    else:
        article = PlainArticle(_from_file_name(file_name), "file name")

    if lines and (credit_line := split_credit_line(lines[0])):
        article.caption, article.credit = credit_line
        lines.pop(0)

    for line in lines:
        if _BULLET.match(line):
            item = _BULLET.sub("", line)
            previous = article.blocks[-1] if article.blocks else None
            if previous and previous.kind == "list":
                article.blocks[-1] = TextBlock("list", items=(*previous.items, item))
            else:
                article.blocks.append(TextBlock("list", items=(item,)))
        elif is_heading(line):
            article.blocks.append(TextBlock("heading", line))
        else:
            article.blocks.append(TextBlock("paragraph", line))
    return article


def _from_file_name(file_name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name.rsplit("/", 1)[-1])
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return (words[:1].upper() + words[1:]) or "Imported piece"
