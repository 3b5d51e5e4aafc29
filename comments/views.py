"""The discussion's POST endpoints: post or reply, edit, delete, report.

Each answers with a redirect to the comment on its article page, or re-renders the article
page with the form, what was typed and why it was refused. Nothing here ever answers with
a comment's text on its own: no partial or JSON responses.
"""

from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.forms import Form
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.views import ArticleDetailView
from web import ratelimit

from .forms import CommentForm, ReportForm
from .gate import access
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


@dataclass
class FormState:
    """A refused form, handed to the comments area when the article page is re-rendered."""

    action: str  # "post", "reply", "edit" or "report"
    form: Form
    error: str = ""
    target_id: int | None = None
    page: int | None = None


def _article_url(article: Article, page: int = 1, anchor: str = "comments") -> str:
    query = f"?page={page}" if page > 1 else ""
    return f"{article.get_absolute_url()}{query}#{anchor}"


def _to_comment(comment: Comment, member) -> HttpResponseRedirect:
    page = page_number_of(comment, member)
    return HttpResponseRedirect(_article_url(comment.article, page, f"comment-{comment.pk}"))


def _rerender(request, article: Article, state: FormState, status: int):
    """The article page again, as its own view draws it, with the refused form in place."""
    request.comment_form_state = state
    view = ArticleDetailView()
    view.setup(request, slug=article.slug)
    response = view.get(request, slug=article.slug)
    response.status_code = status
    return response


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
    if parent is not None:
        state.page = page_number_of(parent, request.user)
    if not rights.may_post:
        # Not a subscriber, closed or suspended: said before anything else is checked (a
        # reader who may not read comments gets the page with its invitation, nothing more).
        state.error = rights.refusal
        return _rerender(request, article, state, 403)
    if not form.is_valid():
        return _rerender(request, article, state, 400)
    if refusal := ratelimit.hit(request, "comment"):
        state.error = f"{refusal.message} Please wait {refusal.wait}; your text is kept below."
        return refusal.mark(_rerender(request, article, state, 429))
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
        return _rerender(request, article, state, refused.status)
    return _to_comment(comment, request.user)


@require_POST
def edit(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login("/")
    comment = _own_comment(request, pk)
    form = CommentForm(request.POST)
    state = FormState("edit", form, target_id=comment.pk)
    state.page = page_number_of(comment, request.user)
    if not form.is_valid():
        return _rerender(request, comment.article, state, 400)
    try:
        edit_comment(request.user, comment, form.cleaned_data["body"])
    except CommentRefused as refused:
        state.error = refused.message
        return _rerender(request, comment.article, state, refused.status)
    return _to_comment(comment, request.user)


@require_POST
def delete(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login("/")
    # Deleting twice (a double click, a retried request) answers like the first time.
    comment = _own_comment(request, pk, deleted_too=True)
    page = page_number_of(comment, request.user)
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
    state.page = page_number_of(comment, request.user)
    try:
        # Who may report is said before what they sent is checked, as for posting;
        # ``report_comment`` checks it again.
        require_reporting_rights(request.user)
        if not form.is_valid():
            return _rerender(request, comment.article, state, 400)
        report_comment(
            request.user, comment, form.cleaned_data["reason"], form.cleaned_data["detail"]
        )
    except CommentRefused as refused:
        state.error = refused.message
        return _rerender(request, comment.article, state, refused.status)
    return _to_comment(comment, request.user)
