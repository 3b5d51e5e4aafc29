"""Sponsors, their placements on pages, and how often each placement was seen and followed.

Which placements a page shows is decided in ``sponsors.placing``; whether a reader sees any
at all in ``members.subscriptions.sees_sponsors``. Counts are kept per placement and per
day (``PlacementDay``) and only ever added to in the database (``sponsors.counting``), so
simultaneous requests never lose one.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from web.images import UnguessableName, UploadedImageField
from web.schedules import running_at, runs_at

# Placements link to web pages only: never javascript:, data: or ftp: addresses.
web_address = URLValidator(schemes=["http", "https"])

LOGO_HEIGHT = 40  # pixels, as drawn beside the sponsor's name


class Sponsor(models.Model):
    name = models.CharField(max_length=120, unique=True)
    website = models.URLField(
        max_length=500, validators=[web_address], help_text="The sponsor's home page."
    )
    logo = UploadedImageField(
        upload_to=UnguessableName("sponsors/logos"),
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text="Shown beside the name, 40 pixels high. PNG with a transparent background "
        "works best.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    postal_address = models.TextField(
        "postal address",
        blank=True,
        help_text="Printed under the sponsor's blocks when given, one line per line.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def logo_display_width(self) -> int | None:
        """The logo's width when drawn ``LOGO_HEIGHT`` pixels high (its size is known, so
        nothing jumps while the page loads)."""
        if not (self.logo and self.logo_width and self.logo_height):
            return None
        return max(1, round(self.logo_width * LOGO_HEIGHT / self.logo_height))

    @property
    def logo_display_height(self) -> int:
        return LOGO_HEIGHT

    @property
    def postal_lines(self) -> list[str]:
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]


class PlacementQuerySet(models.QuerySet):
    def running(self, at=None):
        """Active, started and not yet ended at ``at`` (default: now): the placements that
        may be shown, and the only ones whose link is followed."""
        return self.filter(running_at(at or timezone.now()), active=True)


class Placement(models.Model):
    class Slot(models.TextChoices):
        ARTICLE_END = "article_end", "End of an article"
        SECTION_PAGE = "section_page", "Section page"

    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="placements")
    headline = models.CharField(max_length=120)
    text = models.TextField(max_length=600, help_text="One or two sentences, plain text.")
    image = UploadedImageField(
        upload_to=UnguessableName("sponsors/placements"),
        blank=True,
        help_text="Optional; cropped to 16:9 and drawn 480 pixels wide.",
    )
    image_card = ImageSpecField(
        source="image", processors=[ResizeToFill(480, 270)], format="JPEG", options={"quality": 82}
    )
    image_alt = models.CharField(
        "image description",
        max_length=200,
        blank=True,
        help_text="What the image shows, for readers who cannot see it.",
    )
    target_url = models.URLField(
        "target address",
        max_length=500,
        validators=[web_address],
        help_text="Where a click goes, through our counted redirect. Web addresses only.",
    )
    slot = models.CharField(max_length=16, choices=Slot.choices, default=Slot.ARTICLE_END)
    sections = models.ManyToManyField(
        "articles.Section",
        blank=True,
        related_name="placements",
        help_text="Shown on these sections' articles or pages only. Empty: every section.",
    )
    starts_at = models.DateTimeField("start", default=timezone.now)
    ends_at = models.DateTimeField("end", null=True, blank=True, help_text="Empty: open-ended.")
    weight = models.PositiveSmallIntegerField(
        default=10,
        help_text="Up to three placements are shown on a page: the heaviest first; equal "
        "weights by start, earliest first.",
    )
    active = models.BooleanField(
        default=True, help_text="Untick to take the placement down at once; its counts stay."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["-weight", "starts_at", "id"]
        indexes = [models.Index(fields=["slot", "active", "starts_at"], name="placement_slot_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="placement_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.sponsor}: {self.headline}"

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The placement must end after it starts."})

    def get_click_url(self) -> str:
        return reverse("sponsors:click", args=[self.pk])

    def is_running(self, at=None) -> bool:
        return self.active and runs_at(self, at or timezone.now())


class PlacementDay(models.Model):
    """Impressions and clicks of one placement on one day (the site's time zone)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    impressions = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = "placement day"
        constraints = [
            models.UniqueConstraint(fields=["placement", "day"], name="placementday_once_a_day"),
        ]

    def __str__(self):
        return f"{self.placement} on {self.day}"
