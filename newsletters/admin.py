"""The newsletters desk: editors define newsletters, look readers up, and compose, test and
send issues (``newsletters.issue_admin``)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from web.admin import ListedForEditorsOnly

from . import sending
from .models import Delivery, Issue, IssuePiece, Newsletter, Recipient, Signup
from .tasks import send_test


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = ["name", "cadence", "active", "readers", "position"]
    list_editable = ["active", "position"]
    list_filter = ["active", "cadence"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sections"]
    fields = ["name", "slug", "description", "cadence", "sections", "active", "position"]

    def get_queryset(self, request):
        reachable = Q(signups__recipient__confirmed_at__isnull=False) & Q(
            signups__recipient__dead_at__isnull=True
        )
        return (
            super().get_queryset(request).annotate(reader_count=Count("signups", filter=reachable))
        )

    @admin.display(description="readers", ordering="reader_count")
    def readers(self, newsletter):
        return newsletter.reader_count


class SignupInline(admin.TabularInline):
    model = Signup
    extra = 0
    fields = ["newsletter", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = []


@admin.register(Recipient)
class RecipientAdmin(ListedForEditorsOnly, admin.ModelAdmin):
    list_display = ["email", "member", "confirmed_at", "dead_at", "dead_reason"]
    list_filter = [
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("dead_at", admin.EmptyFieldListFilter),
        "newsletters",
    ]
    search_fields = ["email"]
    readonly_fields = ["email", "member", "created_at", "confirmed_at"]
    fields = ["email", "member", "created_at", "confirmed_at", "dead_at", "dead_reason"]
    inlines = [SignupInline]
    list_select_related = ["member"]

    def has_add_permission(self, request):
        # Addresses sign up themselves (double opt-in); the newsroom never adds one.
        return False


class IssuePieceInline(admin.TabularInline):
    model = IssuePiece
    extra = 0
    fields = ["article", "position"]
    autocomplete_fields = ["article"]
    verbose_name = "piece"
    verbose_name_plural = "pieces (leave empty for the latest from the newsletter's sections)"

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _is_draft(obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _is_draft(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _is_draft(obj)


def _is_draft(issue) -> bool:
    return issue is None or issue.status == Issue.Status.DRAFT


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    """Compose an issue, send a test to yourself, send it, and watch it go out."""

    list_display = ["subject", "newsletter", "status", "sending_started_at", "progress_link"]
    list_filter = ["status", "newsletter"]
    search_fields = ["subject"]
    list_select_related = ["newsletter"]
    fields = ["newsletter", "subject", "intro", "status", "sending_started_at", "sent_at"]
    readonly_fields = ["status", "sending_started_at", "sent_at"]
    inlines = [IssuePieceInline]
    change_form_template = "admin/newsletters/issue/change_form.html"

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != Issue.Status.DRAFT:
            return ["newsletter", "subject", "intro", *self.readonly_fields]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        def view(name, function):
            return path(
                f"<int:object_id>/{name}/",
                self.admin_site.admin_view(function),
                name=f"newsletters_issue_{name.replace('-', '_')}",
            )

        return [
            view("progress", self.progress_view),
            view("send-test", self.send_test_view),
            view("send", self.send_view),
            view("resume", self.resume_view),
            *super().get_urls(),
        ]

    @admin.display(description="progress")
    def progress_link(self, issue):
        if issue.status == Issue.Status.DRAFT:
            return "—"
        return format_html('<a href="{}">Sent, pending, failed</a>', issue.get_progress_url())

    def _issue(self, request, object_id, *, change=False) -> Issue:
        issue = get_object_or_404(Issue.objects.select_related("newsletter"), pk=object_id)
        allowed = self.has_change_permission if change else self.has_view_permission
        if not allowed(request, issue):
            raise PermissionDenied
        return issue

    def change_view(self, request, object_id, form_url="", extra_context=None):
        issue = self.get_object(request, object_id)  # None for an id that is no number
        extra = dict(extra_context or {})
        if issue is not None:
            extra["issue_audience"] = sending.audience(issue).count()
            extra["issue"] = issue
        return super().change_view(request, object_id, form_url, extra)

    def progress_view(self, request, object_id):
        issue = self._issue(request, object_id)
        counts = sending.progress(issue)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Sending: {issue}",
            "subtitle": None,
            "issue": issue,
            "counts": counts,
            "failures": issue.deliveries.filter(status=Delivery.Status.FAILED)
            .select_related("recipient")
            .order_by("pk")[:50],
            "refresh": issue.status == Issue.Status.SENDING,
            "may_resume": issue.status == Issue.Status.SENDING
            and self.has_change_permission(request, issue),
            "change_url": reverse("admin:newsletters_issue_change", args=[issue.pk]),
        }
        return TemplateResponse(request, "admin/newsletters/issue/progress.html", context)

    def send_test_view(self, request, object_id):
        issue = self._issue(request, object_id, change=True)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        send_test.enqueue(issue.pk, request.user.pk)
        self.message_user(
            request,
            f"A test of this issue is on its way to {request.user.email}.",
            messages.SUCCESS,
        )
        return redirect("admin:newsletters_issue_change", issue.pk)

    def send_view(self, request, object_id):
        issue = self._issue(request, object_id, change=True)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            sending.start_sending(issue)
        except sending.CannotSend as reason:
            self.message_user(request, str(reason), messages.ERROR)
            return redirect("admin:newsletters_issue_change", issue.pk)
        self.message_user(request, "The issue is going out.", messages.SUCCESS)
        return redirect("admin:newsletters_issue_progress", issue.pk)

    def resume_view(self, request, object_id):
        issue = self._issue(request, object_id, change=True)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        batches = sending.resume(issue)
        self.message_user(
            request,
            f"Sending resumed: {batches} batch{'es' if batches != 1 else ''} queued.",
            messages.SUCCESS,
        )
        return redirect("admin:newsletters_issue_progress", issue.pk)
