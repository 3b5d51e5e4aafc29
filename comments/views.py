"""The discussion's POST endpoints: post or reply, edit, delete, report.

Each answers with a redirect: to the comment on its article page when it is done, or, when
it is refused, ``303 See Other`` to the refused form on the article page, where what was typed
and why it was refused are shown (``comments.drafts``). A reload therefore never sends a form
again. Nothing here ever answers with a comment's text: no partial or JSON responses.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from articles.models import Article
from web import ratelimit

from . import drafts
from .drafts import FormState
from .forms import CommentForm, ReportForm
from .gate import access, may_delete_own_comments, may_read_comments
from .models import Comment
from .posting import (
    CommentRefused,
    delete_comment,
    edit_comment,
    post_comment,
    report_comment,
    require_reporting_rights,
)
from .threads import page_number_of


def _article_url(article: Article, page: int = 1, anchor: str = "comments") -> str:
    query = f"?page={page}" if page > 1 else ""
    return f"{article.get_absolute_url()}{query}#{anchor}"


def _to_comment(comment: Comment, member) -> HttpResponseRedirect:
    page = page_number_of(comment, member)
    return HttpResponseRedirect(_article_url(comment.article, page, f"comment-{comment.pk}"))


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _refuse(request, article: Article, state: FormState, page: int = 1):
    """See Other: the article page, at the refused form, which the session keeps for it.

    A member who may not read the discussion is shown no form there: they land on the
    invitation, and nothing is kept for them."""
    if not may_read_comments(request.user):
        return _see_other(_article_url(article))
    drafts.keep(request, article, state)
    return _see_other(_article_url(article, page, drafts.anchor(state)))


def _page_of(comment: Comment | None, member) -> int:
    return page_number_of(comment, member) if comment is not None else 1


def _own_comment(request, pk: int, *, deleted_too: bool = False) -> Comment:
    """The logged-in member's own comment, as they see it (published or pending, and
    deleted when ``deleted_too``), on a public article; 404 for anything else."""
    own = Comment.objects.shown_to(request.user)
    if deleted_too:
        own = own | Comment.objects.filter(status=Comment.Status.DELETED)
    comment = get_object_or_404(own.select_related("article", "parent"), pk=pk, member=request.user)
    if not comment.article.is_public():
        raise Http404
    return comment


@require_POST
def post(request, slug):
    article = get_object_or_404(Article.objects.public(), slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(article.get_absolute_url())
    rights = access(request.user, article)
    parent = None
    if request.POST.get("parent"):
        try:
            parent = Comment.objects.select_related("parent").get(
                pk=int(request.POST["parent"]), article=article
            )
        except (ValueError, Comment.DoesNotExist):
            raise Http404 from None
    action = "reply" if parent else "post"
    form = CommentForm(request.POST)
    state = FormState(action, form, target_id=parent.pk if parent else None)
    page = _page_of(parent, request.user)
    if not rights.may_post:
        # Not a subscriber, closed or suspended: said before anything else is checked (a
        # reader who may not read comments lands on the invitation, nothing more).
        return _refuse(request, article, FormState("post", form, rights.refusal), page)
    if not form.is_valid():
        return _refuse(request, article, state, page)
    if refusal := ratelimit.hit(request, "comment"):
        state.error = f"{refusal.message} Please wait {refusal.wait}; your text is kept below."
        return _refuse(request, article, state, page)
    try:
        comment = post_comment(
            request.user,
            article,
            form.cleaned_data["body"],
            parent,
            submission=form.cleaned_data["submission"],
        )
    except CommentRefused as refused:
        state.error = refused.message
        return _refuse(request, article, state, page)
    return _to_comment(comment, request.user)


@require_POST
def edit(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login("/")
    comment = _own_comment(request, pk)
    form = CommentForm(request.POST)
    state = FormState("edit", form, target_id=comment.pk)
    page = _page_of(comment, request.user)
    if not form.is_valid():
        return _refuse(request, comment.article, state, page)
    try:
        edit_comment(request.user, comment, form.cleaned_data["body"])
    except CommentRefused as refused:
        state.error = refused.message
        return _refuse(request, comment.article, state, page)
    return _to_comment(comment, request.user)


@require_POST
def delete(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login("/")
    # Deleting twice (a double click, a retried request) answers like the first time.
    comment = _own_comment(request, pk, deleted_too=True)
    page = _page_of(comment, request.user)
    if request.POST.get("confirm") != "yes" and comment.status != Comment.Status.DELETED:
        # Deleting takes two steps: a form without its confirmation opens the question.
        if not may_delete_own_comments(request.user):
            raise Http404
        return _refuse(request, comment.article, FormState("delete", None, target_id=pk), page)
    try:
        delete_comment(request.user, comment)
    except CommentRefused:
        # Deleted already, removed by a moderator, or the author may no longer read the
        # discussion (``comments.gate``).
        raise Http404 from None
    anchor = f"comment-{comment.pk}" if comment.replies.visible().exists() else "comments"
    return HttpResponseRedirect(_article_url(comment.article, page, anchor))


@require_POST
def report(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login("/")
    comment = get_object_or_404(
        Comment.objects.visible().select_related("article", "parent"), pk=pk
    )
    if not comment.article.is_public():
        raise Http404
    form = ReportForm(request.POST)
    state = FormState("report", form, target_id=comment.pk)
    page = _page_of(comment, request.user)
    try:
        # Who may report is said before what they sent is checked, as for posting;
        # ``report_comment`` checks it again.
        require_reporting_rights(request.user)
        if not form.is_valid():
            return _refuse(request, comment.article, state, page)
        report_comment(
            request.user, comment, form.cleaned_data["reason"], form.cleaned_data["detail"]
        )
    except CommentRefused as refused:
        state.error = refused.message
        return _refuse(request, comment.article, state, page)
    return _to_comment(comment, request.user)
