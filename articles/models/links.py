"""What a piece links to below it: the actors it discusses and the sources it cites.

The articles app owns these links; actors and sources know nothing of articles. The tables
keep the names they had when the actors and sources apps held them.
"""

from django.conf import settings
from django.db import models

from actors.models import Actor
from sources.models import Source

from .article import Article


class ArticleActor(models.Model):
    """An actor linked to an article, as its main subject or as one it mentions."""

    class Role(models.TextChoices):
        MAIN = "main", "Main subject"
        MENTIONED = "mentioned", "Mentioned"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="actor_links")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="article_links")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MENTIONED)
    found_automatically = models.BooleanField(
        default=False, help_text="Suggested by mention detection rather than linked by hand."
    )
    mentions = models.PositiveIntegerField(
        default=0,
        help_text="How often the text names the actor, counted on each save of a suggestion.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "actors_articleactor"
        ordering = ["position", "id"]
        verbose_name = "linked actor"
        constraints = [
            models.UniqueConstraint(fields=["article", "actor"], name="one_link_per_actor"),
        ]

    def __str__(self):
        return f"{self.actor} ({self.get_role_display()})"

    @property
    def reader_heading(self) -> str:
        """The heading a reader sees this link under on the article page."""
        return "Main subjects" if self.role == self.Role.MAIN else "Also mentioned"


class DismissedActor(models.Model):
    """An actor an editor removed from a piece: mention detection does not suggest it again.

    Linking the actor to the piece by hand lifts the dismissal.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="dismissed_actors")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="dismissals")
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "actors_dismissedactor"
        ordering = ["actor__name"]
        verbose_name = "dismissed suggestion"
        constraints = [
            models.UniqueConstraint(fields=["article", "actor"], name="one_dismissal_per_actor"),
        ]

    def __str__(self):
        return f"{self.actor} (dismissed)"


class Citation(models.Model):
    """A source an article relies on, optionally pointing at the exact report."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    url = models.URLField("link to the report", blank=True, max_length=500)
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text='What the piece takes from it, e.g. "July 2024 interview".',
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "sources_citation"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "source"], name="one_citation_per_source"),
        ]

    def __str__(self):
        return f"{self.source} in {self.article}"
