"""The demo's home page slots: the reference piece leads, an opinion piece is pinned for a
week, and the scheduled piece waits in the third slot (the newest featured piece fills it
until it goes out), so the desk's Home page shows every kind of occupant."""

from datetime import datetime, timedelta

from articles.models import Article, HomeSlot

from .articles.backchannels import BACK_CHANNELS
from .articles.desk import NATO_MINISTERS_SCHEDULED
from .articles.europe import MAJORITY_VOTE_OPINION

# (position, the piece, days its pin lasts from loading: None for no end)
SLOTS = (
    (1, BACK_CHANNELS, None),
    (2, MAJORITY_VOTE_OPINION, 7),
    (3, NATO_MINISTERS_SCHEDULED, None),
)


def load_home_slots(now: datetime) -> None:
    """Bring the slots back to the demo's choice (idempotent: by position)."""
    HomeSlot.objects.exclude(position__in=[position for position, _, _ in SLOTS]).delete()
    for position, data, days in SLOTS:
        article = Article.objects.get(slug=data.slug)
        HomeSlot.objects.filter(article=article).exclude(position=position).delete()
        HomeSlot.objects.update_or_create(
            position=position,
            defaults={
                "article": article,
                "pinned_until": now + timedelta(days=days) if days is not None else None,
            },
        )
