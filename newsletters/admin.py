"""The newsletters desk: editors define newsletters, look readers up, and compose, test and
send issues (``newsletters.issue_admin``)."""

from django.contrib import admin
from django.db.models import Count, Q

from web.admin import ListedForEditorsOnly

from .models import Newsletter, Recipient, Signup


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = ["name", "cadence", "active", "readers", "position"]
    list_editable = ["active", "position"]
    list_filter = ["active", "cadence"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sections"]
    fields = ["name", "slug", "description", "cadence", "sections", "active", "position"]

    def get_queryset(self, request):
        reachable = Q(signups__recipient__confirmed_at__isnull=False) & Q(
            signups__recipient__dead_at__isnull=True
        )
        return (
            super().get_queryset(request).annotate(reader_count=Count("signups", filter=reachable))
        )

    @admin.display(description="readers", ordering="reader_count")
    def readers(self, newsletter):
        return newsletter.reader_count


class SignupInline(admin.TabularInline):
    model = Signup
    extra = 0
    fields = ["newsletter", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = []


@admin.register(Recipient)
class RecipientAdmin(ListedForEditorsOnly, admin.ModelAdmin):
    list_display = ["email", "member", "confirmed_at", "dead_at", "dead_reason"]
    list_filter = [
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("dead_at", admin.EmptyFieldListFilter),
        "newsletters",
    ]
    search_fields = ["email"]
    readonly_fields = ["email", "member", "created_at", "confirmed_at"]
    fields = ["email", "member", "created_at", "confirmed_at", "dead_at", "dead_reason"]
    inlines = [SignupInline]
    list_select_related = ["member"]

    def has_add_permission(self, request):
        # Addresses sign up themselves (double opt-in); the newsroom never adds one.
        return False
