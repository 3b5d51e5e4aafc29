"""Comparing two revisions of a piece: what changed between them, field by field, the body
word by word, and the bylines, actors, citations and tags each revision carried.

A revision (django-reversion) stores the piece's fields and the rows of its inlines as they
were saved; ``compare`` reads two of them and lists only what differs, in the form's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from sources.models import Source

from .differences import Change, body_diff, same_body, shown
from .models import Article, ArticleActor, ArticleAuthor, Citation, Section

# The piece's fields, in the order of its form.
FIELDS = [
    "headline",
    "slug",
    "dek",
    "kind",
    "section",
    "body",
    "lead_image",
    "lead_image_caption",
    "lead_image_alt",
    "lead_image_credit_source",
    "lead_image_credit_text",
    "status",
    "publish_at",
    "featured",
    "access",
    "comments_open",
]
# The rows saved with each revision, under the names of their inlines.
LINKED = [(ArticleAuthor, "Bylines"), (ArticleActor, "Actors"), (Citation, "Citations")]
# Rows shown by the name of what they point at.
REFERENCED = {Citation: ("source_id", Source), TaggedItem: ("tag_id", Tag)}
# Objects a revision names by id, shown by their name.
NAMED = {"section": Section, "lead_image_credit_source": Source}


@dataclass(frozen=True)
class Comparison:
    earlier: Version
    later: Version
    # The earlier revision's values on the left.
    changes: list[Change]


def described(version: Version) -> str:
    """A revision as the history lists it: when, and by whom."""
    revision = version.revision
    when = date_format(timezone.localtime(revision.date_created), "j F Y, H:i:s")
    return f"{when} by {revision.user}" if revision.user else when


def compare(first: Version, second: Version) -> Comparison:
    """What changed from the earlier of the two revisions to the later one."""
    earlier, later = sorted((first, second), key=lambda v: v.revision.date_created)
    before, after = earlier.field_dict, later.field_dict
    names = _names(before, after)
    changes = []
    for name in FIELDS:
        field = Article._meta.get_field(name)
        old, new = before.get(field.attname), after.get(field.attname)
        if name == "body":
            if not same_body(old, new):
                diff = body_diff(
                    old or "",
                    new or "",
                    only_old="Only in the earlier revision",
                    only_new="Only in the later revision",
                )
                changes.append(Change(_label(field), diff=diff))
            continue
        old, new = _value(field, old, names), _value(field, new, names)
        if old != new:
            changes.append(Change(_label(field), old, new))
    for label, (old_rows, new_rows) in _linked_rows(earlier, later).items():
        if old_rows != new_rows:
            changes.append(
                Change(label, "; ".join(old_rows) or "(none)", "; ".join(new_rows) or "(none)")
            )
    return Comparison(earlier, later, changes)


def _label(field) -> str:
    label = str(field.verbose_name)
    return label[:1].upper() + label[1:]


def _names(*dicts) -> dict[tuple[str, object], str]:
    """The names of the sections and sources the two revisions point at, in one query each."""
    found = {}
    for name, model in NAMED.items():
        attname = Article._meta.get_field(name).attname
        ids = {d.get(attname) for d in dicts} - {None}
        for pk, label in model.objects.filter(pk__in=ids).values_list("pk", "name"):
            found[(name, pk)] = label
    return found


def _value(field, value, names) -> str:
    if field.name in NAMED:
        return "(empty)" if value is None else names.get((field.name, value), "(deleted)")
    if isinstance(value, FieldFile) or field.name == "lead_image":
        return str(getattr(value, "name", value) or "(none)")
    if field.choices and value is not None:
        return str(dict(field.flatchoices).get(value, value))
    return shown(value)


def _linked_rows(earlier: Version, later: Version) -> dict[str, tuple[list[str], list[str]]]:
    """Each inline's rows in the two revisions, by the names an editor knows them by."""
    models = [*LINKED, (TaggedItem, "Tags")]
    types = ContentType.objects.get_for_models(*(model for model, _ in models))
    rows = {}
    for model, label in models:
        pair = []
        for version in (earlier, later):
            saved = Version.objects.filter(
                revision_id=version.revision_id, content_type=types[model]
            )
            if model in REFERENCED:
                attname, target = REFERENCED[model]
                ids = [row.field_dict[attname] for row in saved]
                names = dict(target.objects.filter(pk__in=ids).values_list("pk", "name"))
                pair.append(sorted(names.get(pk, "(deleted)") for pk in ids))
            else:
                pair.append(sorted(row.object_repr for row in saved))
        rows[label] = (pair[0], pair[1])
    return rows
