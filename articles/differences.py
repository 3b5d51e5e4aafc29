"""Two versions of a piece side by side, in words an editor reads: values as shown in the
form, and the body block by block, its changed words struck out and added.

Used where an edit conflict shows the stored version against the editor's, and where two
revisions are compared (``articles.revisions``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .checks.document import body_blocks


@dataclass(frozen=True)
class Change:
    """One field that differs: its two values in the order the page shows them, or, for the
    body, the two texts block by block with the changed words marked."""

    label: str
    left: str = ""
    right: str = ""
    diff: SafeString | None = None


def shown(value) -> str:
    """A value as an editor reads it: dates in local time, Yes/No, "(empty)"."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    return str(value)


def _words_diff(old: str, new: str) -> str:
    """``old`` to ``new`` word by word: removed words in <del>, added ones in <ins>."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def _blocks(html: str | None) -> list[str]:
    return [block.text for block in body_blocks(html or "")]


def same_body(a_html: str | None, b_html: str | None) -> bool:
    """The two bodies read the same, block by block (markup aside)."""
    return _blocks(a_html) == _blocks(b_html)


def body_diff(
    old_html: str,
    new_html: str,
    *,
    only_old: str = "Only in the stored version",
    only_new: str = "Only in yours",
) -> SafeString:
    """The body as a readable diff, block by block: unchanged blocks are left out (counted),
    a changed block shows its words struck out (old) and added (new); a block in one version
    only is labelled ``only_old`` or ``only_new``."""
    old, new = _blocks(old_html), _blocks(new_html)
    rows = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            count = i2 - i1
            rows.append(
                '<li class="edit-conflict__same">'
                f"{count} block{'s' if count != 1 else ''} the same in both</li>"
            )
            continue
        pairs = list(zip(old[i1:i2], new[j1:j2], strict=False))
        for before, after in pairs:
            rows.append(f'<li class="edit-conflict__changed">{_words_diff(before, after)}</li>')
        for before in old[i1 + len(pairs) : i2]:
            rows.append(
                f'<li class="edit-conflict__removed">{escape(only_old)}: '
                f"<del>{escape(before)}</del></li>"
            )
        for after in new[j1 + len(pairs) : j2]:
            rows.append(
                f'<li class="edit-conflict__added">{escape(only_new)}: '
                f"<ins>{escape(after)}</ins></li>"
            )
    return mark_safe(f'<ul class="edit-conflict__body">{"".join(rows)}</ul>')  # noqa: S308
