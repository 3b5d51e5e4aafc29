"""The comments' block on the desk (the admin's first page, ``web.desk``): comments with an
open report, for those who moderate (moderators and editors), most reported first."""

from django.urls import reverse
from django.utils.text import Truncator

from web.desk import ITEMS_PER_BLOCK, DeskBlock, DeskItem

from ..models import ModerationQueue
from .comments import comment_excerpt


def reported_comments_block(request) -> list[DeskBlock]:
    if not request.user.is_active or not request.user.has_perm("comments.change_moderationqueue"):
        return []
    reported = ModerationQueue.objects.needing_attention().filter(has_open_reports=True)
    count = reported.count()
    items = []
    if count:
        for comment in reported.select_related("article")[:ITEMS_PER_BLOCK]:
            reports = comment.open_report_count
            items.append(
                DeskItem(
                    comment_excerpt(comment, 80),
                    reverse("admin:comments_moderationqueue_change", args=[comment.pk]),
                    f"Reported {reports} time{'s' if reports != 1 else ''}, "
                    f"on “{Truncator(comment.article.headline).chars(60)}”",
                )
            )
    return [
        DeskBlock(
            "Reported comments",
            count,
            reverse("admin:comments_moderationqueue_changelist"),
            items,
            empty="No comment is reported.",
        )
    ]
