"""Reading a piece copied out of another system as plain text, one block per line.

The rules (``import_article`` follows them):

- Blank lines are ignored; every other line is one block.
- The headline is ``--headline`` when given; otherwise the first line, when it reads like
  one (at most 25 words, not ending in punctuation), and otherwise the file's name.
- Page furniture, what the page around the piece carried, is left out of the body and
  listed in ``PlainArticle.furniture`` with its kind, the rule that found it, its line and
  its text (the rules are below).
- A *credit line* ends in "Image Credit: X" (or "Photo credit: X", "Picture credit: X",
  "Photo: X", "Image: X", "Credit: X"), X being a name of at most 10 words that starts with
  a capital letter or a digit (or "courtesy", "via"); what stands before the label is the
  caption. A label after a caption is capitalised, as credits are ("Photo:", not "photo:").
  A credit line with no caption (a lone "Image Credit: X") takes the line just before it as
  its caption when that line reads as one: a sentence (ending in . ! ? … or a closing quote)
  of at most 40 words.
- The first credit line of the body, wherever it stands, is the lead image's caption and
  credit. Every later one (with its caption line) belongs to another picture: it is left
  out of the body and listed as furniture of kind "caption" (rule ``picture caption``).
- A line of at most 12 words that does not end in punctuation (. , ; : ! ? … or a closing
  quote) is a heading.
- Lines that start with a bullet ("•", "-", "*", "–") are the items of a list.
- Every other line is a paragraph.

The furniture rules are in ``articles.furniture``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from .furniture import Furniture, find_furniture

HEADING_MAX_WORDS = 12
HEADLINE_MAX_WORDS = 25
CLOSING_PUNCTUATION = ".,;:!?…\"'”’»›"
SENTENCE_END = ".!?…\"'”’»"
CAPTION_MAX_WORDS = 40
CREDIT_MAX_WORDS = 10

_CREDIT_LINE = re.compile(
    r"^(?:(?P<caption>.*?)(?P<separator>\s*[.;,|–—-]\s*|\s*\(\s*|\s+))??"
    r"(?P<label>(?:image|photo|picture|photograph)\s+credits?|credits?|photo(?:graph)?s?|"
    r"pictures?|images?)\s*:\s*(?P<credit>[^:]+?)\s*\)?\s*$",
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
    furniture: list[Furniture] = field(default_factory=list)

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


def _words(line: str) -> int:
    return len(line.split())


def _ends_in_punctuation(line: str) -> bool:
    return line[-1] in CLOSING_PUNCTUATION


def is_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_MAX_WORDS and not _ends_in_punctuation(line)


def _reads_like_headline(line: str) -> bool:
    return len(line.split()) <= HEADLINE_MAX_WORDS and not _ends_in_punctuation(line)


def _reads_as_caption(line: str) -> bool:
    """A sentence short enough to sit under a picture."""
    return (
        not _BULLET.match(line)
        and _words(line) <= CAPTION_MAX_WORDS
        and line[-1] in SENTENCE_END
        and split_credit_line(line) is None
    )


def split_credit_line(line: str) -> tuple[str, str] | None:
    """(caption, credit) when the line ends in a credit, else None."""
    match = _CREDIT_LINE.match(line)
    if not match:
        return None
    caption = (match.group("caption") or "").strip()
    credit = match.group("credit").strip().rstrip(".)").strip()
    names_someone = credit[:1].isupper() or credit[:1].isdigit()
    if not names_someone and not re.match(r"(?:courtesy|via)\b", credit, re.I):
        return None
    if _words(credit) > CREDIT_MAX_WORDS or "?" in credit or "!" in credit:
        return None
    if caption and (not match.group("label")[0].isupper() or _words(caption) > CAPTION_MAX_WORDS):
        return None
    return caption, credit


def parse_plain_text(text: str, headline: str = "", file_name: str = "") -> PlainArticle:
    numbered = [
        (number, " ".join(line.split())) for number, line in enumerate(text.splitlines(), 1)
    ]
    numbered = [(number, line) for number, line in numbered if line]

    if headline:
        article = PlainArticle(" ".join(headline.split()), "option")
        if numbered and numbered[0][1].casefold() == article.headline.casefold():
            numbered.pop(0)  # the copy repeats the headline given
    elif (
        numbered
        and _reads_like_headline(numbered[0][1])
        and split_credit_line(numbered[0][1]) is None
    ):
        article = PlainArticle(numbered.pop(0)[1], "first line")
    else:
        article = PlainArticle(_from_file_name(file_name), "file name")

    lines = [line for _, line in numbered]
    left_out: set[int] = set()
    found: list[tuple[int, Furniture]] = []
    for span in find_furniture(lines):
        left_out.update(range(span.start, span.end))
        text_left_out = "\n".join(lines[span.start : span.end])
        found.append(
            (span.start, Furniture(span.kind, span.rule, numbered[span.start][0], text_left_out))
        )

    kept = [index for index in range(len(lines)) if index not in left_out]
    pictures = _find_pictures([lines[index] for index in kept])
    for order, (start, end, caption, credit) in enumerate(pictures):
        first = kept[start]
        left_out.update(kept[start:end])
        if order == 0:
            article.caption, article.credit = caption, credit
        else:
            text_left_out = "\n".join(lines[index] for index in kept[start:end])
            found.append(
                (first, Furniture("caption", "picture caption", numbered[first][0], text_left_out))
            )
    article.furniture = [furniture for _, furniture in sorted(found, key=lambda pair: pair[0])]

    for index, line in enumerate(lines):
        if index not in left_out:
            _add_block(article, line)
    return article


def _add_block(article: PlainArticle, line: str) -> None:
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


def _find_pictures(lines: list[str]) -> list[tuple[int, int, str, str]]:
    """Each credit line, as (first index, index after, caption, credit), in order."""
    pictures: list[tuple[int, int, str, str]] = []
    for index, line in enumerate(lines):
        if (split := split_credit_line(line)) is None:
            continue
        caption, credit = split
        start = index
        free = not pictures or pictures[-1][1] < index
        if not caption and index > 0 and free and _reads_as_caption(lines[index - 1]):
            start, caption = index - 1, lines[index - 1]
            caption = (
                caption[:-1] if caption.endswith(".") and not caption.endswith("..") else caption
            )
        pictures.append((start, index + 1, caption, credit))
    return pictures


def _from_file_name(file_name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name.rsplit("/", 1)[-1])
    words = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return (words[:1].upper() + words[1:]) or "Imported piece"
