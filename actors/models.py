"""Actors: the people, states, organisations and groups that pieces discuss."""

from django.db import models
from django.urls import reverse
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from web.images import UnguessableName, UploadedImageField
from web.slugs import SluggedModel

from .sort_names import OTHER_INITIAL, index_letter, sort_key, sort_name_for

A_TO_Z = [OTHER_INITIAL, *(chr(c) for c in range(ord("A"), ord("Z") + 1))]


class ActorQuerySet(models.QuerySet):
    def alphabetical(self):
        """In A–Z index order: by letter, then sort name (people by surname)."""
        return self.order_by("index_letter", "sort_key", "name")

    def index_letters(self) -> set[str]:
        """The A–Z letters under which these actors file (one query)."""
        return set(self.order_by().values_list("index_letter", flat=True).distinct())


class Actor(SluggedModel):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        STATE = "state", "State"
        ORGANISATION = "organisation", "Organisation"
        GROUP = "group", "Group"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    sort_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where the actor files in the A–Z index. Left blank it is made from the name: "
        'people surname first ("Orbán, Viktor", "Leyen, Ursula von der"), others by name '
        'without a leading "The". Write it by hand when that is wrong ("Xi Jinping").',
    )
    index_letter = models.CharField(
        "A–Z letter", max_length=1, editable=False, help_text="From the sort name, accents folded."
    )
    sort_key = models.CharField(max_length=200, editable=False, help_text="The sort name folded.")
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

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["index_letter", "sort_key"], name="actor_a_to_z")]
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

    @classmethod
    def from_db(cls, db, field_names, values):
        actor = super().from_db(db, field_names, values)
        if "name" in field_names and "kind" in field_names:  # never load deferred fields
            actor._automatic_sort_name = actor.automatic_sort_name()
        return actor

    def save(self, *args, **kwargs):
        # An editor's own sort name stays; the automatic one follows the name and the kind.
        if not self.sort_name or self.sort_name == getattr(self, "_automatic_sort_name", None):
            self.sort_name = self.automatic_sort_name()
        self.index_letter = index_letter(self.sort_name)
        self.sort_key = sort_key(self.sort_name)
        super().save(*args, **kwargs)
        self._automatic_sort_name = self.automatic_sort_name()

    def automatic_sort_name(self) -> str:
        return sort_name_for(self.name, person=self.kind == self.Kind.PERSON)

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
