"""The slots at the top of the home page that editors fill (``articles.home`` decides what
each one shows)."""

from django.db import models

from .article import Article


class HomeSlot(models.Model):
    """A piece an editor placed in one of the home page's top slots (1 is the lead)."""

    position = models.PositiveSmallIntegerField(unique=True, help_text="1 is the lead.")
    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="home_slot", verbose_name="piece"
    )
    pinned_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Empty: the piece stays in its slot until you change it. After this time "
        "the slot fills itself again (newest featured, then newest published).",
    )

    class Meta:
        ordering = ["position"]
        verbose_name = "home page slot"
        verbose_name_plural = "home page"
        constraints = [
            models.CheckConstraint(condition=models.Q(position__gte=1), name="home_slot_from_one"),
        ]

    def __str__(self):
        return f"Slot {self.position}: {self.article}"
