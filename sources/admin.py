from django.contrib import admin
from django.db.models import Count

from web.admin import HTTPS_URLS, ListedForEditorsOnly

from .models import Source, SourceAlias


class SourceAliasInline(admin.TabularInline):
    """Other names copy uses for the source, matched in credits and attributions."""

    model = SourceAlias
    extra = 1


@admin.register(Source)
class SourceAdmin(ListedForEditorsOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "url", "citation_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "url", "description"]
    formfield_overrides = HTTPS_URLS
    inlines = [SourceAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(cited=Count("citations"))

    @admin.display(description="citations", ordering="cited")
    def citation_count(self, source):
        return source.cited
