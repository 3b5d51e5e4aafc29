"""``manage.py import_actors FILE.csv``: create or update actors from a spreadsheet.

Columns ``name,kind,title,country,aliases,wikidata_id`` (a header row naming them, in any
order, or that order without one). ``kind`` is person, state, organisation or group (label
or code); ``country`` is free text, since states end and rename; aliases are separated by
``|``. Empty cells leave what is stored alone, and only the name, and the kind of a new
actor, are required.

An actor is matched by its Wikidata id, then by name (whatever the case); an actor found by
name that carries another Wikidata id is a different one. Matched actors are updated in
place: non-empty cells replace what is stored, new aliases are added and existing ones kept.
A bad file is reported line by line, exits with status 2 and saves nothing; ``--dry-run``
reports what would change and saves nothing either. The mention index is rebuilt once, at
the end.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from actors.mention_index import bump_index_version, index_updates_deferred
from actors.models import Actor, ActorAlias
from web.importing import (
    EXIT_BAD_FILE,
    BadFile,
    add_new_aliases,
    choice_lookup,
    parse_choice,
    read_rows,
    report_import,
    split_aliases,
)
from web.progress import progress

COLUMNS = ["name", "kind", "title", "country", "aliases", "wikidata_id"]
KINDS = choice_lookup(
    Actor.Kind.choices,
    {
        "organization": Actor.Kind.ORGANISATION,
        "org": Actor.Kind.ORGANISATION,
        "country": Actor.Kind.STATE,
        "people": Actor.Kind.PERSON,
    },
)
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
LIMITS = {field: Actor._meta.get_field(field).max_length for field in ("name", "title", "country")}


@dataclass
class ActorRow:
    line: int
    name: str
    kind: str | None
    title: str
    country: str
    aliases: list[str]
    wikidata_id: str


class Catalogue:
    """The stored actors, looked up by Wikidata id and by name, without a query per row."""

    def __init__(self):
        self.by_wikidata: dict[str, Actor] = {}
        self.by_name: dict[str, list[Actor]] = defaultdict(list)
        for actor in Actor.objects.all():
            if actor.wikidata_id:
                self.by_wikidata[actor.wikidata_id.upper()] = actor
            self.by_name[actor.name.casefold()].append(actor)

    def match(self, row: ActorRow) -> Actor | None:
        if row.wikidata_id and row.wikidata_id in self.by_wikidata:
            return self.by_wikidata[row.wikidata_id]
        named = self.by_name.get(row.name.casefold(), [])
        if row.wikidata_id:
            # One already known under another Wikidata id is someone else of the same name.
            named = [actor for actor in named if not actor.wikidata_id]
        if len(named) > 1:
            raise ValidationError(
                f"{len(named)} actors are named “{row.name}”; add the Wikidata id of the one meant."
            )
        return named[0] if named else None


class Command(BaseCommand):
    help = (
        "Create or update actors from a CSV file with the columns "
        "name,kind,title,country,aliases,wikidata_id."
    )

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

        catalogue = Catalogue()
        planned, problems = [], []
        seen_ids, seen_names = {}, {}
        for row in rows:
            try:
                item = self.parse(row)
                actor = catalogue.match(item)
                if actor is None and item.kind is None:
                    raise ValidationError(f"the kind of the new actor “{item.name}” is empty.")
            except ValidationError as error:
                problems.append(f"line {row.line}: {error.messages[0]}")
                continue
            identity = item.wikidata_id or (actor.pk if actor else None)
            name_key = (item.name.casefold(), identity)
            if item.wikidata_id and item.wikidata_id in seen_ids:
                problems.append(
                    f"line {row.line}: Wikidata id {item.wikidata_id} is already on line "
                    f"{seen_ids[item.wikidata_id]}."
                )
                continue
            if name_key in seen_names:
                problems.append(
                    f"line {row.line}: “{item.name}” is already on line {seen_names[name_key]}."
                )
                continue
            if item.wikidata_id:
                seen_ids[item.wikidata_id] = row.line
            seen_names[name_key] = row.line
            planned.append((item, actor))
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{file} was not imported ({len(problems)} problem(s)); nothing was saved.",
                returncode=EXIT_BAD_FILE,
            )

        created, updated = [], []
        with index_updates_deferred(), transaction.atomic():
            for item, actor in progress(planned, len(planned), "Importing actors", self.stderr):
                changes = self.save(item, actor)
                if actor is None:
                    created.append(item.name)
                elif changes:
                    updated.append(f"{item.name} ({', '.join(changes)})")
            if dry_run:
                transaction.set_rollback(True)
        if created or updated:
            # Aliases are inserted in bulk, which sends no signal: say so once here.
            bump_index_version()
        self.report(created, updated, len(planned), dry_run)

    def parse(self, row) -> ActorRow:
        values = {column: row.get(column) for column in COLUMNS}
        if not values["name"]:
            raise ValidationError("the name is empty.")
        for field, limit in LIMITS.items():
            if len(values[field]) > limit:
                raise ValidationError(f"the {field} is longer than {limit} characters.")
        kind = parse_choice(values["kind"], KINDS) if values["kind"] else None
        if values["kind"] and kind is None:
            raise ValidationError(
                f"unknown kind “{values['kind']}”; use person, state, organisation or group."
            )
        wikidata_id = values["wikidata_id"].upper()
        if wikidata_id and not WIKIDATA_ID.match(wikidata_id):
            raise ValidationError(
                f"“{values['wikidata_id']}” is not a Wikidata id (a Q followed by digits)."
            )
        return ActorRow(
            row.line,
            values["name"],
            kind,
            values["title"],
            values["country"],
            split_aliases(row.cells.get("aliases", "")),
            wikidata_id,
        )

    def save(self, item: ActorRow, actor: Actor | None) -> list[str]:
        """Create or update one actor; the names of what changed."""
        changes = []
        if actor is None:
            actor = Actor(name=item.name)
        wanted = {
            "name": item.name,
            "kind": item.kind,
            "title": item.title,
            "country": item.country,
            "wikidata_id": item.wikidata_id,
        }
        for field, value in wanted.items():
            if value and getattr(actor, field) != value:
                setattr(actor, field, value)
                changes.append(field.replace("_", " "))
        if changes or actor.pk is None:
            actor.save()
        changes += add_new_aliases(actor, item.aliases, ActorAlias, "actor")
        return changes

    def report(self, created, updated, total, dry_run):
        report_import(self, "actor", created, updated, total, dry_run)
