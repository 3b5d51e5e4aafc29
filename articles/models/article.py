"""Articles and their bylines.

The rule for what the public may see lives in one place: ``Article.objects.public()``.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit
from taggit.managers import TaggableManager

from web.dates import local_time_in_words
from web.images import UnguessableName, UploadedImageField
from web.slugs import unique_slug

from ..html import BODY_EXTENSIONS, reading_minutes, sanitize_body
from .catalogue import AuthorProfile, Section

# Large derived columns no page shows; left out of the queries that build pages.
SEARCH_COLUMNS = ("search_vector", "search_head", "search_text")


def public(now=None) -> models.Q:
    """The condition of ``ArticleQuerySet.public``, to combine or count with in one query."""
    return models.Q(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())


def scheduled(now=None) -> models.Q:
    """The condition of ``ArticleQuerySet.scheduled``."""
    return models.Q(status=Article.Status.PUBLISHED, publish_at__gt=now or timezone.now())


class ArticleQuerySet(models.QuerySet):
    def public(self, now=None):
        """Published, and the publish time reached: the only articles the public ever sees."""
        return self.filter(public(now))

    def scheduled(self, now=None):
        """Published with a publish time still to come: they go out on their own."""
        return self.filter(scheduled(now))

    def for_cards(self):
        """What a list of article cards shows, in a fixed number of queries."""
        # A card never shows the body: leave the largest column in the database.
        return (
            self.select_related("section")
            .defer("body", *SEARCH_COLUMNS)
            .order_by("-publish_at", "-id")
        )

    def for_page(self, parts: bool = True):
        """Everything the article page shows, in a fixed number of queries.

        With ``parts=False`` the bylines, actor links, citations and tags are left to
        ``load_page_parts``: the article view draws the parts that show them from the cache
        (``articles.fragments``), and loads them only when a part is drawn afresh.
        """
        pieces = self.select_related("section", "lead_image_credit_source").defer(*SEARCH_COLUMNS)
        return pieces.prefetch_related(*_page_parts()) if parts else pieces

    def latest_by_section(self, per_section: int, among: int = 500):
        """The newest ``per_section`` articles of every section, in one query.

        Only the ``among`` newest articles are ranked, so the cost stays the same however
        large the archive grows; a section silent for that long drops off the front page.
        """
        newest = self.order_by("-publish_at", "-id").values("pk")[:among]
        ranked = self.filter(pk__in=newest).annotate(
            rank_in_section=models.Window(
                RowNumber(),
                partition_by=models.F("section_id"),
                order_by=[models.F("publish_at").desc(), models.F("id").desc()],
            )
        )
        return ranked.filter(section__isnull=False, rank_in_section__lte=per_section)


def _page_parts() -> list:
    from .links import ArticleActor, Citation

    return [
        models.Prefetch("bylines", ArticleAuthor.objects.select_related("author")),
        models.Prefetch(
            "actor_links",
            ArticleActor.objects.select_related("actor").order_by("role", "position", "id"),
        ),
        models.Prefetch("citations", Citation.objects.select_related("source")),
        "tags",
    ]


def load_page_parts(article: "Article") -> None:
    """Load what ``for_page()`` prefetches into an article fetched with ``parts=False``
    (four queries; none for what is loaded already)."""
    models.prefetch_related_objects([article], *_page_parts())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"

    class Access(models.TextChoices):
        PUBLIC = "public", "Everyone"
        MEMBERS = "members", "Members (free sign-up)"
        SUBSCRIBERS = "subscribers", "Subscribers"

    class Kind(models.TextChoices):
        ANALYSIS = "analysis", "Analysis"
        NEWS = "news", "News"
        OPINION = "opinion", "Opinion"
        EXPLAINER = "explainer", "Explainer"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        blank=True,
        help_text="The address of the piece. Filled from the headline; keep it once published.",
    )
    dek = models.TextField(
        "standfirst", blank=True, help_text="One or two sentences under the headline."
    )
    body = ProseEditorField(
        blank=True, config={"extensions": BODY_EXTENSIONS}, sanitize=sanitize_body
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.ANALYSIS)
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    authors = models.ManyToManyField(
        AuthorProfile, through="ArticleAuthor", related_name="articles", blank=True
    )

    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Readers see a piece only when it is published and its publish time has come.",
    )
    publish_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        db_index=True,
        help_text="A time in the future schedules the piece; empty means now, on publishing.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    lead_image = UploadedImageField(
        upload_to=UnguessableName("articles/%Y"),
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
    )
    lead_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_caption = models.CharField("caption", max_length=300, blank=True)
    lead_image_alt = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the photo shows, for screen readers.",
    )
    lead_image_credit_source = models.ForeignKey(
        "sources.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credited_articles",
        verbose_name="credit (source)",
        help_text="The outlet the photo came from. Prefer this to free text.",
    )
    lead_image_credit_text = models.CharField(
        "credit (free text)",
        max_length=200,
        blank=True,
        help_text="Only when no Source fits, e.g. a photographer's name.",
    )
    lead_image_large = ImageSpecField(
        source="lead_image",
        processors=[ResizeToFit(1400, 1400)],
        format="JPEG",
        options={"quality": 84},
    )
    # Phones (and narrow windows) take this one from the lead figure's srcset: 800 pixels
    # wide, whatever the height, so its "800w" is exact.
    lead_image_medium = ImageSpecField(
        source="lead_image",
        processors=[ResizeToFit(width=800)],
        format="JPEG",
        options={"quality": 82},
    )
    lead_image_card = ImageSpecField(
        source="lead_image",
        processors=[ResizeToFill(640, 360)],
        format="JPEG",
        options={"quality": 80},
    )

    tags = TaggableManager(blank=True)
    access = models.CharField(
        "who reads it in full",
        max_length=12,
        choices=Access.choices,
        default=Access.PUBLIC,
        help_text="Everyone: the whole piece for every reader. Members: free members read a "
        "few such pieces a month (MEMBERS_FREE_PIECES_PER_MONTH), subscribers all of them. "
        "Subscribers: subscribers only, and whoever opens a subscriber's gift link. Anyone "
        "else sees the headline, standfirst, lead image and opening paragraphs, then an "
        "invitation; feeds, search and e-mails show them no more than that.",
    )
    comments_open = models.BooleanField(default=True)
    featured = models.BooleanField(
        "featured on home",
        default=False,
        help_text="Fills an empty slot at the top of the home page, newest first. To be "
        "sure a piece is there, place it in a slot (Home page).",
    )

    # Derived from headline, dek, body and tags by articles/search/indexing.py on every save
    # and tag change. Each database uses its own: on PostgreSQL a weighted vector of the
    # whole piece and a small one of headline, dek and tags (both GIN-indexed), on SQLite
    # accent-folded words.
    search_vector = SearchVectorField(null=True, editable=False)
    search_head = SearchVectorField(null=True, editable=False)
    search_text = models.TextField(blank=True, default="", editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        permissions = [
            ("publish_article", "Can publish, schedule and edit published articles"),
        ]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="article_public_idx"),
            # Lists run newest first over published pieces: each reads the first rows of
            # one of these in order (the front page's featured pieces, each section's).
            models.Index(
                F("publish_at").desc(),
                F("id").desc(),
                condition=models.Q(status="published"),
                name="article_published_newest_idx",
            ),
            models.Index(
                F("publish_at").desc(),
                F("id").desc(),
                condition=models.Q(status="published", featured=True),
                name="article_featured_newest_idx",
            ),
            models.Index(
                F("section"),
                F("publish_at").desc(),
                F("id").desc(),
                condition=models.Q(status="published"),
                name="article_section_newest_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(publish_at__isnull=False),
                name="published_article_has_publish_time",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.headline)
        self.body = sanitize_body(self.body or "")
        self._stamp_publication()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.slug])

    def clean(self):
        super().clean()
        self._stamp_publication()

    def _stamp_publication(self):
        """Publishing with no publish time means now; the first publication is remembered."""
        if self.status == self.Status.PUBLISHED:
            self.publish_at = self.publish_at or timezone.now()
            # A piece that has not gone out yet may be rescheduled: its first publication
            # follows the publish time until that time has passed.
            if self.first_published_at is None or self.first_published_at > timezone.now():
                self.first_published_at = self.publish_at

    def is_public(self, now=None) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= (now or timezone.now())
        )

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_public()

    @property
    def state_in_words(self) -> str:
        """The state as the desk names it: "Scheduled for 10 December 2026, 09:00" (local
        time), "Published", "In review" or "Draft"."""
        if self.is_scheduled:
            return f"Scheduled for {local_time_in_words(self.publish_at)}"
        return self.get_status_display()

    @property
    def is_gated(self) -> bool:
        """Not every reader gets the whole piece (``articles.access``)."""
        return self.access != self.Access.PUBLIC

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.body)

    @property
    def was_updated(self) -> bool:
        """Updated noticeably after first publication (more than an hour later)."""
        if not self.first_published_at or not self.updated_at:
            return False
        return (self.updated_at - self.first_published_at).total_seconds() > 3600

    @property
    def lead_image_caption_sentence(self) -> str:
        """The caption as it stands before its credit on one line ("<caption>. Image
        credit: <outlet>"): a full stop is added unless it already ends a sentence."""
        caption = self.lead_image_caption.rstrip()
        if caption and not caption.endswith((".", "!", "?", "…", '"', "”", ")")):
            caption += "."
        return caption

    @property
    def lead_image_credit(self) -> str:
        if self.lead_image_credit_source_id:
            return self.lead_image_credit_source.name
        return self.lead_image_credit_text


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(AuthorProfile, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "byline"
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="one_byline_per_author"),
        ]

    def __str__(self):
        return str(self.author)
