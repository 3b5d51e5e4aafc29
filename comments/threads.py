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
from web.paging import requested_page

from .fragments import attach_fragments
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


def everyones_counts(article) -> tuple[int, int]:
    """The visible comments and replies on ``article`` (the number everyone sees) and the
    threads in everyone's view (visible comments, and placeholders above visible replies).
    Kept in the reader cache under the article's tag, which every saved comment moves on
    (as it does for the stored page that shows the same number): one query when it
    changed, none otherwise."""
    return reader_cache.remember(
        f"comment-counts:{article.pk}",
        (article_tag(article.pk),),
        lambda: _counts(article, visible()),
        lambda: COUNT_KEPT_SECONDS,
    )


def visible_count(article) -> int:
    """The number of comments everyone sees on ``article`` (``everyones_counts``)."""
    return everyones_counts(article)[0]


def _reported_by(member):
    return Exists(Report.objects.filter(comment=OuterRef("pk"), reporter_id=member.pk))


def _thread_shown(shown: Q) -> Q:
    """A top-level comment is in a view when it is ``shown`` there, or as a placeholder
    above visible replies."""
    has_visible_replies = Exists(Comment.objects.visible().filter(parent=OuterRef("pk")))
    return Q(parent=None) & (shown | Q(has_visible_replies))


def _threads(article, shown: Q):
    return Comment.objects.filter(article=article).filter(_thread_shown(shown))


def threads_shown_to(article, member):
    """Top-level comments of ``article`` in ``member``'s view, placeholders included."""
    return _threads(article, shown_to(member)).order_by("created_at", "id")


def discussion_counts(article, member) -> tuple[int, int]:
    """``visible_count(article)`` and the number of threads in ``member``'s view, in one
    query: what a reader of the discussion needs before the page of threads."""
    return _counts(article, shown_to(member))


