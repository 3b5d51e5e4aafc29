"""The held words and phrases: a comment containing one waits for a moderator. Adding and
removing one is recorded in the moderation log."""

from django.contrib import admin

from .. import moderation
from ..models import HeldPhrase, ModerationAction

Action = ModerationAction.Action


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
