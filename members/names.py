"""Display names: what a member is called in public, and what they may not call themselves.

- **Clean.** Control and invisible format characters (Unicode categories Cc and Cf: bidi
  marks, embeddings, overrides and isolates U+200E/F, U+202A–E, U+2066–9, zero-width
  characters) are removed, so a name cannot reverse or hide the text drawn after it; runs of
  spaces become one. ``Member.save`` stores names cleaned, and ``Member.public_name`` cleans
  names stored before this rule, so no page draws one raw.
- **Not staff.** A reader's name may not pass for the newsroom's: no role word (moderator,
  editor, admin, staff, newsroom, …) or the publication's name, in any case, spacing, or
  with digits or look-alike letters standing in ("M o d", "Mod-erator", "Adm1n", Cyrillic
  "А"). Real staff carry a badge beside their comments instead (``Member.shows_staff_badge``).
- **Unique.** No two members share a name, whatever its case.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings

STRIPPED_CATEGORIES = {"Cc", "Cf"}

STAFF_WORDS = {
    "moderator",
    "moderators",
    "moderation",
    "mod",
    "mods",
    "editor",
    "editors",
    "editorial",
    "editorinchief",
    "admin",
    "admins",
    "administrator",
    "administrators",
    "sysadmin",
    "staff",
    "newsroom",
}

# Digits and symbols read as letters, and Cyrillic and Greek letters drawn like Latin ones.
LOOK_ALIKES = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "і": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "ѕ": "s",
        "т": "t",
        "у": "y",
        "х": "x",
        "ԁ": "d",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
    }
)

REQUIRED = "Please choose a display name: it is shown beside your comments."
IMITATES_STAFF = (
    "Display names may not look like the newsroom's: please leave out words such as "
    "moderator, editor, admin, staff or newsroom, and the publication's name. "
    "Staff are marked beside their comments."
)
TAKEN = "Another member already uses this display name. Please choose a different one."


def clean_display_name(text: str | None) -> str:
    """``text`` without control or invisible format characters, its spaces tidied."""
    text = unicodedata.normalize("NFC", text or "")
    kept = (
        " " if unicodedata.category(ch) == "Cc" else ch
        for ch in text
        if unicodedata.category(ch) not in STRIPPED_CATEGORIES or ch in "\t\n\r"
    )
    return " ".join("".join(kept).split())


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(LOOK_ALIKES)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _folded(text))


def _publication_names() -> set[str]:
    words = [word for word in _words(settings.SITE_NAME) if word != "the"]
    return {"".join(words)} if words else set()


def imitates_staff(name: str) -> bool:
    """Whether ``name`` could be taken for a member of the newsroom or the publication."""
    words = _words(clean_display_name(name))
    squashed = "".join(words)
    if any(publication in squashed for publication in _publication_names()):
        return True
    # Each word, and each run of neighbouring words joined ("m o d", "mod erator").
    for start in range(len(words)):
        joined = ""
        for word in words[start:]:
            joined += word
            if joined in STAFF_WORDS:
                return True
            if len(joined) > max(map(len, STAFF_WORDS)):
                break
    return False


def display_name_taken(name: str, member=None) -> bool:
    """Whether another member than ``member`` goes by ``name``, whatever its case."""
    from .models import Member

    if not name:
        return False
    others = Member.objects.filter(display_name__iexact=name)
    if member is not None and member.pk is not None:
        others = others.exclude(pk=member.pk)
    return others.exists()
