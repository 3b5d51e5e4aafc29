"""The comments area of an article page, and the filter that renders a comment's text.

``{% load comments %}{% comments_area article %}`` draws, for everyone, the number of
visible comments; then, by the gate (``comments.gate``): an invitation to subscribe or log
in for anonymous visitors (the same bytes for all of them: no token, no name), an
invitation to subscribe for logged-in readers without a subscription (a welcome back and a
renew link for those whose subscription ended), and the discussion itself for subscribers
and the newsroom's moderators, with a form refused a moment ago (``comments.drafts``) back
in place.

``{% comment_count_link article %}`` draws the same number by the byline, linked to the
discussion; both ask the database once per request between them.
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS

from members.context_processors import login_url_for
from members.subscriptions import request_standing

from .. import drafts
from ..drawing import ACTIONS, draw_threads, offers
from ..forms import CommentForm, submission_key
from ..fragments import attach_fragments
from ..gate import access, may_read_comments
from ..models import Report
from ..posting import edit_deadline
from ..text import render_comment_text
from ..threads import (
    discussion_counts,
    everyones_counts,
    reader_marks,
    shared_thread_page,
    thread_page,
    visible_count,
)

register = template.Library()


@register.filter(is_safe=True)
def comment_text(body: str):
    """A comment body as HTML: escaped, line breaks kept, web addresses linked."""
    return render_comment_text(body)


# A discussion page draws two or three times per comment; Django's ``date`` filter costs
# about 60 µs each (format lookup, a formatter object per call), these a few. They write
# exactly what ``date:'Y-m-d\TH:i:sO'`` and ``date:"j F Y, H:i"`` write.
@register.filter
def machine_time(moment) -> str:
    """The moment in the site's time zone as ISO 8601, for ``<time datetime>``."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M:%S%z")


@register.filter
def posted_time(moment) -> str:
    """The moment in the site's time zone for readers: "4 December 2026, 14:05"."""
    local = timezone.localtime(moment)
    return f"{local.day} {MONTHS[local.month]} {local.year}, {local:%H:%M}"


def _asked_form(query) -> drafts.FormState | None:
    """The form a reader opened with an action link (``?reply=<pk>``, ``?edit=<pk>``...)."""
    for action, _label in ACTIONS:
        value = query.get(action, "")
        if value.isdigit():
            return drafts.FormState(action, None, target_id=int(value))
    return None


def _attach_form_state(threads, state, asked=None) -> list:
    """Put a refused reply, edit or report form back under the comment it was about, or
    open the form a reader asked for (``asked``), when they may use it. Returns the
    comments drawn in full (not placeholders), for their fragments."""
    drawn = []
    for comment in threads:
        for item in [comment, *comment.shown_replies]:
            # Every comment answers what the template asks: a name the template looks up
            # and does not find costs a scan of the model's attributes, every time.
            item.open_action = item.refused_form = item.open_form = None
            item.refusal = ""
            item.refusal_without_form = False
            if not item.is_placeholder:
                drawn.append(item)
            if state is not None and item.pk == state.target_id:
                item.open_action = state.action
                item.refused_form = state.form
                item.refusal = state.error
                # The action's own form may be gone (window closed, already reported):
                # the reason is then shown on the comment itself.
                item.refusal_without_form = not offers(item, state.action)
            elif asked is not None and item.pk == asked.target_id and offers(item, asked.action):
                item.open_action = asked.action
    return drawn


def _open_form(context, article, comment, page_url: str) -> str:
    """The one form a reader opened under ``comment`` (or was sent back to), drawn."""
    if comment.open_action == "edit":
        comment.edit_until = timezone.localtime(edit_deadline(comment))
    elif comment.open_action == "reply":
        comment.reply_submission = submission_key(comment.refused_form)
    return render_to_string(
        "comments/action_form.html",
        {
            "comment": comment,
            "article": article,
            "page_url": page_url,
            "report_reasons": Report.Reason.choices,
            "edit_minutes": settings.COMMENTS_EDIT_MINUTES,
            "csrf_token": context.get("csrf_token"),
        },
    )


def _count_now(request, member, article) -> tuple[int, int | None]:
    """Everyone sees the same number of comments; only a reader shown the discussion needs
    the threads in their own view (their comments awaiting moderation among them)."""
    if (
        member is None
        or not member.is_authenticated
        or not may_read_comments(member, subscriber=request_standing(request).subscriber)
    ):
        return visible_count(article), None
    if reader_marks(request, article, member).has_own_pending:
        return discussion_counts(article, member)
    return everyones_counts(article)


def _counts(request, article) -> tuple[int, int | None]:
    """The visible comments on ``article`` and, for a reader shown the discussion, the threads
    in their view: kept in the cache, or for a reader with a comment awaiting moderation
    their own (``threads.discussion_counts``); asked once per request however many parts of
    the page show the number."""
    if request is None:
        return _count_now(None, None, article)
    asked = request.__dict__.setdefault("_comment_counts", {})
    if article.pk not in asked:
        asked[article.pk] = _count_now(request, getattr(request, "user", None), article)
    return asked[article.pk]


@register.inclusion_tag("comments/count_link.html", takes_context=True)
def comment_count_link(context, article):
    """The number of comments, linked to the discussion: for the top of the article."""
    count, _ = _counts(context.get("request"), article)
    return {"count": count}


@register.inclusion_tag("comments/area.html", takes_context=True)
def comments_area(context, article):
    request = context.get("request")
    member = getattr(request, "user", None)
    area = {
        "article": article,
        "subscribe_url": reverse("members:subscribe"),
    }
    if member is None or not member.is_authenticated:
        area["count"], _ = _counts(request, article)
        area["state"] = "anonymous"
        area["login_url"] = login_url_for(f"{article.get_absolute_url()}#comments")
        return area

    now = timezone.now()
    # The page has already asked whether the reader subscribes (the appeal asks too).
    reader = request_standing(request)
    rights = access(member, article, now, subscriber=reader.subscriber, for_page=True)
    area["count"], threads = _counts(request, article)
    if not rights.may_read:
        area["state"] = "invitation"
        area["reader"] = reader
        return area

    state = drafts.take(request, article)
    # A reader with a comment awaiting moderation sees it where it will stand: their own
    # page of threads. Everyone else reads the page all of them share, kept in the cache.
    marks = reader_marks(request, article, member)
    asked_page = request.GET.get("page")
    if marks.has_own_pending:
        discussion = thread_page(article, member, asked_page, rights, now, threads=threads)
    else:
        discussion = shared_thread_page(article, member, asked_page, rights, marks, now)
    drawn = _attach_form_state(discussion.threads, state, _asked_form(request.GET))
    attach_fragments(drawn)
    page_url = article.get_absolute_url()
    if discussion.page.number > 1:
        page_url = f"{page_url}?page={discussion.page.number}"
    for item in drawn:
        if item.open_action and not item.refusal_without_form:
            item.open_form = _open_form(context, article, item, page_url)

    new_form = CommentForm()
    new_error = ""
    if state is not None and state.action == "post":
        new_form, new_error = state.form, state.error
    area.update(
        state="discussion",
        rights=rights,
        member=member,
        discussion_page=discussion.page,
        thread_list=draw_threads(discussion.threads, page_url),
        threads=discussion.threads,
        new_form=new_form,
        new_error=new_error,
        new_submission=submission_key(new_form),
        moderation_url=reverse("admin:comments_moderationqueue_changelist"),
        account_url=reverse("members:account"),
    )
    return area
