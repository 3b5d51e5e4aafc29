"""``manage.py import_article FILE.txt``: a piece copied out of another system, as a draft.

The text is read by the rules in ``articles.plaintext`` (headings, the caption and credit
line). The command creates a draft, never anything else: an editor publishes from the
newsroom. The lead image's credit is linked to the source it names, by name or alias; the
actors the text names are linked as suggestions ("found automatically", with their number
of mentions). Claims the text attributes to sources are reported, never turned into
citations: that is the editor's call. The report ends with the publish checks' findings.

Page furniture (an appeal to subscribe, sponsor blocks, a comments widget, the captions of
later pictures) is left out of the body and listed in the report.

``--format json`` prints one JSON object on standard output and nothing else; messages go
to standard error. A file that is empty, binary, not UTF-8 or without text, or an unknown
``--section`` or ``--author``, gets a one-line message and exit status 2, and nothing is
created. So does a piece imported before (``existing_copy``: the same headline and body
text), unless ``--allow-duplicate`` is given.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from actors.mention_index import current_index
from articles.checks import ArticleDocument, run_checks
from articles.checks.document import body_blocks
from articles.checks.sources import SourceDirectory
from articles.html import sanitize_body
from articles.linking import suggest_actors
from articles.models import Article, ArticleAuthor, AuthorProfile, Section
from articles.plaintext import PlainArticle, parse_plain_text
from web.importing import EXIT_BAD_FILE, BadFile, read_text


class Command(BaseCommand):
    help = "Create a draft from a plain-text piece, one block per line, and report on it."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file, one block per line.")
        parser.add_argument("--headline", default="", help="The headline (else the first line).")
        parser.add_argument("--section", default="", help="A section's name or slug.")
        parser.add_argument("--author", default="", help="An author's byline or slug.")
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="How to report: words for a person (text) or one JSON object (json).",
        )
        parser.add_argument(
            "--allow-duplicate",
            action="store_true",
            help="Create the draft even when an article with the same headline and body exists.",
        )

    def handle(
        self, *args, file, headline, section, author, format, allow_duplicate=False, **options
    ):
        try:
            text = read_text(file)
            if not any(character.isalnum() for character in text):
                raise BadFile(f"{file} holds no text.")
            parsed = parse_plain_text(text, headline=headline, file_name=str(file))
            if not parsed.blocks:
                raise BadFile(f"{file} has no body: only a headline or a caption line.")
            section_row = self.find(Section, section, "name", "section") if section else None
            author_row = self.find(AuthorProfile, author, "byline", "author") if author else None
            if not allow_duplicate and (existing := existing_copy(parsed)):
                raise BadFile(self.duplicate_message(file, existing))
        except BadFile as error:
            raise CommandError(str(error), returncode=EXIT_BAD_FILE) from None

        if parsed.headline_from == "file name":
            self.stderr.write(
                f"No headline given and the first line is not one: using “{parsed.headline}”."
            )
        directory = SourceDirectory.load()
        credit = directory.for_credit(parsed.credit) if parsed.credit else None
        with transaction.atomic():
            article = Article.objects.create(
                headline=parsed.headline[: Article._meta.get_field("headline").max_length],
                body=parsed.body_html(),
                section=section_row,
                status=Article.Status.DRAFT,
                lead_image_caption=parsed.caption[:300],
                lead_image_credit_source_id=credit.id if credit else None,
                lead_image_credit_text="" if credit else parsed.credit[:200],
            )
            if author_row:
                ArticleAuthor.objects.create(article=article, author=author_row)
            index = current_index()
            document = ArticleDocument(article, actor_index=index, source_directory=directory)
            suggestions = suggest_actors(article, document.text, index=index)
            attributions = directory.attributions(document.text)
            findings = run_checks(article, document)

        report = self.build_report(
            article, parsed, index, suggestions, credit, attributions, findings
        )
        if format == "json":
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.write_text(report, parsed, article, suggestions.ambiguous)

    @staticmethod
    def duplicate_message(file, existing: Article) -> str:
        status = existing.get_status_display().lower()
        named = "draft" if existing.status == Article.Status.DRAFT else f"{status} article"
        where = reverse("admin:articles_article_change", args=[existing.pk])
        return (
            f"{file} was imported already: {named} {existing.pk} “{existing.headline}” "
            f"at {where}; nothing created (pass --allow-duplicate to create another copy)."
        )

    def find(self, model, wanted: str, name_field: str, noun: str):
        found = model.objects.filter(Q(**{f"{name_field}__iexact": wanted}) | Q(slug=wanted))
        row = found.first()
        if row is None:
            known = ", ".join(model.objects.values_list(name_field, flat=True)[:12]) or "none yet"
            raise BadFile(f"No {noun} is called “{wanted}” (known: {known}).")
        return row

    def build_report(
        self, article, parsed, index, suggestions, credit, attributions, findings
    ) -> dict:
        records = index.by_id
        ambiguous_ids: dict[int, int] = {}
        for ambiguous in suggestions.ambiguous:
            for candidate in ambiguous.candidates:
                ambiguous_ids[candidate.id] = ambiguous_ids.get(candidate.id, 0) + ambiguous.count
        actors = []
        for actor_id, count in suggestions.mentions.items():
            record = records[actor_id]
            actors.append(self.actor_entry(record, count, actor_id in ambiguous_ids))
        for actor_id in ambiguous_ids:
            if actor_id not in suggestions.mentions:
                actors.append(self.actor_entry(records[actor_id], 0, True))

        sources = []
        if credit:
            sources.append({"name": credit.name, "slug": credit.slug, "role": "credit"})
        for attribution in attributions:
            entry = {
                "name": attribution.source.name,
                "slug": attribution.source.slug,
                "role": "attribution",
            }
            if entry not in sources:
                sources.append(entry)
        return {
            "article": {
                "id": article.pk,
                "slug": article.slug,
                "headline": article.headline,
                "admin_url": reverse("admin:articles_article_change", args=[article.pk]),
                "status": article.status,
            },
            "headings": parsed.headings,
            "actors": actors,
            "sources": sources,
            "checks": [finding.as_dict() for finding in findings],
            "caption_found": bool(parsed.caption),
            "credit_found": bool(parsed.credit),
            "furniture": [furniture.as_dict() for furniture in parsed.furniture],
        }

    @staticmethod
    def actor_entry(record, mentions: int, ambiguous: bool) -> dict:
        return {
            "name": record.name,
            "slug": record.slug,
            "kind": record.kind,
            "mentions": mentions,
            "ambiguous": ambiguous,
        }

    def write_text(self, report: dict, parsed, article, ambiguous) -> None:
        out = self.stdout.write
        data = report["article"]
        out(self.style.SUCCESS(f"Created draft {data['id']}: “{data['headline']}”"))
        out(f"  edit it at {data['admin_url']}")
        headings = report["headings"]
        out(f"Headings ({len(headings)}): " + ("; ".join(headings) if headings else "none"))
        if parsed.caption or parsed.credit:
            credited = next((s for s in report["sources"] if s["role"] == "credit"), None)
            credit = (
                f"{credited['name']} (linked to the source)"
                if credited
                else f"“{parsed.credit}” (free text: no source has that name)"
            )
            caption = f"caption “{parsed.caption}”" if parsed.caption else "no caption"
            out(f"Lead image: {caption}; credit {credit}. No image file yet.")
        else:
            out("Lead image: no caption or credit line found.")
        linked = [a for a in report["actors"] if a["mentions"]]
        out(
            f"Actors linked ({len(linked)}): "
            + (", ".join(f"{a['name']} ×{a['mentions']}" for a in linked) or "none")
        )
        for shared in ambiguous:
            names = " or ".join(candidate.name for candidate in shared.candidates)
            out(f"“{shared.name}” ×{shared.count} could mean {names}: linked to neither.")
        cited_ids = set(article.citations.values_list("source__slug", flat=True))
        for source in report["sources"]:
            if source["role"] == "attribution" and source["slug"] not in cited_ids:
                out(f"Attributed to {source['name']}, not cited: add the citation if it stands.")
        furniture = report["furniture"]
        out(f"Left out of the body ({len(furniture)}):" + ("" if furniture else " nothing"))
        for item in furniture:
            lines = item["text"].split("\n")
            more = f" (+{len(lines) - 1} more line(s))" if len(lines) > 1 else ""
            out(f"  {item['kind']}, line {item['line']} ({item['rule']}): “{lines[0]}”{more}")
        checks = report["checks"]
        blocking = sum(1 for check in checks if check["severity"] == "blocking")
        out(f"Checks: {len(checks)} finding(s), {blocking} blocking.")
        for check in checks:
            out(f"  {check['severity']:<8} {check['code']}: {check['message']}")
            place = check.get("place", {})
            if place.get("excerpt"):
                where = f"block {place['block']}" if "block" in place else place["field"]
                out(f"           at {where}: “{place['excerpt']}”")


def existing_copy(parsed: PlainArticle) -> Article | None:
    """The article that already holds this piece, if any: the same headline (as it would be
    stored) and the same body text, block by block, whatever its formatting or status."""
    headline = parsed.headline[: Article._meta.get_field("headline").max_length]
    wanted = _body_text(sanitize_body(parsed.body_html()))
    for article in Article.objects.filter(headline=headline).order_by("pk"):
        if _body_text(article.body) == wanted:
            return article
    return None


def _body_text(html: str) -> list[str]:
    return [block.text for block in body_blocks(html)]
