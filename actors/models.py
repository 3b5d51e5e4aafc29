"""Actors: the people, states, organisations and groups that pieces discuss."""

from django.db import models
from django.urls import reverse
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from web.images import UnguessableName, UploadedImageField
from web.slugs import SluggedModel


class Actor(SluggedModel):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        STATE = "state", "State"
        ORGANISATION = "organisation", "Organisation"
        GROUP = "group", "Group"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    title = models.CharField(
        max_length=200, blank=True, help_text='Current role, e.g. "Prime Minister of Hungary".'
    )
    country = models.CharField(
        max_length=100, blank=True, help_text="Free text: states end and rename."
    )
    bio = models.TextField("short bio", blank=True)
    portrait = UploadedImageField(
        upload_to=UnguessableName("actors"),
        blank=True,
        width_field="portrait_width",
        height_field="portrait_height",
    )
    portrait_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_credit = models.CharField(max_length=200, blank=True)
    portrait_thumb = ImageSpecField(
        source="portrait", processors=[ResizeToFill(96, 96)], format="JPEG", options={"quality": 82}
    )
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, help_text='For example "Q57641".'
    )
    born = models.DateField(null=True, blank=True)
    in_office_from = models.DateField(null=True, blank=True)
    in_office_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~models.Q(wikidata_id=""),
                name="actor_wikidata_id_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(in_office_to__isnull=True)
                | models.Q(in_office_from__isnull=True)
                | models.Q(in_office_to__gte=models.F("in_office_from")),
                name="actor_office_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("actors:detail", args=[self.slug])

    @property
    def initials(self) -> str:
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalpha()]
        return "".join(w[0] for w in words[:2]).upper() or self.name[:1].upper()


class ActorAlias(models.Model):
    """Another name the copy uses for an actor ("Orbán", "Hungarian PM")."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="actor_alias_unique"),
        ]

    def __str__(self):
        return self.name
