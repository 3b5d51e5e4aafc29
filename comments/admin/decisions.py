"""Bulk decisions on the selected comments: approve, hide, remove, dismiss their reports,
suspend or ban their authors. Each asks for a reason (and a suspension for its end) before
it acts, and acts through ``comments.moderation``, which records it.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse
from django.utils import timezone

from .. import moderation
from ..models import ModerationAction

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


class ModerationDecisions:
    """The bulk actions of a comment admin, for its ``actions`` to name."""

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
