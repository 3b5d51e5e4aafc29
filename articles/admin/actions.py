"""The article list's actions (submit for review, withdraw, publish now, unpublish), sending a
piece back with a note, and the messages that say what publishing did. Every state change
goes through ``articles.publishing``."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from .. import publishing, workflow
from ..models import Article


class SendBackForm(forms.Form):
    note = forms.CharField(
        label="Note for the writer",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5_000,
        error_messages={"required": publishing.NoteRequired().args[0]},
        help_text="What to change before they submit it again. They see it on the piece, "
        "on their desk and in the e-mail telling them.",
    )


class DeskActions:
    """Mixed into the article desk (``desk.ArticleAdmin``)."""

    @admin.action(description="Submit selected drafts for review")
    def submit_for_review(self, request, queryset):
        drafts = queryset.filter(status=Article.Status.DRAFT)
        submitted = _each_allowed(drafts, publishing.submit_for_review, by=request.user)
        self.message_user(request, f"{len(submitted)} article(s) submitted for review.")
        for outcome in submitted:
            if outcome.findings:
                self._report_findings(request, outcome.article, outcome.findings)

    @admin.action(description="Withdraw selected pieces from review", permissions=["withdraw"])
    def withdraw_from_review(self, request, queryset):
        in_review = list(queryset.filter(status=Article.Status.IN_REVIEW))
        withdrawn = _each_allowed(in_review, publishing.withdraw_from_review, by=request.user)
        self.message_user(request, f"{len(withdrawn)} article(s) withdrawn from review to draft.")
        left = len(in_review) - len(withdrawn)
        if left and workflow.may_publish(request.user):
            self.message_user(
                request,
                f"{left} piece(s) by others left in review: send a piece back from its page, "
                "with a note for its writer.",
                messages.WARNING,
            )

    def send_back_view(self, request, object_id):
        """An editor sends a piece in review back to its writer with a note: the box on the
        change form posts here; a refused note is shown again on this page, as typed."""
        if not str(object_id).isdigit():
            raise Http404
        if not workflow.may_publish(request.user):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=object_id)
        form = SendBackForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                publishing.send_back(article, by=request.user, note=form.cleaned_data["note"])
            except publishing.NoteRequired as refused:
                form.add_error("note", str(refused))
            except PermissionDenied:
                form.add_error(
                    None,
                    f"Not sent back: “{article}” is no longer in review "
                    f"({article.state_in_words}).",
                )
            else:
                self.message_user(
                    request,
                    f"“{article}” is back with its writer as a draft; your note is on the piece.",
                )
                return redirect("admin:articles_article_change", article.pk)
        return TemplateResponse(
            request,
            "admin/articles/article/send_back.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Send “{article}” back to its writer",
                "opts": self.opts,
                "original": article,
                "form": form,
            },
        )

    def withdraw_view(self, request, object_id):
        """The button on a piece in review: back to draft, then to its form."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not str(object_id).isdigit():
            raise Http404  # a hand-made address, not an article's number
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        publishing.withdraw_from_review(article, by=request.user)
        self.message_user(request, f"“{article}” is a draft again; edit it and submit it anew.")
        return redirect("admin:articles_article_change", article.pk)

    def has_withdraw_permission(self, request):
        return request.user.has_perm("articles.view_article")

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        confirming = "publish_override" in request.POST
        reason = request.POST.get("publish_override_reason", "") if confirming else ""
        done, blocked = {}, []
        for article in queryset:
            try:
                outcome = publishing.publish(article, by=request.user, reason=reason)
            except publishing.PublishBlocked as error:
                blocked.append(error)
                continue
            done.setdefault(outcome.summary, []).append(outcome)
        # Say what happened to each piece: live now, scheduled (and for when), or held back.
        for summary, outcomes in done.items():
            pieces = _listed(outcome.article for outcome in outcomes)
            self.message_user(request, f"{summary}: {pieces}.", messages.SUCCESS)
            for outcome in outcomes:
                self._report_override(request, outcome)
        for error in blocked:
            self.message_user(
                request, f"{error.summary} in {_listed([error.article])}.", messages.WARNING
            )
        if not blocked:
            return None
        if confirming:
            self.message_user(
                request, "Give a reason to publish despite the blocking problems.", messages.ERROR
            )
        # Like the deletion confirmation: a page that posts the same action back, with a reason.
        return TemplateResponse(
            request,
            "admin/articles/article/publish_blocked.html",
            {
                **self.admin_site.each_context(request),
                "title": "Blocking problems stop publishing",
                "opts": self.opts,
                "blocked": blocked,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        # Each waits for a save in progress and changes the status only: an edit of the
        # text made meanwhile is kept, and a form opened before is told.
        unpublished = [publishing.unpublish(article, by=request.user) for article in queryset]
        self.message_user(request, f"{len(unpublished)} article(s) returned to draft.")

    def _report_override(self, request, outcome):
        if outcome.override:
            codes = ", ".join(outcome.override.codes)
            self.message_user(
                request,
                f"{outcome.summary} despite {codes}; your reason is recorded.",
                messages.WARNING,
            )

    def _report_findings(self, request, article, findings):
        if not findings:
            self.message_user(
                request, f"“{article}” is in review; the publish checks found nothing."
            )
            return
        blocking = sum(finding.blocking for finding in findings)
        self.message_user(
            request,
            f"“{article}” is in review with {len(findings)} problem(s) the publish checks "
            f"found ({blocking} blocking): "
            + " ".join(f"[{finding.code}] {finding.message}" for finding in findings),
            messages.WARNING,
        )


def _listed(articles) -> str:
    return ", ".join(f"“{article}”" for article in articles)


def _each_allowed(articles, change, *, by) -> list[publishing.Outcome]:
    """``change`` applied to each piece the user may change; the others are left alone (not
    theirs, or moved on meanwhile)."""
    outcomes = []
    for article in articles:
        try:
            outcomes.append(change(article, by=by))
        except PermissionDenied:
            continue
    return outcomes
