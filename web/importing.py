"""Reading the files the import commands take, and saying exactly what is wrong with them.

The rules every import follows: a file that cannot be read as UTF-8 text, or a row that
does not make sense, is reported with its line number and the reason; the command then
exits with status 2 and saves nothing. Problems are collected for the whole file, so one
run lists them all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.validators import URLValidator

EXIT_BAD_FILE = 2


class BadFile(Exception):
    """The file as a whole cannot be imported; the message is one line for the editor."""


def read_text(path: str | Path) -> str:
    """The file's text, or ``BadFile`` when it is missing, empty, binary or not UTF-8."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadFile(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise BadFile(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise BadFile(f"{path} cannot be read: {error.strerror}.") from None
    if not data.strip():
        raise BadFile(f"{path} is empty.")
    if b"\x00" in data:
        raise BadFile(f"{path} is a binary file, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BadFile(
            f"{path}, line {line}: not UTF-8 text (byte {error.start + 1}); save it as UTF-8."
        ) from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise BadFile(f"{path} is a binary file, not text.")
    return text


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return " ".join(self.cells.get(column, "").split())


def read_rows(path: str | Path, columns: list[str]) -> list[Row]:
    """The rows of a CSV file with ``columns`` (named in a header row, in any order, or
    given in that order without a header). Blank rows are skipped."""
    reader = csv.reader(io.StringIO(read_text(path), newline=""))
    rows: list[Row] = []
    header: list[str] | None = None
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                named = [cell.strip().lower() for cell in record]
                if "name" in named:
                    header = _header(named, columns, start)
                    continue
                header = columns  # no header row: the documented order
            if len(record) > len(header):
                raise BadFile(
                    f"line {start}: {len(record)} cells where at most {len(header)} are expected "
                    f"({','.join(header)}); a value with a comma needs double quotes."
                )
            rows.append(Row(start, dict(zip(header, record, strict=False))))
    except csv.Error as error:
        raise BadFile(f"line {reader.line_num}: {error}.") from None
    if not rows:
        raise BadFile(f"{path} holds no rows to import.")
    return rows


def _header(named: list[str], columns: list[str], line: int) -> list[str]:
    # Spreadsheets often leave a trailing empty column; it is ignored.
    unknown = [cell for cell in named if cell and cell not in columns]
    if unknown:
        raise BadFile(
            f"line {line}: unknown column “{unknown[0]}”; the columns are {','.join(columns)}."
        )
    return named


def split_aliases(cell: str) -> list[str]:
    """Aliases written in one cell, separated by ``|``, without blanks or repeats."""
    return list(dict.fromkeys(" ".join(part.split()) for part in cell.split("|") if part.strip()))


def choice_lookup(choices, synonyms: dict[str, str] | None = None) -> dict[str, str]:
    """What a person may write for each choice: its label or its code, in any case."""
    lookup = {}
    for value, label in choices:
        lookup[_choice_key(value)] = value
        lookup[_choice_key(label)] = value
    for written, value in (synonyms or {}).items():
        lookup[_choice_key(written)] = value
    return lookup


def _choice_key(text: str) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").lower().split())


def parse_choice(text: str, lookup: dict[str, str]) -> str | None:
    return lookup.get(_choice_key(text))


_URL = URLValidator(schemes=["http", "https"])


def parse_url(text: str) -> str:
    """A home page address; one typed without a scheme is taken as https."""
    url = text.strip()
    if url and "://" not in url:
        url = f"https://{url}"
    _URL(url)
    return url


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def summary(noun: str, created: int, updated: int, unchanged: int, dry_run: bool) -> str:
    """The closing line of an import: what it did, or with ``--dry-run`` what it would do."""
    if dry_run:
        return (
            f"Dry run, nothing saved: would create {plural(created, noun)} and update "
            f"{updated:,}; {unchanged:,} unchanged."
        )
    return f"Created {plural(created, noun)}, updated {updated:,}; {unchanged:,} unchanged."


def add_new_aliases(owner, aliases: list[str], alias_model, owner_field: str) -> list[str]:
    """Store the aliases ``owner`` lacks (case aside, and never its own name).

    Returns the change to report ("2 new aliases"), or nothing.
    """
    known = {alias.casefold() for alias in owner.aliases.values_list("name", flat=True)}
    known.add(owner.name.casefold())
    new = [alias for alias in aliases if alias.casefold() not in known]
    alias_model.objects.bulk_create([alias_model(**{owner_field: owner, "name": a}) for a in new])
    return [f"{len(new)} new alias{'es' if len(new) > 1 else ''}"] if new else []


def report_import(command, noun: str, created, updated, total: int, dry_run: bool) -> None:
    """What an import created and updated, one line each, then the summary line."""
    verb = ("would create", "would update") if dry_run else ("created", "updated")
    for name in created:
        command.stdout.write(f"{verb[0]}: {name}")
    for name in updated:
        command.stdout.write(f"{verb[1]}: {name}")
    unchanged = total - len(created) - len(updated)
    closing = summary(noun, len(created), len(updated), unchanged, dry_run)
    command.stdout.write(command.style.SUCCESS(closing))
