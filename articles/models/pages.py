"""The publication's standing pages: about, masthead, contact, corrections policy, privacy,
terms. Editors write them in the newsroom; the footer of every page links the published
ones, in their order.

What readers see is one rule: ``Page.objects.published()``.
"""

from django.db import models
from django.urls import reverse
from django_prose_editor.fields import ProseEditorField

from web.slugs import SluggedModel

from ..html import BODY_EXTENSIONS, sanitize_body


class PageQuerySet(models.QuerySet):
    def published(self):
        """The pages readers may open, and the footer links."""
        return self.filter(published=True)


class Page(SluggedModel):
    slug_source = "title"

    title = models.CharField(max_length=120, unique=True, help_text='e.g. "About us".')
    slug = models.SlugField(
        max_length=120, unique=True, blank=True, help_text="The page's address: /pages/<slug>/."
    )
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One sentence under the title, also shown by search engines.",
    )
    body = ProseEditorField(
        blank=True, config={"extensions": BODY_EXTENSIONS}, sanitize=sanitize_body
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the footer.")
    published = models.BooleanField(
        default=False,
        help_text="Readers see the page, and the footer links it, only once this is ticked.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = "page about the publication"
        verbose_name_plural = "pages about the publication"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Stored sanitised whatever wrote it (the admin's form, the demo, a script).
        self.body = sanitize_body(self.body or "")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:page", args=[self.slug])
