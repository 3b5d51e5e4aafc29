"""What the newsroom desk records about a piece: publish overrides and edit stamps."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .article import Article


class PublishOverride(models.Model):
    """An editor's decision to publish a piece despite blocking findings of the publish checks.

    The findings it names stay overridden for that piece, so later edits that leave them as
    they were need no new reason; a new blocking finding does (``articles.publishing``).
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="publish_overrides")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="editor",
    )
    reason = models.TextField(help_text="Why the piece may go out with these problems.")
    codes = models.JSONField("checks overridden", default=list)
    findings = models.JSONField(
        default=list, help_text="Each overridden finding: its code, key and message."
    )
    at = models.DateTimeField("when", default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "publish override"
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="override_has_reason"),
        ]

    def __str__(self):
        return f"{self.article} — {', '.join(self.codes)}"

    @property
    def keys(self) -> set[str]:
        return {finding.get("key", "") for finding in self.findings}


class EditStamp(models.Model):
    """How many times the newsroom has saved a piece, and who saved it last.

    The change form carries the number it was opened at; a save from a form that is behind
    is refused and shown both versions (``articles.conflicts``). Kept beside the article,
    not in it, so that reverting to an old revision never winds the number back.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="edit_stamp"
    )
    version = models.PositiveIntegerField(default=0)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    saved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "edit stamp"

    def __str__(self):
        return f"{self.article_id} v{self.version}"


class ArticleWorkingCopy(models.Model):
    """An editor's unsaved typing in the change form, kept by autosave: one per piece and
    person. Not a revision and never shown to readers; saving the piece deletes it
    (``articles.working_copies``)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="working_copies")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    headline = models.CharField(max_length=200, blank=True)
    dek = models.TextField(blank=True)
    body = models.TextField(blank=True)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "working copy"
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_working_copy_per_editor")
        ]

    def __str__(self):
        return f"{self.article} — {self.user}"


class ArticlePresence(models.Model):
    """Someone has the piece's change form open: since when, and when their page last said
    so. A soft lock: it only informs, it never stops a save (``articles.working_copies``)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "presence"
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_presence_per_editor")
        ]

    def __str__(self):
        return f"{self.user} on {self.article}"


class PendingChanges(models.Model):
    """Changes to a live piece saved in the newsroom and not yet shown to readers.

    Readers keep the live text (the article's own fields) until an editor publishes these
    (``articles.publishing.publish_pending``); one set per piece, each save replacing it.
    """

    # The content fields held back, by attribute name; the lead image file, the bylines,
    # actors, citations and tags are not: they change the live piece when saved.
    FIELDS = [
        "headline",
        "dek",
        "body",
        "kind",
        "section_id",
        "lead_image_caption",
        "lead_image_alt",
        "lead_image_credit_source_id",
        "lead_image_credit_text",
    ]

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="pending_changes"
    )
    fields = models.JSONField(default=dict, help_text="The pending value of each content field.")
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "pending changes"
        verbose_name_plural = "pending changes"

    def __str__(self):
        return f"Pending changes to {self.article}"

    @classmethod
    def values_of(cls, article: Article) -> dict:
        return {name: getattr(article, name) for name in cls.FIELDS}

    def apply_to(self, article: Article) -> Article:
        """``article`` (in memory) carrying the pending text; nothing is saved."""
        for name, value in self.fields.items():
            if name in self.FIELDS:
                setattr(article, name, value)
        # Related objects cached under the old ids would be shown otherwise.
        for relation in ("section", "lead_image_credit_source"):
            if article._state.fields_cache.get(relation) is not None:
                cached = article._state.fields_cache[relation]
                if cached.pk != getattr(article, f"{relation}_id"):
                    del article._state.fields_cache[relation]
        return article


class SharedPreview(models.Model):
    """A link an editor shares so someone without an account can read a piece before it
    is published (``articles.previews``). Its key is in every link made for the piece:
    revoking the link replaces the key, and every link given out stops working."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="shared_preview"
    )
    key = models.CharField(max_length=32)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "shared preview"

    def __str__(self):
        return f"Shared preview of {self.article}"


class ReturnNoteQuerySet(models.QuerySet):
    def standing(self):
        """The notes the writer has yet to act on: not cleared by a resubmission."""
        return self.filter(cleared_at__isnull=True)


class ReturnNote(models.Model):
    """What an editor wrote to the writer when sending a piece in review back to draft
    (``articles.publishing.send_back``). One row per send-back, all kept; the newest
    standing one is shown on the piece until the writer submits it again, which clears it
    from view without deleting it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="return_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="editor",
    )
    text = models.TextField("note", help_text="What the writer should do before resubmitting.")
    created = models.DateTimeField(default=timezone.now)
    cleared_at = models.DateTimeField(
        null=True, blank=True, help_text="When the piece was resubmitted: no longer shown."
    )

    objects = ReturnNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = "return note"
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="return_note_has_text"),
        ]
        indexes = [models.Index(fields=["article", "-created"], name="return_note_newest")]

    def __str__(self):
        return f"Sent back: {self.article}"
