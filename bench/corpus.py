"""A large, realistic corpus for the benchmark: ``manage.py make_corpus --articles N``.

Everything is written with ``bulk_create`` in batches, so 100,000 articles with their
bylines, actors, citations, tags and comments take minutes, not hours. The text is made from
phrase banks (seeded, so two runs with the same arguments make the same corpus); it names
actors the way real copy does, so the mention finder and search have work to do. Derived
columns that ``save()`` would keep current (the search column) are rebuilt at the end.
"""

from __future__ import annotations

import datetime
import io
import random
import sys
from collections.abc import Callable, Iterator

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image
from taggit.models import Tag, TaggedItem

from actors.models import Actor, ActorAlias
from articles.models import Article, ArticleActor, ArticleAuthor, AuthorProfile, Citation, Section
from members.models import Member
from sources.models import Source
from web.slugs import fold_slug

BATCH = 2_000
SYLLABLES = [
    "an",
    "bel",
    "cor",
    "dan",
    "el",
    "fa",
    "gor",
    "han",
    "is",
    "jo",
    "ka",
    "lev",
    "mar",
    "nor",
    "ol",
    "pet",
    "ra",
    "sor",
    "tan",
    "ul",
    "vik",
    "wen",
    "yan",
    "zol",
    "bra",
    "cze",
    "dro",
    "fli",
    "gra",
    "kro",
    "mil",
    "nov",
    "pra",
    "sta",
    "tro",
    "vla",
    "zem",
    "ber",
    "dur",
    "fen",
    "gil",
    "hol",
    "kir",
    "lun",
    "mor",
]
TITLES = [
    "President of {c}",
    "Prime Minister of {c}",
    "Foreign Minister of {c}",
    "Defence Minister of {c}",
    "Ambassador of {c} to the United Nations",
    "Leader of the opposition in {c}",
]
SECTIONS = ["Diplomacy", "Security", "Europe", "Economy", "Asia", "Americas"]
OPENINGS = [
    "{a} arrived in {c} on a grey morning, and the talks began before the cameras were set up.",
    "For a decade, {a} has treated {b} as a rival to be managed rather than a partner.",
    "The meeting between {a} and {b} was announced late, which in diplomacy is itself a message.",
    "Officials in {c} describe the relationship with {b} as steady; the record suggests otherwise.",
]
SENTENCES = [
    "According to {s}, the two delegations spent most of the second day on energy prices.",
    "{a} has long argued that sanctions cost the country more than they cost its neighbours.",
    "The agreement leaves the hardest questions, about borders and guarantees, for later.",
    "Diplomats in {c} say privately that the channel to {b} was never fully closed.",
    "{s} reported that the finance ministers met twice before the summit was announced.",
    "Neither side published a communiqué, and both briefed their own press at length.",
    "The numbers matter less than the signal: {a} wants to be seen as indispensable.",
    "Budgets, not speeches, decide whether such promises turn into brigades and ammunition.",
    "What happens next depends on elections that neither capital can control.",
    "Allies in the region watched closely, and several asked for explanations afterwards.",
    "The visit to {c} was short, but the photographs were chosen with care.",
    "Critics note that {b} has made similar commitments before and kept few of them.",
]
HEADINGS = [
    "What was agreed",
    "Why it matters",
    "The view from {c}",
    "A longer history",
    "What comes next",
    "The cost of delay",
    "Allies and rivals",
    "Summing up",
]
HEADLINES = [
    "{a} and {b}: the quiet channel behind {c}'s new line",
    "Why {c} is hedging its bets on {b}",
    "After the summit, {a} faces a harder choice",
    "{b}'s budget promises meet the arithmetic",
    "The limits of {a}'s diplomacy",
    "In {c}, a realignment that few predicted",
]
COMMENTS = [
    "This is the clearest account of the negotiations I have read so far.",
    "I am not convinced the budget figures add up; the piece is too generous here.",
    "The historical section is useful. More of this, please.",
    "Does anyone know whether the second round of talks has been scheduled?",
    "A fair analysis, though it underplays the role of domestic politics.",
    "Living in the region, I can say the mood on the ground is more anxious than this suggests.",
]


