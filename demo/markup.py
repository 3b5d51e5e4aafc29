"""A small block markup for the demo's article bodies, turned into the HTML the editor stores.

Blocks are separated by blank lines; wrapped lines inside a block are joined. A block opens
with ``## `` (h2), ``### `` (h3), ``> `` (quotation), ``- `` (bulleted list, one item per
marker) or ``1. `` (numbered list); anything else is a paragraph. Inline HTML (``<em>``,
``<strong>``, ``<a href>``) passes through as written.
"""

import re

_BLOCK_BREAK = re.compile(r"\n\s*\n")
_BULLET_MARKER = re.compile(r"^-\s+")
_ORDERED_MARKER = re.compile(r"^\d+\.\s+")


def prose(text: str) -> str:
    """One line from a wrapped, indented text."""
    return " ".join(text.split())


def to_html(text: str) -> str:
    blocks = [block for block in _BLOCK_BREAK.split(text.strip()) if block.strip()]
    return "".join(_render_block(block) for block in blocks)


def _render_block(block: str) -> str:
    line = prose(block)
    if line.startswith("### "):
        return f"<h3>{line[4:]}</h3>"
    if line.startswith("## "):
        return f"<h2>{line[3:]}</h2>"
    if line.startswith("> "):
        return f"<blockquote><p>{line[2:]}</p></blockquote>"
    if line.startswith("- "):
        return f"<ul>{_render_items(block, _BULLET_MARKER)}</ul>"
    if _ORDERED_MARKER.match(line):
        return f"<ol>{_render_items(block, _ORDERED_MARKER)}</ol>"
    return f"<p>{line}</p>"


def _render_items(block: str, marker: re.Pattern) -> str:
    items: list[str] = []
    for raw in block.strip().splitlines():
        line = raw.strip()
        if marker.match(line):
            items.append(marker.sub("", line))
        else:
            items[-1] = f"{items[-1]} {line}"
    return "".join(f"<li>{prose(item)}</li>" for item in items)
