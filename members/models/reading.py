"""What members read of gated pieces: the monthly allowance of members-only pieces, and the
gift links subscribers make (``members.access``, ``members.gifts``)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class MeteredRead(models.Model):
    """A members-only piece a free member read in full in one calendar month: one row per
    member, piece and month, so reading it again that month costs nothing. Each takes one
    of the month's numbered places, once: two reads can never share the last free one."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="metered_reads"
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="metered_reads"
    )
    # The first day of the month (site time) the read counts against.
    month = models.DateField()
    # Its place in the month's allowance, from 1.
    slot = models.PositiveSmallIntegerField()
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-read_at"]
        verbose_name = "free read"
        constraints = [
            models.UniqueConstraint(
                fields=["member", "month", "article"], name="one_free_read_per_piece_a_month"
            ),
            models.UniqueConstraint(
                fields=["member", "month", "slot"], name="one_free_read_per_place_a_month"
            ),
        ]

    def __str__(self):
        return f"{self.member} read {self.article} ({self.month:%B %Y})"


class GiftLink(models.Model):
    """A link a subscriber made to give one subscriber-only piece to anyone. Deleting the row
    stops the link working."""

    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gift_links"
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="gift_links"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    opened = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["giver", "created_at"], name="gift_giver_month_idx")]

    def __str__(self):
        return f"{self.article} from {self.giver}"
