"""``manage.py import_sources FILE.csv``: create or update sources from a spreadsheet.

Columns ``name,kind,url,aliases`` (a header row naming them, in any order, or that order
without one). ``kind`` is the label a person writes ("news agency") or its code
("news_agency"); aliases are separated by ``|``. A source is matched by name, whatever its
case, and updated in place: non-empty cells replace what is stored, new aliases are added and
existing ones kept. A bad file is reported line by line, exits with status 2 and saves
nothing; ``--dry-run`` reports what would change and saves nothing either.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sources.models import Source, SourceAlias
from web.importing import (
    EXIT_BAD_FILE,
    BadFile,
    add_new_aliases,
    choice_lookup,
    parse_choice,
    parse_url,
    read_rows,
    report_import,
    split_aliases,
)
from web.progress import progress

COLUMNS = ["name", "kind", "url", "aliases"]
KINDS = choice_lookup(
    Source.Kind.choices,
    {
        "agency": Source.Kind.NEWS_AGENCY,
        "wire": Source.Kind.NEWS_AGENCY,
        "wire service": Source.Kind.NEWS_AGENCY,
        "government": Source.Kind.GOVERNMENT,
        "think-tank": Source.Kind.THINK_TANK,
        "social": Source.Kind.SOCIAL,
        "social media": Source.Kind.SOCIAL,
    },
)
NAME_LENGTH = Source._meta.get_field("name").max_length


@dataclass
class SourceRow:
    line: int
    name: str
    kind: str | None
    url: str
    aliases: list[str]


class Command(BaseCommand):
    help = "Create or update sources from a CSV file with the columns name,kind,url,aliases."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 CSV file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; save nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            rows = read_rows(file, COLUMNS)
        except BadFile as error:
            raise CommandError(str(error), returncode=EXIT_BAD_FILE) from None

        existing = {source.name.casefold(): source for source in Source.objects.all()}
        parsed, problems, seen = [], [], {}
        for row in rows:
            try:
                item = self.parse(row, existing)
            except ValidationError as error:
                problems.append(f"line {row.line}: {error.messages[0]}")
                continue
            key = item.name.casefold()
            if key in seen:
                problems.append(f"line {row.line}: “{item.name}” is already on line {seen[key]}.")
                continue
            seen[key] = row.line
            parsed.append(item)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{file} was not imported ({len(problems)} problem(s)); nothing was saved.",
                returncode=EXIT_BAD_FILE,
            )

        created, updated = [], []
        with transaction.atomic():
            for item in progress(parsed, len(parsed), "Importing sources", self.stderr):
                source = existing.get(item.name.casefold())
                changes = self.save(item, source)
                if source is None:
                    created.append(item.name)
                elif changes:
                    updated.append(f"{item.name} ({', '.join(changes)})")
            if dry_run:
                transaction.set_rollback(True)
        self.report(created, updated, len(parsed), dry_run)

    def parse(self, row, existing) -> SourceRow:
        name = row.get("name")
        if not name:
            raise ValidationError("the name is empty.")
        if len(name) > NAME_LENGTH:
            raise ValidationError(f"the name is longer than {NAME_LENGTH} characters.")
        written = row.get("kind")
        kind = parse_choice(written, KINDS) if written else None
        if written and kind is None:
            labels = ", ".join(f"“{label.lower()}”" for _, label in Source.Kind.choices)
            raise ValidationError(f"unknown kind “{written}”; use one of {labels}.")
        if kind is None and name.casefold() not in existing:
            raise ValidationError(f"the kind of the new source “{name}” is empty.")
        url = row.get("url")
        if url:
            try:
                url = parse_url(url)
            except ValidationError:
                raise ValidationError(f"“{url}” is not a web address.") from None
        return SourceRow(row.line, name, kind, url, split_aliases(row.cells.get("aliases", "")))

    def save(self, item: SourceRow, source: Source | None) -> list[str]:
        """Create or update one source; the names of the fields that changed."""
        changes = []
        if source is None:
            source = Source(name=item.name)
        if source.name != item.name:
            source.name = item.name
            changes.append("name")
        if item.kind and source.kind != item.kind:
            source.kind = item.kind
            changes.append("kind")
        if item.url and source.url != item.url:
            source.url = item.url
            changes.append("url")
        if changes or source.pk is None:
            source.save()
        changes += add_new_aliases(source, item.aliases, SourceAlias, "source")
        return changes

    def report(self, created, updated, total, dry_run):
        report_import(self, "source", created, updated, total, dry_run)
