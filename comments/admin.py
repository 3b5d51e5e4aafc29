"""The moderation desk: the queue (reported first, then pending), every comment, commenters'
suspensions and bans, held words and phrases, and the audit trail of every action.

Moderators and editors hold the comments permissions (granted by this app's migrations).
Comments are never edited here, only moderated; each decision goes through
``comments.moderation`` so it is recorded.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from web.admin import InForceNowFilter, ReadOnlyAdmin

from . import moderation
from .models import Comment, HeldPhrase, ModerationAction, ModerationQueue, Report, Suspension
from .text import render_comment_text

Action = ModerationAction.Action


class ModerationForm(forms.Form):
    """The reason (and, for a suspension, the end date) asked before a bulk action."""

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        required=False,
        help_text="Recorded in the moderation log; a suspended member is shown it.",
    )
    until = forms.DateField(
        required=False,
        label="Suspended until the end of",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, needs_reason=False, needs_until=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = needs_reason
        if needs_until:
            self.fields["until"].required = True
            self.fields["until"].initial = (timezone.localdate() + timedelta(days=7)).isoformat()
        else:
            del self.fields["until"]

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until and until < timezone.localdate():
            raise forms.ValidationError("Choose today or a later day.")
        return until

    def until_moment(self) -> datetime:
        day_after = self.cleaned_data["until"] + timedelta(days=1)
        return timezone.make_aware(datetime.combine(day_after, time.min))


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
        allowed = [Comment.Status.PUBLISHED, Comment.Status.HIDDEN, Comment.Status.REMOVED]
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


STATUS_DECISIONS = {
    Comment.Status.PUBLISHED: Action.APPROVED,
    Comment.Status.HIDDEN: Action.HIDDEN,
    Comment.Status.REMOVED: Action.REMOVED,
}


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
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
        if obj.status == Comment.Status.DELETED:
            return "(deleted by its author)"
        return Truncator(" ".join(obj.body.split())).chars(120)

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
        return format_html(
            '<a href="{}">{}</a> ({}) · <a href="{}">moderation history</a>',
            url,
            obj.member.public_name,
            obj.member.email,
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

    # --- Bulk actions, each asking for a reason first -----------------------------------

    def _confirm(self, request, queryset, *, title, button, needs_reason, needs_until=False):
        """The reason form before a bulk action; its cleaned form once it is sent."""
        data = request.POST if "apply" in request.POST else None
        form = ModerationForm(data, needs_reason=needs_reason, needs_until=needs_until)
        if data is not None and form.is_valid():
            return form
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "button": button,
            "form": form,
            "comments": queryset.select_related("member", "article"),
            "action": request.POST.get("action"),
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            "opts": self.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/comments/moderate.html", context)

    def _decide(self, request, queryset, action, *, title, button, needs_reason):
        form = self._confirm(
            request, queryset, title=title, button=button, needs_reason=needs_reason
        )
        if isinstance(form, TemplateResponse):
            return form
        changed = moderation.decide(queryset, action, request.user, form.cleaned_data["reason"])
        self.message_user(request, f"{button}: {changed} comment(s) changed.", messages.SUCCESS)
        return None

    @admin.action(description="Approve or restore the selected comments", permissions=["change"])
    def approve(self, request, queryset):
        return self._decide(
            request,
            queryset,
            Action.APPROVED,
            title="Approve or restore comments",
            button="Approve",
            needs_reason=False,
        )

    @admin.action(description="Hide the selected comments", permissions=["change"])
    def hide(self, request, queryset):
        return self._decide(
            request,
            queryset,
            Action.HIDDEN,
            title="Hide comments",
            button="Hide",
            needs_reason=True,
        )

    @admin.action(description="Remove the selected comments", permissions=["change"])
    def remove(self, request, queryset):
        return self._decide(
            request,
            queryset,
            Action.REMOVED,
            title="Remove comments",
            button="Remove",
            needs_reason=True,
        )

    @admin.action(description="Dismiss the reports (keep the comments)", permissions=["change"])
    def dismiss_reports(self, request, queryset):
        form = self._confirm(
            request, queryset, title="Dismiss reports", button="Dismiss", needs_reason=False
        )
        if isinstance(form, TemplateResponse):
            return form
        done = moderation.dismiss_reports(queryset, request.user, form.cleaned_data["reason"])
        self.message_user(request, f"Reports dismissed on {done} comment(s).", messages.SUCCESS)
        return None

    def _sanction_authors(self, request, queryset, *, ban):
        form = self._confirm(
            request,
            queryset,
            title="Ban the authors" if ban else "Suspend the authors",
            button="Ban" if ban else "Suspend",
            needs_reason=True,
            needs_until=not ban,
        )
        if isinstance(form, TemplateResponse):
            return form
        until = None if ban else form.until_moment()
        authors = {}
        for comment in queryset.select_related("member"):
            authors.setdefault(comment.member, comment)
        for member, comment in authors.items():
            moderation.suspend(member, request.user, form.cleaned_data["reason"], until, comment)
        verb = "Banned" if ban else "Suspended"
        self.message_user(request, f"{verb} {len(authors)} commenter(s).", messages.SUCCESS)
        return None

    @admin.action(description="Suspend the authors until a date…", permissions=["change"])
    def suspend_authors(self, request, queryset):
        return self._sanction_authors(request, queryset, ban=False)

    @admin.action(description="Ban the authors…", permissions=["change"])
    def ban_authors(self, request, queryset):
        return self._sanction_authors(request, queryset, ban=True)


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


class InForceFilter(InForceNowFilter):
    title = "in force"
    parameter_name = "in_force"
    labels = ("In force", "Ended or lifted")

    def in_force(self):
        return Suspension.objects.in_force()


@admin.register(Suspension)
class SuspensionAdmin(admin.ModelAdmin):
    list_display = ["member", "kind", "in_force", "short_reason", "created_by", "created_at"]
    list_filter = [InForceFilter, "created_at"]
    list_select_related = ["member", "created_by"]
    search_fields = ["member__email", "member__display_name", "reason"]
    autocomplete_fields = ["member"]
    date_hierarchy = "created_at"
    actions = ["lift_selected"]
    fields = ["member", "until", "reason", "created_by", "created_at", "lifted_at", "lifted_by"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["created_by", "created_at", "lifted_at", "lifted_by"]
        return self.fields

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["member", "until", "reason"]
        return self.fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None and "until" in form.base_fields:
            form.base_fields["until"].help_text = "Leave empty to ban the member for good."
        return form

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="kind")
    def kind(self, obj):
        if obj.until is None:
            return "Ban"
        return format_html(
            "Suspended until {}", timezone.localtime(obj.until).strftime("%d %b %Y %H:%M")
        )

    @admin.display(description="in force", boolean=True)
    def in_force(self, obj):
        return obj.lifted_at is None and (obj.until is None or obj.until > timezone.now())

    @admin.display(description="reason")
    def short_reason(self, obj):
        return Truncator(obj.reason).chars(80)

    def save_model(self, request, obj, form, change):
        if change:
            return
        obj.created_by = request.user
        super().save_model(request, obj, form, change)
        moderation.record_suspension(obj)

    @admin.action(description="Lift the selected suspensions and bans", permissions=["change"])
    def lift_selected(self, request, queryset):
        for suspension in queryset.select_related("member"):
            moderation.lift(suspension, request.user)
        self.message_user(request, "Lifted.", messages.SUCCESS)


@admin.register(HeldPhrase)
class HeldPhraseAdmin(admin.ModelAdmin):
    list_display = ["phrase", "note", "added_by", "added_at"]
    search_fields = ["phrase", "note"]
    fields = ["phrase", "note"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)
        if not change or "phrase" in form.changed_data:
            moderation.record(Action.PHRASE_ADDED, moderator=request.user, detail=obj.phrase)

    def delete_model(self, request, obj):
        moderation.record(Action.PHRASE_REMOVED, moderator=request.user, detail=obj.phrase)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for phrase in queryset:
            moderation.record(Action.PHRASE_REMOVED, moderator=request.user, detail=phrase.phrase)
        super().delete_queryset(request, queryset)


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    """The audit trail: read-only, for everyone who moderates."""

    list_display = ["at", "action", "who", "comment_link", "member", "detail", "short_reason"]
    list_filter = ["action", "at"]
    list_select_related = ["moderator", "member", "comment"]
    search_fields = ["member__email", "member__display_name", "moderator__email", "reason"]
    date_hierarchy = "at"

    @admin.display(description="by", ordering="moderator__email")
    def who(self, obj):
        return obj.moderator or "Automatic"

    @admin.display(description="comment")
    def comment_link(self, obj):
        if obj.comment_id is None:
            return ""
        url = reverse("admin:comments_comment_change", args=[obj.comment_id])
        return format_html('<a href="{}">#{}</a>', url, obj.comment_id)

    @admin.display(description="reason")
    def short_reason(self, obj):
        return Truncator(obj.reason).chars(80)
