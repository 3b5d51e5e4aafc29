"""Commenters stopped from posting: suspensions until a date, and bans. A suspension is
given here or from the comments it is about (``decisions``), lifted, never deleted; each
step is recorded in the moderation log.
"""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from members.privacy import without_email_lookups
from web.admin import InForceNowFilter

from .. import moderation
from ..models import Suspension


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

    def get_search_fields(self, request):
        return without_email_lookups(self.search_fields, request.user)

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
        return obj.is_in_force()

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
