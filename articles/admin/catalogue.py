"""What editors keep besides articles: sections, author profiles, tags, the publication's
own pages (about, masthead, policies), and the record of publish overrides."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from taggit.admin import TagAdmin
from taggit.models import Tag

from web.admin import ListedForEditorsOnly, ReadOnlyAdmin

from ..models import (
    AuthorProfile,
    Page,
    PublishOverride,
    Section,
)


@admin.register(Section)
class SectionAdmin(ListedForEditorsOnly, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AuthorProfile)
class AuthorProfileAdmin(ListedForEditorsOnly, admin.ModelAdmin):
    list_display = ["byline", "title", "user"]
    list_select_related = ["user"]
    search_fields = ["byline", "title"]
    autocomplete_fields = ["user"]
    prepopulated_fields = {"slug": ["byline"]}
    fields = ["byline", "slug", "title", "bio", "photo", "user"]


@admin.register(Page)
class PageAdmin(ListedForEditorsOnly, admin.ModelAdmin):
    """About, masthead, contact, corrections, privacy, terms: linked in every page's footer
    once published, in the order of their position."""

    list_display = ["title", "slug", "position", "published", "updated_at"]
    list_editable = ["position", "published"]
    list_filter = ["published"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        ("In the footer", {"fields": ["published", "position", "slug"]}),
    ]


@admin.register(PublishOverride)
class PublishOverrideAdmin(ReadOnlyAdmin):
    """Overrides are recorded by publishing itself; here editors read them, never edit."""

    list_display = ["article", "user", "at", "overridden", "reason"]
    list_select_related = ["article", "user"]
    search_fields = ["article__headline", "reason"]
    date_hierarchy = "at"
    fields = ["article", "user", "at", "overridden", "reason"]
    readonly_fields = fields

    @admin.display(description="checks overridden")
    def overridden(self, override):
        return ", ".join(override.codes)


admin.site.unregister(Tag)


@admin.register(Tag)
class NewsroomTagAdmin(ListedForEditorsOnly, TagAdmin):
    def get_inlines(self, request, obj):
        # The pieces carrying a tag include others' drafts: listed only to those who may
        # change tags (editors), not to writers looking a tag up.
        if not self.has_change_permission(request, obj):
            return []
        return super().get_inlines(request, obj)

    def merge_tags_view(self, request):
        """taggit's merge page, for those who may change tags, and only once tags are chosen."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        chosen = request.session.get("selected_tag_ids", "").split(",")
        ids = {int(tag_id) for tag_id in chosen if tag_id.isdigit()}
        if not ids or len(ids) != len(chosen) or Tag.objects.filter(pk__in=ids).count() != len(ids):
            self.message_user(
                request, "Choose the tags to merge in the list first.", messages.WARNING
            )
            return redirect("admin:taggit_tag_changelist")
        return super().merge_tags_view(request)
