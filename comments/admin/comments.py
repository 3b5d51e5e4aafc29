"""Every comment, and the moderation queue: what a comment says as readers see it, who wrote
it where, its reports and its moderation log. Only the status changes here, with a reason
for the log; comments are never written or edited in the admin.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from members.privacy import without_email_lookups

from .. import moderation
from ..models import Comment, ModerationAction, ModerationQueue, Report
from ..text import render_comment_text
from .decisions import ModerationDecisions

# The decision that sets each status a moderator may choose on a comment's page.
STATUS_DECISIONS = {status: action for action, status in moderation.DECISIONS.items()}


def comment_excerpt(comment: Comment, length: int) -> str:
    """The start of a comment on one line, as lists of comments show it."""
    if comment.status == Comment.Status.DELETED:
        return "(deleted by its author)"
    return Truncator(" ".join(comment.body.split())).chars(length)


class ReportInline(admin.TabularInline):
    model = Report
    extra = 0
    fields = ["reason", "detail", "reporter", "created_at", "resolved_at", "resolved_by"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "reports from readers"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ActionInline(admin.TabularInline):
    model = ModerationAction
    fk_name = "comment"
    extra = 0
    fields = ["at", "action", "moderator", "detail", "reason"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "moderation log"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReportedFilter(admin.SimpleListFilter):
    title = "reports"
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("open", "Open reports"), ("any", "Ever reported")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(reports__resolved_at=None, reports__isnull=False).distinct()
        if self.value() == "any":
            return queryset.filter(reports__isnull=False).distinct()
        return queryset


class CommentModerationForm(forms.ModelForm):
    moderation_reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Why you changed the status; recorded in the moderation log.",
    )

    class Meta:
        model = Comment
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = list(STATUS_DECISIONS)
        if self.instance.status not in allowed:
            # Read from the database the status is a plain string: make it a choice again.
            allowed.insert(0, Comment.Status(self.instance.status))
        self.fields["status"].choices = [(s.value, s.label) for s in allowed]

    def clean(self):
        cleaned = super().clean()
        changed_to = cleaned.get("status")
        if (
            "status" in self.changed_data
            and changed_to in (Comment.Status.HIDDEN, Comment.Status.REMOVED)
            and not cleaned.get("moderation_reason")
        ):
            self.add_error("moderation_reason", "Say why, for the log.")
        if "status" in self.changed_data and changed_to == Comment.Status.PENDING:
            self.add_error("status", "A comment goes back to pending only by being held.")
        return cleaned


@admin.register(Comment)
class CommentAdmin(ModerationDecisions, admin.ModelAdmin):
    form = CommentModerationForm
    list_display = ["excerpt", "author", "on_article", "status", "open_reports", "created_at"]
    list_display_links = ["excerpt"]
    list_filter = ["status", ReportedFilter, "created_at"]
    list_select_related = ["member", "article"]
    search_fields = ["body", "member__email", "member__display_name", "article__headline"]
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    actions = [
        "approve",
        "hide",
        "remove",
        "dismiss_reports",
        "suspend_authors",
        "ban_authors",
    ]
    fieldsets = [
        (None, {"fields": ["shown_text", "author_link", "article_link", "thread"]}),
        ("Moderation", {"fields": ["status", "moderation_reason", "held_because"]}),
        ("Dates", {"fields": ["created_at", "edited_at"]}),
    ]
    readonly_fields = [
        "shown_text",
        "author_link",
        "article_link",
        "thread",
        "held_because",
        "created_at",
        "edited_at",
    ]
    inlines = [ReportInline, ActionInline]

    class Media:
        css = {"all": ["comments/moderation-admin.css"]}

    def get_search_fields(self, request):
        return without_email_lookups(self.search_fields, request.user)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                open_report_total=Count(
                    "reports", filter=Q(reports__resolved_at=None), distinct=True
                )
            )
        )

    # --- Columns and read-only fields ----------------------------------------------------

    @admin.display(description="comment")
    def excerpt(self, obj):
        return comment_excerpt(obj, 120)

    @admin.display(description="article", ordering="article__headline")
    def on_article(self, obj):
        return Truncator(obj.article.headline).chars(48)

    @admin.display(description="author", ordering="member__display_name")
    def author(self, obj):
        return obj.member.public_name

    @admin.display(description="open reports", ordering="open_report_total")
    def open_reports(self, obj):
        return obj.open_report_total or ""

    @admin.display(description="text, as readers see it")
    def shown_text(self, obj):
        if obj.status == Comment.Status.DELETED:
            return "(deleted by its author: the text was erased)"
        return format_html('<div class="moderated-comment">{}</div>', render_comment_text(obj.body))

    @admin.display(description="author")
    def author_link(self, obj):
        url = reverse("admin:members_member_change", args=[obj.member_id])
        history = (
            reverse("admin:comments_moderationaction_changelist")
            + f"?member__id__exact={obj.member_id}"
        )
        # The display name only: moderators may not see addresses (members.privacy).
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">moderation history</a>',
            url,
            obj.member.public_name,
            history,
        )

    @admin.display(description="article")
    def article_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', obj.article.get_absolute_url(), obj.article.headline
        )

    @admin.display(description="thread")
    def thread(self, obj):
        if obj.parent_id:
            url = reverse("admin:comments_comment_change", args=[obj.parent_id])
            return format_html('Reply to <a href="{}">comment #{}</a>', url, obj.parent_id)
        replies = obj.replies.count()
        return f"Top-level comment, {replies} repl{'y' if replies == 1 else 'ies'}"

    # --- Permissions: comments are moderated here, never written or edited ------------

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == Comment.Status.DELETED:
            return [*self.readonly_fields, "status"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if "status" not in form.changed_data:
            return
        stored = Comment.objects.get(pk=obj.pk)
        moderation.decide(
            [stored],
            STATUS_DECISIONS[obj.status],
            request.user,
            form.cleaned_data.get("moderation_reason", ""),
        )


@admin.register(ModerationQueue)
class ModerationQueueAdmin(CommentAdmin):
    """Reported comments first (most reports first), then pending ones, oldest first."""

    list_display = ["excerpt", "why", "author", "on_article", "created_at"]
    list_filter = ["status"]
    date_hierarchy = None

    def get_queryset(self, request):
        return ModerationQueue.objects.needing_attention().select_related("member", "article")

    def get_ordering(self, request):
        return ["-has_open_reports", "-open_report_count", "created_at", "id"]

    @admin.display(description="why it is here")
    def why(self, obj):
        if obj.open_report_count:
            n = obj.open_report_count
            return f"Reported {n} time{'s' if n != 1 else ''}"
        return obj.held_because or "Pending"

    @admin.display(description="open reports")
    def open_reports(self, obj):
        return obj.open_report_count or ""
