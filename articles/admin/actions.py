"""The article list's actions (submit for review, publish now, unpublish) and the messages
that say what publishing did. Every state change goes through ``articles.publishing``."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from .. import publishing
from ..models import Article


class DeskActions:
    """Mixed into the article desk (``desk.ArticleAdmin``)."""

    @admin.action(description="Submit selected drafts for review")
    def submit_for_review(self, request, queryset):
        submitted = []
        for article in queryset.filter(status=Article.Status.DRAFT):
            try:
                submitted.append(publishing.submit_for_review(article, by=request.user))
            except PermissionDenied:
                continue  # not theirs to submit, or no longer a draft
        self.message_user(request, f"{len(submitted)} article(s) submitted for review.")
        for outcome in submitted:
            if outcome.findings:
                self._report_findings(request, outcome.article, outcome.findings)

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
                self._report_override(request, outcome.override)
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

    def _report_override(self, request, override):
        if override:
            self.message_user(
                request,
                f"Published despite {', '.join(override.codes)}; your reason is recorded.",
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
