from django.contrib import admin
from django.db.models import Count

from web.admin import ListedForEditorsOnly

from .models import Actor, ActorAlias


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


@admin.register(Actor)
class ActorAdmin(ListedForEditorsOnly, admin.ModelAdmin):
    list_display = ["name", "sort_name", "kind", "title", "country", "article_count"]
    list_filter = ["kind"]
    ordering = ["name"]
    search_fields = ["name", "sort_name", "aliases__name", "title", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "kind", "title", "country", "bio"]}),
        ("Portrait", {"fields": ["portrait", "portrait_credit"]}),
        (
            "Reference",
            {"fields": ["wikidata_id", "born", "in_office_from", "in_office_to"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(linked_articles=Count("article_links"))

    @admin.display(description="articles", ordering="linked_articles")
    def article_count(self, actor):
        return actor.linked_articles
