"""The articles' blocks on the desk (the admin's first page, ``web.desk``).

Writers see their own drafts and their pieces in review; editors see their drafts,
everything awaiting review, what goes out in the next seven days and what went out in the
last seven; a draft an editor sent back shows the start of their note. The counts come
from one aggregate query and each block lists a few pieces,
so the desk costs the same however many articles there are.
"""

from datetime import timedelta

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from web.dates import local_time_in_words
from web.desk import ITEMS_PER_BLOCK, DeskBlock, DeskItem

from .. import workflow
from ..models import Article, ReturnNote
from ..models.article import public, scheduled

Status = Article.Status
# How far ahead the schedule looks, and how far back "recently published" goes.
WINDOW = timedelta(days=7)


def article_blocks(request) -> list[DeskBlock]:
    user = request.user
    if not user.is_active or not user.has_perm("articles.change_article"):
        return []
    editor = workflow.may_publish(user)
    now = timezone.now()
    mine = workflow.owned_by(user)
    conditions = {
        "drafts": Q(status=Status.DRAFT) & mine,
        # Editors review everyone's pieces; a writer follows their own.
        "review": Q(status=Status.IN_REVIEW) if editor else Q(status=Status.IN_REVIEW) & mine,
    }
    if editor:
        conditions["scheduled"] = scheduled(now) & Q(publish_at__lte=now + WINDOW)
        conditions["published"] = public(now) & Q(publish_at__gt=now - WINDOW)
    counts = Article.objects.aggregate(
        **{name: Count("pk", filter=condition) for name, condition in conditions.items()}
    )

    def listed(name, *order, **annotations):
        if not counts[name]:
            return []
        pieces = Article.objects.filter(conditions[name]).order_by(*order, "-id")
        pieces = pieces.only("headline", "status", "publish_at", "updated_at")
        return pieces.annotate(**annotations)[:ITEMS_PER_BLOCK]

    def drafts():
        # A draft an editor sent back says so, with the start of the note: the writer's
        # next thing to do. In the same query as the drafts.
        notes = ReturnNote.objects.standing().filter(article=OuterRef("pk")).order_by("-created")
        return listed(
            "drafts",
            "-updated_at",
            sent_back_by=Subquery(notes.values("author__display_name")[:1]),
            sent_back_note=Subquery(notes.values("text")[:1]),
        )

    blocks = [
        DeskBlock(
            "My drafts",
            counts["drafts"],
            changelist(state="draft", whose="mine"),
            [item(a, draft_note(a)) for a in drafts()],
            empty="No drafts of yours.",
        ),
        DeskBlock(
            "Awaiting review",
            counts["review"],
            changelist(state="in_review"),
            # The longest waiting first.
            [
                item(a, f"Last saved {local_time_in_words(a.updated_at)}")
                for a in listed("review", "updated_at")
            ],
            empty="Nothing is waiting for an editor." if editor else "None of yours in review.",
        ),
    ]
    if editor:
        blocks += [
            DeskBlock(
                "Scheduled in the next 7 days",
                counts["scheduled"],
                changelist(state="scheduled"),
                [item(a, a.state_in_words) for a in listed("scheduled", "publish_at")],
                empty="Nothing scheduled for the coming week.",
            ),
            DeskBlock(
                "Recently published",
                counts["published"],
                changelist(state="live"),
                [
                    item(a, f"Published {local_time_in_words(a.publish_at)}")
                    for a in listed("published", "-publish_at")
                ],
                empty="Nothing published in the last 7 days.",
            ),
        ]
    return blocks


def draft_note(article) -> str:
    """ "Sent back by Ana Kovács: “Tighten the second half…”", or when it was last saved."""
    if article.sent_back_note:
        editor = article.sent_back_by or "an editor"
        return f"Sent back by {editor}: “{Truncator(article.sent_back_note).words(14)}”"
    return f"Last saved {local_time_in_words(article.updated_at)}"


def item(article: Article, note: str) -> DeskItem:
    return DeskItem(
        article.headline, reverse("admin:articles_article_change", args=[article.pk]), note
    )


def changelist(**filters) -> str:
    query = "&".join(f"{name}={value}" for name, value in filters.items())
    return f"{reverse('admin:articles_article_changelist')}?{query}"
