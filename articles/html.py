"""The article body's HTML: what the editor may produce, and the server-side sanitiser.

The allowlist is derived from the editor's own extension list, so what the editor can make
is exactly what survives; whatever a browser posts is cleaned again before it is stored.
"""

import math
import re

from django.utils.html import strip_tags
from django_prose_editor.fields import create_sanitizer

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

sanitize_body = create_sanitizer(BODY_EXTENSIONS)

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def word_count(html: str) -> int:
    return len(_WORD.findall(strip_tags(html)))


def reading_minutes(html: str) -> int:
    """Minutes an unhurried reader needs, never less than one."""
    return max(1, math.ceil(word_count(html) / WORDS_PER_MINUTE))