def _counts(article, shown: Q) -> tuple[int, int]:
    counts = Comment.objects.filter(article=article).aggregate(
        visible=Count("pk", filter=visible()),
        threads=Count("pk", filter=_thread_shown(shown)),
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


@dataclass(frozen=True)
class ReaderMarks:
    """What sets one reader's view of a discussion apart from everyone's: their own comments
    awaiting moderation (shown to them alone) and the comments they reported."""

    has_own_pending: bool
    reported: frozenset[int]


def reader_marks(request, article, member) -> ReaderMarks:
    """``ReaderMarks`` of ``member`` on ``article``: one query, asked once per request."""
    asked = request.__dict__.setdefault("_comment_marks", {})
    if article.pk not in asked:
        rows = (
            Comment.objects.filter(article=article)
            .filter(
                Q(member_id=member.pk, status=Comment.Status.PENDING)
                | Q(reports__reporter_id=member.pk)
            )
            .order_by()
            .values_list("pk", "member_id", "status")
            .distinct()
        )
        pending, reported = False, set()
        for pk, author, status in rows:
            if author == member.pk and status == Comment.Status.PENDING:
                pending = True
            else:
                reported.add(pk)
        asked[article.pk] = ReaderMarks(has_own_pending=pending, reported=frozenset(reported))
    return asked[article.pk]


# How long a page of threads is kept at most: a comment saved moves its article's tag on at
# once, and a member's profile saved (a new display name) moves ``AUTHORS_TAG`` on.
SHARED_PAGE_SECONDS = 24 * 60 * 60
AUTHORS_TAG = "comment-authors"


@dataclass(frozen=True)
class _KeptPage:
    threads: int
    number: int
    roots: list[Comment]


def shared_thread_page(
    article, member, page_number, rights: Access, marks: ReaderMarks, at=None
) -> ThreadPage:
    """Page ``page_number`` of everyone's view of the discussion, for a ``member`` whose own
    view is the same (no comment of theirs awaits moderation there: ``marks``).

    The page is kept under the article's tag with each comment's fragment
    (``comments.fragments``), so it runs no query while no comment on the article is saved;
    the reader's marks and rights are put on a fresh copy of it every time."""
    at = at or timezone.now()
    number = requested_page(page_number)

    def compute() -> _KeptPage:
        paginator = Paginator(
            _threads(article, visible()).order_by("created_at", "id"), settings.COMMENTS_PER_PAGE
        )
        paginator.count = everyones_counts(article)[1]
        page = paginator.get_page(number)
        roots = _page_rows(article, page.object_list.values("pk"), visible())
        comments = [c for root in roots for c in (root, *root.shown_replies)]
        attach_fragments([c for c in comments if c.is_visible])
        for comment in comments:
            if not comment.is_visible:
                comment.body = ""  # a placeholder's text is never kept
            if comment.member is not None:
                comment.member = _public_author(comment.member)
        return _KeptPage(threads=paginator.count, number=page.number, roots=roots)

    kept = reader_cache.remember(
        f"comment-page:{article.pk}:{number}",
        (article_tag(article.pk), AUTHORS_TAG),
        compute,
        lambda: SHARED_PAGE_SECONDS,
    )
    for comment in (c for root in kept.roots for c in (root, *root.shown_replies)):
        comment.reported_by_me = comment.pk in marks.reported
    paginator = Paginator(Comment.objects.none(), settings.COMMENTS_PER_PAGE)
    paginator.count = kept.threads
    return _decorated(Page(kept.roots, kept.number, paginator), member, rights, at)


def keep_authors_fresh() -> None:
    """A member saved (a new display name, a staff badge gained or lost) or deleted moves
    ``AUTHORS_TAG`` on; a log-in, which only stamps ``last_login``, does not."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    def changed(sender, instance, update_fields=None, **kwargs):
        if update_fields is not None and set(update_fields) <= {"last_login"}:
            return
        reader_cache.invalidate(AUTHORS_TAG)

    model = get_user_model()
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(changed, sender=model, weak=False, dispatch_uid=f"{AUTHORS_TAG}:{name}")


def _public_author(member):
    """What a kept comment carries of its author: what other readers are shown of them."""
    return type(member)(
        pk=member.pk,
        display_name=member.display_name,
        is_staff=member.is_staff,
        is_active=member.is_active,
    )


def thread_page(
    article, member, page_number, rights: Access, at=None, threads: int | None = None
) -> ThreadPage:
    """Page ``page_number`` of ``member``'s own view of the discussion (clamped to the pages
    there are), its threads and their replies in one query; ``threads`` passes on the
    number of threads when ``discussion_counts`` has counted them, else counting them is a
    query of its own."""
    at = at or timezone.now()
    paginator = Paginator(threads_shown_to(article, member), settings.COMMENTS_PER_PAGE)
    if threads is not None:
        paginator.count = threads
    page = paginator.get_page(page_number)
    shown_roots = page.object_list.values("pk")
    roots = _page_rows(article, shown_roots, shown_to(member), reported_by=_reported_by(member))
    return _decorated(Page(roots, page.number, paginator), member, rights, at)


def _page_rows(article, shown_roots, shown: Q, reported_by=None) -> list[Comment]:
    """The top-level comments ``shown_roots`` and their replies in the view ``shown``, in
    one query: the roots in order, each with ``shown_replies``."""
    rows = (
        Comment.objects.filter(article=article)
        .filter(Q(pk__in=shown_roots) | (Q(parent__in=shown_roots) & shown))
        .select_related("member")
        .order_by("created_at", "id")
    )
    if reported_by is not None:
        rows = rows.annotate(reported_by_me=reported_by)
    roots: list[Comment] = []
    replies: list[Comment] = []
    for comment in rows:
        (replies if comment.parent_id else roots).append(comment)
    replies_by_root: dict[int, list[Comment]] = {root.pk: [] for root in roots}
    for reply in replies:
        reply.shown_replies = []  # replies go one level deep
        replies_by_root[reply.parent_id].append(reply)
    for root in roots:
        root.shown_replies = replies_by_root[root.pk]
    return roots


def _decorated(page: Page, member, rights: Access, at: datetime) -> ThreadPage:
    for root in page.object_list:
        for reply in root.shown_replies:
            _decorate(reply, member, rights, at)
        _decorate(root, member, rights, at)
    return ThreadPage(page=page, threads=list(page.object_list))
