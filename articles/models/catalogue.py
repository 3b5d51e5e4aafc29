"""Sections and the people who write: what an article is filed under and signed by."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from web.images import UnguessableName, UploadedImageField
from web.slugs import SluggedModel


class Section(SluggedModel):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the navigation and on the home page."
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", args=[self.slug])


class AuthorProfile(SluggedModel):
    slug_source = "byline"

    byline = models.CharField("byline name", max_length=120)
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    title = models.CharField(max_length=160, blank=True, help_text='e.g. "Editor-in-Chief".')
    bio = models.TextField(blank=True)
    photo = UploadedImageField(
        upload_to=UnguessableName("authors"),
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_thumb = ImageSpecField(
        source="photo", processors=[ResizeToFill(160, 160)], format="JPEG", options={"quality": 82}
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="The newsroom account that writes under this byline.",
    )

    class Meta:
        ordering = ["byline"]
        verbose_name = "author"

    def __str__(self):
        return self.byline

    def get_absolute_url(self):
        return reverse("articles:author", args=[self.slug])


# Large derived columns no page shows; left out of the queries that build pages.
