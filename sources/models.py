"""Sources: the outlets and documents a piece relies on, and the citations that name them."""

from django.db import models
from django.urls import reverse

from web.slugs import SluggedModel


class Source(SluggedModel):
    class Kind(models.TextChoices):
        NEWS_AGENCY = "news_agency", "News agency"
        NEWSPAPER = "newspaper", "Newspaper"
        BROADCASTER = "broadcaster", "Broadcaster"
        GOVERNMENT = "government", "Government body"
        THINK_TANK = "think_tank", "Think tank"
        DOCUMENT = "document", "Document"
        SOCIAL = "social", "Social account"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWSPAPER)
    url = models.URLField("home page", blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sources:detail", args=[self.slug])


class SourceAlias(models.Model):
    """Another name copy uses for a source ("AP", "the BBC"): matched in credits and
    attributions like the source's own name."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["source", "name"], name="source_alias_unique"),
        ]

    def __str__(self):
        return self.name


class Citation(models.Model):
    """A source an article relies on, optionally pointing at the exact report."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="citations"
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    url = models.URLField("link to the report", blank=True, max_length=500)
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text='What the piece takes from it, e.g. "July 2024 interview".',
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "source"], name="one_citation_per_source"),
        ]

    def __str__(self):
        return f"{self.source} in {self.article}"
