"""The moderation log: every decision, suspension, lift and held phrase, and every automatic
hold, with who, when and why. Nobody changes or deletes an entry."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from members.privacy import without_email_lookups
from web.admin import ReadOnlyAdmin

from ..models import ModerationAction


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    """The audit trail: read-only, for everyone who moderates."""

    list_display = ["at", "action", "who", "comment_link", "member", "detail", "short_reason"]
    list_filter = ["action", "at"]
    list_select_related = ["moderator", "member", "comment"]
    search_fields = ["member__email", "member__display_name", "moderator__email", "reason"]
    date_hierarchy = "at"

    def get_search_fields(self, request):
        return without_email_lookups(self.search_fields, request.user)

    @admin.display(description="by", ordering="moderator__display_name")
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