def corpus_exists() -> bool:
    return Source.objects.filter(slug="corpus-source-0").exists()


def progress(label: str, done: int, total: int, final: bool = False) -> None:
    """A one-line progress bar on standard error (``total`` may be an estimate)."""
    width = 30
    total = max(total, done, 1)
    filled = width if final else min(width, int(width * done / total))
    shown = f"{done:,}" if final else f"{done:,}/~{total:,}"
    if not sys.stderr.isatty():
        if final:  # a log gets one line a stage, not a bar redrawn thousands of times
            sys.stderr.write(f"{label:<12} {done:,}\n")
        return
    sys.stderr.write(f"\r{label:<12} [{'#' * filled}{'.' * (width - filled)}] {shown}   ")
    if final:
        sys.stderr.write("\n")
    sys.stderr.flush()


def batched(items: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk(model, rows: Callable[[], Iterator], total: int, label: str) -> None:
    done = 0
    for batch in batched(rows()):
        model.objects.bulk_create(batch, batch_size=BATCH)
        done += len(batch)
        progress(label, done, total)
    progress(label, done, total, final=True)


class CorpusBuilder:
    def __init__(self, articles: int, actors: int, seed: int = 7, busy_comments: int = 300):
        self.article_count = articles
        self.actor_count = actors
        self.busy_comments = busy_comments
        self.rng = random.Random(seed)
        self.now = timezone.now()

    def word(self, parts: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    # --- Reference data -----------------------------------------------------------------

    def build_reference(self) -> None:
        self.sections = [
            Section.objects.get_or_create(name=name, defaults={"position": i})[0]
            for i, name in enumerate(SECTIONS)
        ]
        self.authors = [
            AuthorProfile.objects.create(
                byline=f"{self.word(2)} {self.word(3)}",
                slug=f"corpus-author-{i}",
                title="Correspondent",
            )
            for i in range(40)
        ]
        kinds = [k for k, _ in Source.Kind.choices]
        sources = [
            Source(
                name=f"{self.word(2)} {self.rng.choice(['Times', 'News', 'Wire', 'Review'])} {i}",
                slug=f"corpus-source-{i}",
                kind=kinds[i % len(kinds)],
                url=f"https://source-{i}.example/",
            )
            for i in range(200)
        ]
        Source.objects.bulk_create(sources)
        self.sources = list(Source.objects.filter(slug__startswith="corpus-source-"))
        self.tags = []
        tags = [Tag(name=f"{self.word(2).lower()} {i}", slug=f"corpus-tag-{i}") for i in range(500)]
        Tag.objects.bulk_create(tags)
        self.tags = list(Tag.objects.filter(slug__startswith="corpus-tag-"))
        self.members = self.build_members()

    def build_members(self) -> list[Member]:
        password = make_password("corpus-member")
        Member.objects.bulk_create(
            Member(
                email=f"corpus-{i}@example.net",
                display_name=f"{self.word(2)} {self.word(2)}",
                password=password,
            )
            for i in range(300)
        )
        return list(Member.objects.filter(email__startswith="corpus-"))

    def build_actors(self) -> None:
        kinds = ["person", "person", "person", "state", "organisation", "group"]

        def rows():
            for i in range(self.actor_count):
                kind = kinds[i % len(kinds)]
                if kind == "person":
                    name = f"{self.word(2)} {self.word(3)}"
                elif kind == "state":
                    name = f"{self.word(3)}ia"
                else:
                    name = (
                        f"{self.word(2)} {self.rng.choice(['Council', 'Union', 'Front', 'Pact'])}"
                    )
                country = f"{self.word(3)}ia"
                yield Actor(
                    name=name,
                    slug=f"{fold_slug(name, 180)}-c{i}",
                    kind=kind,
                    country=country,
                    title=self.rng.choice(TITLES).format(c=country) if kind == "person" else "",
                )

        bulk(Actor, rows, self.actor_count, "actors")
        self.actors = list(Actor.objects.filter(slug__contains="-c").only("id", "name", "kind"))

        def alias_rows():
            for actor in self.actors:
                if actor.kind == "person":
                    yield ActorAlias(actor_id=actor.pk, name=actor.name.split()[-1])
                else:
                    yield ActorAlias(actor_id=actor.pk, name=actor.name.upper()[:4])

        bulk(ActorAlias, alias_rows, len(self.actors), "aliases")

    # --- Articles and their links ---------------------------------------------------------

    def body(self, names: list[str], country: str) -> str:
        def fill(template: str) -> str:
            return template.format(
                a=self.rng.choice(names),
                b=self.rng.choice(names),
                c=country,
                s=self.rng.choice(self.sources).name,
            )

        parts = [f"<p>{fill(self.rng.choice(OPENINGS))}</p>"]
        for heading in self.rng.sample(HEADINGS, 3):
            parts.append(f"<h2>{fill(heading)}</h2>")
            for _ in range(self.rng.randint(2, 4)):
                sentences = " ".join(fill(s) for s in self.rng.sample(SENTENCES, 4))
                parts.append(f"<p>{sentences}</p>")
        return "".join(parts)

    def build_articles(self) -> None:
        image = self.lead_image()
        span = datetime.timedelta(days=5 * 365)
        self.casts: dict[int, list[int]] = {}

        def rows():
            for i in range(self.article_count):
                cast = self.rng.sample(self.actors, self.rng.randint(3, 8))
                names = [a.name for a in cast]
                country = f"{self.word(3)}ia"
                headline = self.rng.choice(HEADLINES).format(a=names[0], b=names[1], c=country)
                published = self.now - span * (i / max(self.article_count, 1))
                status = "draft" if i % 50 == 49 else "published"
                article = Article(
                    headline=headline[:200],
                    slug=f"{fold_slug(headline, 150)}-{i}",
                    dek=f"What {names[0]}'s next move means for {country} and its neighbours.",
                    body=self.body(names, country),
                    kind="analysis",
                    section=self.sections[i % len(self.sections)],
                    status=status,
                    publish_at=published if status == "published" else None,
                    first_published_at=published if status == "published" else None,
                    lead_image=image,
                    lead_image_width=1600,
                    lead_image_height=900,
                    lead_image_caption=f"{names[0]} during a visit to {country}.",
                    lead_image_alt=f"{names[0]} speaks to reporters.",
                    lead_image_credit_source=self.rng.choice(self.sources),
                    featured=i < 3,
                )
                article.cast = [a.pk for a in cast]
                yield article

        done = 0
        for batch in batched(rows()):
            for article in Article.objects.bulk_create(batch):
                self.casts[article.pk] = article.cast
            done += len(batch)
            progress("articles", done, self.article_count)
        progress("articles", done, self.article_count, final=True)
        self.article_ids = list(self.casts)

    def lead_image(self) -> str:
        name = "corpus/lead.jpg"
        if not default_storage.exists(name):
            buffer = io.BytesIO()
            Image.new("RGB", (1600, 900), (58, 70, 88)).save(buffer, format="JPEG", quality=80)
            default_storage.save(name, ContentFile(buffer.getvalue()))
        return name

    def build_links(self) -> None:
        ids = self.article_ids
        total = len(ids)
        article_type = ContentType.objects.get_for_model(Article)

        def actor_rows():
            for article_id, cast in self.casts.items():
                for position, actor_id in enumerate(cast):
                    role = "main" if position < 2 else "mentioned"
                    yield ArticleActor(
                        article_id=article_id, actor_id=actor_id, role=role, position=position
                    )

        def byline_rows():
            for article_id in ids:
                for position, author in enumerate(
                    self.rng.sample(self.authors, self.rng.randint(1, 2))
                ):
                    yield ArticleAuthor(article_id=article_id, author=author, position=position)

        def citation_rows():
            for article_id in ids:
                for position, source in enumerate(
                    self.rng.sample(self.sources, self.rng.randint(1, 4))
                ):
                    yield Citation(
                        article_id=article_id,
                        source=source,
                        position=position,
                        note="Reporting used in this piece",
                    )

        def tag_rows():
            for article_id in ids:
                for tag in self.rng.sample(self.tags, self.rng.randint(2, 5)):
                    yield TaggedItem(tag=tag, content_type=article_type, object_id=article_id)

        bulk(ArticleActor, actor_rows, total * 5, "actor links")
        bulk(ArticleAuthor, byline_rows, total, "bylines")
        bulk(Citation, citation_rows, total * 2, "citations")
        bulk(TaggedItem, tag_rows, total * 3, "tags")

    # --- Readers and their comments ---------------------------------------------------------

    def build_comments(self) -> int:
        """Comments on one article in ten, and one busy article with ``busy_comments``."""
        from comments.models import Comment

        public_ids = list(
            Article.objects.public().order_by("-publish_at").values_list("id", flat=True)
        )
        self.busy_article_id = public_ids[0]
        start = self.now - datetime.timedelta(days=2)

        def comment(article_id, n, parent_id=None):
            return Comment(
                article_id=article_id,
                member=self.members[n % len(self.members)],
                parent_id=parent_id,
                body=self.rng.choice(COMMENTS),
                created_at=start + datetime.timedelta(seconds=n * 37),
            )

        top = Comment.objects.bulk_create(
            comment(self.busy_article_id, n) for n in range(self.busy_comments * 2 // 3)
        )
        Comment.objects.bulk_create(
            comment(self.busy_article_id, n, top[n % len(top)].pk)
            for n in range(self.busy_comments - len(top))
        )

        def rows():
            for article_id in public_ids[1::10]:
                for n in range(self.rng.randint(1, 8)):
                    yield comment(article_id, n)

        expected = len(public_ids[1::10]) * 4
        bulk(Comment, rows, expected, "comments")
        return Comment.objects.count()

    def build_subscriber(self) -> None:
        from members.models import Plan, Subscription

        plan, _ = Plan.objects.get_or_create(
            name="Corpus monthly", defaults={"price": "9.00", "active": False}
        )
        member = Member.objects.create_user(BENCH_SUBSCRIBER, "corpus-subscriber")
        Subscription.objects.create(
            member=member, plan=plan, ends_at=self.now + datetime.timedelta(days=3650)
        )

    def build(self) -> dict:
        with transaction.atomic():
            self.build_reference()
            self.build_actors()
            self.build_articles()
            self.build_links()
            comments = self.build_comments()
            self.build_subscriber()
        sys.stderr.write("search index …\n")
        from articles.search import index_articles

        index_articles(Article.objects.all())
        # Bulk inserts and the index rebuild leave PostgreSQL with no statistics and many
        # dead rows: without this the planner picks whole-table scans for every page.
        # (VACUUM cannot run inside a transaction, as under the test runner.)
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            sys.stderr.write("vacuum and analyze …\n")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        return {"articles": self.article_count, "actors": self.actor_count, "comments": comments}


BENCH_SUBSCRIBER = "bench-subscriber@example.net"


def busy_article_and_subscriber():
    """The corpus's article with the most comments, and its subscriber, for ``make bench``."""
    from django.db.models import Count

    member = Member.objects.filter(email=BENCH_SUBSCRIBER).first()
    article = Article.objects.public().annotate(n=Count("comments")).order_by("-n").first()
    if member is None or article is None:
        return None
    return article, member


def free_reader():
    """A member of the corpus with a free account (never subscribed): the logged-in reader
    of ``make bench``, who is shown the invitation to subscribe instead of the comments."""
    from members.subscriptions import is_subscriber

    member = (
        Member.objects.filter(email__startswith="corpus-", subscriptions__isnull=True)
        .order_by("pk")
        .first()
    )
    return None if member is None or is_subscriber(member) else member
