"""One page of an article's discussion, as one reader sees it, in a fixed number of queries.

Top-level comments run oldest first, ``COMMENTS_PER_PAGE`` to a page, each with its
replies beneath it. A top-level comment that is no longer shown (deleted by its author,
hidden or removed) keeps its place as a placeholder while it has visible replies; its text
never leaves this module. What a reader sees is ``comments.models``' ``visible`` and
``shown_to``; what they may do, ``comments.gate`` and ``comments.posting``.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from articles.caching import article_tag
from web import reader_cache

from .gate import Access
from .models import Comment, Report, shown_to, visible
from .posting import may_delete, may_edit, may_report

PLACEHOLDERS = {
    Comment.Status.DELETED: "Comment deleted by its author.",
    Comment.Status.HIDDEN: "Comment hidden by a moderator.",
    Comment.Status.REMOVED: "Comment removed by a moderator.",
    Comment.Status.PENDING: "Comment awaiting moderation.",
}


# How long a count is kept at most; a comment saved moves its article's tag on at once.
COUNT_KEPT_SECONDS = 24 * 60 * 60


def visible_count(article) -> int:
    """The number everyone sees: visible comments and replies on ``article``. Kept in the
    reader cache under the article's tag, which every saved comment moves on (as it does
    for the stored page that shows the same number): one query when it changed, none
    otherwise."""
    return reader_cache.remember(
        f"comment-count:{article.pk}",
        (article_tag(article.pk),),
        lambda: Comment.objects.visible().filter(article=article).count(),
        lambda: COUNT_KEPT_SECONDS,
    )


def _reported_by(member):
    return Exists(Report.objects.filter(comment=OuterRef("pk"), reporter_id=member.pk))


def _thread_shown_to(member) -> Q:
    """A top-level comment is in ``member``'s view when they see it, or as a placeholder
    above visible replies."""
    has_visible_replies = Exists(Comment.objects.visible().filter(parent=OuterRef("pk")))
    return Q(parent=None) & (shown_to(member) | Q(has_visible_replies))


def threads_shown_to(article, member):
    """Top-level comments of ``article`` in ``member``'s view, placeholders included."""
    return (
        Comment.objects.filter(article=article)
        .filter(_thread_shown_to(member))
        .order_by("created_at", "id")
    )


def discussion_counts(article, member) -> tuple[int, int]:
    """``visible_count(article)`` and the number of threads in ``member``'s view, in one
    query: what a reader of the discussion needs before the page of threads."""
    counts = Comment.objects.filter(article=article).aggregate(
        visible=Count("pk", filter=visible()),
        threads=Count("pk", filter=_thread_shown_to(member)),
    )
    return counts["visible"], counts["threads"]


def page_number_of(comment: Comment, member) -> int:
    """The page of its article's discussion on which ``comment`` (or its thread) appears."""
    root = comment.parent or comment
    before = (
        threads_shown_to(root.article, member)
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, id__lt=root.pk))
        .count()
    )
    return before // settings.COMMENTS_PER_PAGE + 1


@dataclass
class ThreadPage:
    page: Page
    threads: list[Comment]


def _decorate(comment: Comment, member, rights: Access, at: datetime) -> Comment:
    """Attach what the template shows for one comment; placeholders lose their text."""
    comment.is_own = comment.member_id == member.pk
    comment.is_placeholder = not comment.is_shown_to(member)
    if comment.is_placeholder:
        comment.body = ""
        comment.placeholder = PLACEHOLDERS.get(comment.status, PLACEHOLDERS[Comment.Status.HIDDEN])
    shown = not comment.is_placeholder
    comment.can_edit = shown and rights.may_post and may_edit(member, comment, at)
    comment.can_delete = shown and rights.may_delete_own and may_delete(member, comment)
    comment.can_report = shown and rights.may_report and may_report(member, comment)
    comment.can_reply = (
        shown and rights.may_post and comment.parent_id is None and comment.is_visible
    )
    comment.has_actions = (
        comment.can_reply
        or comment.can_edit
        or comment.can_delete
        or (comment.can_report and not comment.reported_by_me)
    )
    return comment


def thread_page(
    article, member, page_number, rights: Access, at=None, threads: int | None = None
) -> ThreadPage:
    """Page ``page_number`` of the discussion (clamped to the pages there are), its threads
    and their replies in one query; ``threads`` passes on the number of threads when
    ``discussion_counts`` has counted them, else counting them is a query of its own."""
    at = at or timezone.now()
    paginator = Paginator(threads_shown_to(article, member), settings.COMMENTS_PER_PAGE)
    if threads is not None:
        paginator.count = threads
    page = paginator.get_page(page_number)
    shown_roots = page.object_list.values("pk")
    rows = (
        Comment.objects.filter(article=article)
        .filter(Q(pk__in=shown_roots) | (Q(parent__in=shown_roots) & shown_to(member)))
        .select_related("member")
        .annotate(reported_by_me=_reported_by(member))
        .order_by("created_at", "id")
    )
    roots: list[Comment] = []
    replies: list[Comment] = []
    for comment in rows:
        (replies if comment.parent_id else roots).append(comment)
    replies_by_root: dict[int, list[Comment]] = {root.pk: [] for root in roots}
    for reply in replies:
        reply.shown_replies = []  # replies go one level deep
        replies_by_root[reply.parent_id].append(_decorate(reply, member, rights, at))
    for root in roots:
        root.shown_replies = replies_by_root[root.pk]
        _decorate(root, member, rights, at)
    page.object_list = roots
    return ThreadPage(page=page, threads=roots)
