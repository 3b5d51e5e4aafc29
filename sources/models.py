"""Sources: the outlets and documents pieces rely on, and the other names copy gives them.

Which piece cites which source is the articles app's (``articles.models.Citation``)."""

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
