"""The text side of search: what a reader's query may contain, accent folding, and
highlighted excerpts that are safe to put in a page.

Everything a reader types is untrusted. ``clean_query`` is the one gate: it drops control,
format (bidirectional marks, zero-width characters) and private-use characters, collapses
white space and cuts the query to ``MAX_QUERY_LENGTH``. Private-use characters matter
because the highlighter marks matches with two of them before escaping the text.
"""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12

# Sentinels around a match while the text is still raw; replaced by <mark> after escaping.
MARK_START = "\ue000"
MARK_END = "\ue001"

_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_SENTINELS = re.compile(f"([{MARK_START}{MARK_END}])")

# Letters that Unicode does not decompose but every reader expects folded, as PostgreSQL's
# unaccent does ("Łukasz" → "lukasz", "Søren" → "soren").
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ß": "ss",
        "’": "'",
    }
)


def clean_query(raw: str | None) -> str:
    """The query as searched and shown back: printable, single-spaced, at most 200 characters."""
    if not raw:
        return ""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in raw[: MAX_QUERY_LENGTH * 20]
        if ch.isspace() or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    return _SPACES.sub(" ", kept).strip()[:MAX_QUERY_LENGTH].strip()


def fold(text: str | None) -> str:
    """Lower case without accents: "Orbán" → "orban", "Łódź" → "lodz"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def folded_words(text: str | None) -> list[str]:
    """The words of a text, folded, in order."""
    return WORD.findall(fold(text))


def query_words(query: str) -> list[str]:
    """The distinct folded words of a query, in order, at most ``MAX_QUERY_WORDS``."""
    seen: list[str] = []
    for word in folded_words(query):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_QUERY_WORDS]


def name_needles(query: str) -> list[str]:
    """What a name must have a word starting with to match ``query``: the whole folded
    query, or one of its words of three letters or more."""
    phrase = " ".join(query_words(query))
    if not phrase:
        return []
    return [phrase, *[w for w in phrase.split() if len(w) >= 3 and w != phrase]]


def plain_text(body_html: str) -> str:
    """The readable text of a sanitised body: tags dropped, entities decoded."""
    return _SPACES.sub(" ", html.unescape(strip_tags(body_html.replace("<", " <")))).strip()


def marked_html(text: str, *, decode_entities: bool = False) -> SafeString:
    """Escape ``text`` entirely, then turn the highlighter's sentinels into <mark> tags.

    ``decode_entities`` is for excerpts cut from stored HTML, whose entities must show as
    the characters they stand for (and are escaped again here).
    """
    if decode_entities:
        text = html.unescape(text)
    # An unbalanced sentinel (a fragment cut mid-match) must not leave a <mark> open.
    out, open_mark = [], False
    for piece in _SENTINELS.split(escape(text)):
        if piece == MARK_START:
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif piece == MARK_END:
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(piece)
    if open_mark:
        out.append("</mark>")
    return mark_safe("".join(out))


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from in ``text``."""
    folded, origin = [], []
    for index, ch in enumerate(text):
        for out in fold(ch):
            folded.append(out)
            origin.append(index)
    return "".join(folded), origin


def _match_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` holding a word that starts with one of ``words`` (accents folded)."""
    if not words:
        return []
    folded, origin = _folded_with_positions(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*")
    spans = []
    for match in pattern.finditer(folded):
        start = origin[match.start()]
        end = origin[match.end() - 1] + 1
        # Extend to the end of the original word (a folded letter may stand for several).
        while end < len(text) and (text[end].isalnum() or unicodedata.combining(text[end])):
            end += 1
        spans.append((start, end))
    return spans


def highlight(text: str, words: list[str]) -> SafeString:
    """The whole ``text``, escaped, with every word starting with one of ``words`` marked."""
    pieces, last = [], 0
    for start, end in _match_spans(text, words):
        pieces += [text[last:start], MARK_START, text[start:end], MARK_END]
        last = end
    pieces.append(text[last:])
    return marked_html("".join(pieces))


def excerpt(text: str, words: list[str], max_words: int = 35) -> SafeString:
    """About ``max_words`` words of ``text`` around the first match, escaped and marked."""
    spans = _match_spans(text, words)
    if not spans:
        cut = text.split(" ")
        shown = " ".join(cut[:max_words])
        return marked_html(shown + (" …" if len(cut) > max_words else ""))
    first = spans[0][0]
    before = text[:first].split(" ")
    lead = before[-8:] if len(before) > 8 else before
    start = first - len(" ".join(lead))
    tail = text[start:].split(" ")
    window = " ".join(tail[:max_words])
    end = start + len(window)
    pieces, last = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces += [text[last:span_start], MARK_START, text[span_start:span_end], MARK_END]
        last = span_end
    pieces.append(text[last:end])
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return marked_html(prefix + "".join(pieces) + suffix)
