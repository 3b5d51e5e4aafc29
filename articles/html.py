"""The article body's HTML: what the editor may produce, and the server-side sanitiser.

The allowlist is derived from the editor's own extension list, so what the editor can make
is exactly what survives; whatever a browser posts is cleaned again before it is stored.
"""

import math
import re

import nh3
from django.utils.html import strip_tags
from django_prose_editor.config import allowlist_from_extensions, expand_extensions

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}

# Browsers drop tabs and line breaks anywhere in an address, skip leading spaces and control
# characters, and read a backslash as a slash: "\t/\\evil.example" leaves the site.
_IGNORED_IN_ADDRESS = re.compile(r"[\t\n\r]")
_OTHER_HOST = re.compile(r"^[\x00-\x20]*[/\\]{2}")


def _filter_link_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Links to other sites name their scheme: a scheme-relative ``//host`` is removed. A
    link never gives the page it opens a handle on ours: ``rel="opener"`` is dropped."""
    if tag != "a":
        return value
    if attribute == "href" and _OTHER_HOST.match(_IGNORED_IN_ADDRESS.sub("", value)):
        return None
    if attribute == "rel":
        kept = [word for word in value.split() if word.lower() != "opener"]
        return " ".join(kept) or None
    return value


_cleaner = nh3.Cleaner(
    **allowlist_from_extensions(expand_extensions(BODY_EXTENSIONS)),
    attribute_filter=_filter_link_attribute,
)


# The editor always sends at least one empty paragraph: an empty body is stored empty.
_EMPTY_BLOCK = re.compile(r"^<(?P<tag>\w+)></(?P=tag)>$")


def sanitize_body(html: str) -> str:
    """The body as stored: only what the editor can make, and links that stay honest."""
    cleaned = _cleaner.clean(html)
    return "" if _EMPTY_BLOCK.match(cleaned) else cleaned


WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def word_count(html: str) -> int:
    return len(_WORD.findall(strip_tags(html)))


def reading_minutes(html: str) -> int:
    """Minutes an unhurried reader needs, never less than one."""
    return max(1, math.ceil(word_count(html) / WORDS_PER_MINUTE))
