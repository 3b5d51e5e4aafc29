"""The newsroom's article desk. Every permission question is answered by ``workflow``."""

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin
from taggit.models import TaggedItem

from actors.models import ArticleActor
from newsroom.admin import HTTPS_URLS, ListedForEditorsOnly
from sources.models import Citation

from . import workflow
from .models import Article, ArticleAuthor, AuthorProfile, Section


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name_plural = "bylines"


class ActorLinkInline(admin.TabularInline):
    model = ArticleActor
    extra = 0
    autocomplete_fields = ["actor"]
    fields = ["actor", "role", "found_automatically", "position"]
    readonly_fields = ["found_automatically"]
    verbose_name_plural = "actors"


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "url", "note", "position"]
    formfield_overrides = HTTPS_URLS
    verbose_name_plural = "citations"


class TagInline(GenericTabularInline):
    model = TaggedItem
    extra = 0
    autocomplete_fields = ["tag"]
    verbose_name = "tag"
    verbose_name_plural = "tags"


class ArticleStatusFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("in_review", "In review"),
            ("scheduled", "Scheduled"),
            ("live", "Live"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value in ("draft", "in_review"):
            return queryset.filter(status=value)
        if value == "live":
            return queryset.public()
        if value == "scheduled":
            return queryset.filter(status=Article.Status.PUBLISHED).exclude(
                pk__in=Article.objects.public().values("pk")
            )
        return queryset


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    list_display = ["headline", "section", "state", "publish_at", "featured", "updated_at"]
    list_filter = [ArticleStatusFilter, "section", "kind", "featured"]
    list_select_related = ["section"]
    search_fields = ["headline", "dek", "slug"]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["section", "lead_image_credit_source"]
    inlines = [BylineInline, ActorLinkInline, CitationInline, TagInline]
    actions = ["submit_for_review", "publish_now", "unpublish"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "kind", "section"]}),
        ("Body", {"fields": ["body"]}),
        (
            "Lead image",
            {
                "fields": [
                    "lead_image",
                    "lead_image_caption",
                    "lead_image_alt",
                    "lead_image_credit_source",
                    "lead_image_credit_text",
                ]
            },
        ),
        ("Publishing", {"fields": ["status", "publish_at", "featured", "comments_open"]}),
    ]
    EDITOR_ONLY_FIELDS = ["publish_at", "featured", "comments_open"]

    class Media:
        css = {"all": ["css/newsroom-admin.css"]}

    # --- What each role sees and may change ---------------------------------------------

    def get_queryset(self, request):
        articles = super().get_queryset(request)
        if workflow.may_publish(request.user):
            return articles
        return workflow.own_articles(request.user, articles)

    def has_change_permission(self, request, obj=None):
        return workflow.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return workflow.may_publish(request.user) and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return workflow.may_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        if workflow.may_publish(request.user):
            return []
        return self.EDITOR_ONLY_FIELDS

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not workflow.may_publish(request.user):
            kwargs["choices"] = [
                (value, label)
                for value, label in Article.Status.choices
                if value != Article.Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        if not workflow.may_publish(request.user) and obj.status == Article.Status.PUBLISHED:
            # The form offers no such choice; a crafted POST gets the same answer.
            raise PermissionDenied("Only editors publish.")
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        profile = getattr(request.user, "author_profile", None)
        if not change and profile and not article.bylines.exists():
            # A writer's new piece carries their byline unless they chose another.
            ArticleAuthor.objects.create(article=article, author=profile)

    # --- Revisions: reverting is editing the current article ------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, object_id)
        if article is None or not workflow.may_edit(request.user, article):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not workflow.may_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    # --- List columns and actions ---------------------------------------------------------

    @admin.display(description="state", ordering="status")
    def state(self, article):
        if article.is_scheduled:
            return format_html("Scheduled for {}", timezone.localtime(article.publish_at))
        return article.get_status_display()

    @admin.action(description="Submit selected drafts for review")
    def submit_for_review(self, request, queryset):
        submitted = 0
        for article in queryset.filter(status=Article.Status.DRAFT):
            if workflow.may_edit(request.user, article):
                workflow.submit_for_review(article)
                submitted += 1
        self.message_user(request, f"{submitted} article(s) submitted for review.")

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        for article in queryset:
            workflow.publish(article)
        self.message_user(request, f"{queryset.count()} article(s) published.", messages.SUCCESS)

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        for article in queryset:
            workflow.unpublish(article)
        self.message_user(request, f"{queryset.count()} article(s) returned to draft.")

    # --- Preview --------------------------------------------------------------------------

    def get_urls(self):
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="articles_article_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request, object_id):
        """The draft exactly as readers will see it; permission checked on every request."""
        article = get_object_or_404(Article.objects.for_page(), pk=object_id)
        if not workflow.may_preview(request.user, article):
            raise PermissionDenied
        response = TemplateResponse(
            request, "articles/article_detail.html", {"article": article, "preview": True}
        )
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def view_on_site(self, article):
        if article.is_public():
            return article.get_absolute_url()
        return reverse("admin:articles_article_preview", args=[article.pk])


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
