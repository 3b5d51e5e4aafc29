"""The members desk: accounts, plans and subscriptions.

Editors grant and end complimentary subscriptions; online subscriptions belong to the
payment system and are shown read-only to them.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import Exists, OuterRef
from django.utils import timezone

from newsroom.admin import ListedForEditorsOnly

from .models import Member, Plan, Subscription
from .subscriptions import end_subscription


class MemberChangeForm(UserChangeForm):
    class Meta:
        model = Member
        fields = "__all__"


class MemberCreationForm(AdminUserCreationForm):
    class Meta:
        model = Member
        fields = ["email", "display_name"]


@admin.register(Member)
class MemberAdmin(ListedForEditorsOnly, UserAdmin):
    form = MemberChangeForm
    add_form = MemberCreationForm
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "display_name"]
    ordering = ["email"]
    date_hierarchy = "date_joined"
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Public profile", {"fields": ["display_name"]}),
        (
            "Newsroom role",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "display_name", "password1", "password2"],
            },
        ),
    ]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "price", "currency", "interval", "active", "position"]
    list_editable = ["active", "position"]
    list_filter = ["active", "interval"]
    search_fields = ["name"]
    fields = ["name", "description", "price", "currency", "interval", "active", "position"]

    def has_delete_permission(self, request, obj=None):
        # Subscriptions point at their plan: retire a plan by making it inactive.
        return request.user.is_superuser and super().has_delete_permission(request, obj)


class CurrentFilter(admin.SimpleListFilter):
    title = "gives access now"
    parameter_name = "current"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(is_current=True)
        if self.value() == "no":
            return queryset.filter(is_current=False)
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "member",
        "plan",
        "source",
        "status",
        "starts_at",
        "ends_at",
        "gives_access",
    ]
    list_filter = [CurrentFilter, "status", "source", "plan"]
    list_select_related = ["member", "plan"]
    search_fields = ["member__email", "member__display_name"]
    autocomplete_fields = ["member"]
    date_hierarchy = "starts_at"
    actions = ["end_now"]
    fieldsets = [
        (None, {"fields": ["member", "plan", "source", "status"]}),
        ("Period", {"fields": ["starts_at", "ends_at", "cancelled_at"]}),
        ("Desk", {"fields": ["note", "granted_by"]}),
    ]

    def get_queryset(self, request):
        current = Subscription.objects.current().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(is_current=Exists(current))

    @admin.display(boolean=True, description="gives access now", ordering="is_current")
    def gives_access(self, obj):
        return obj.is_current

    def get_readonly_fields(self, request, obj=None):
        readonly = ["granted_by", "cancelled_at"]
        if not request.user.is_superuser:
            # Editors grant complimentary subscriptions only; payments set the rest.
            readonly.append("source")
            if obj is not None:
                readonly.append("member")
        return readonly

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return (
            obj is None
            or request.user.is_superuser
            or obj.source == Subscription.Source.COMPLIMENTARY
        )

    def has_delete_permission(self, request, obj=None):
        # A subscription's history is kept; end it instead.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
            if not request.user.is_superuser:
                obj.source = Subscription.Source.COMPLIMENTARY
        if obj.status == Subscription.Status.CANCELLED and obj.cancelled_at is None:
            obj.cancelled_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description="End the selected complimentary subscriptions now")
    def end_now(self, request, queryset):
        ended = 0
        for subscription in queryset:
            if self.has_change_permission(request, subscription):
                end_subscription(subscription)
                ended += 1
        skipped = queryset.count() - ended
        self.message_user(request, f"Ended {ended} subscription(s).", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{skipped} online subscription(s) left alone: payments manage those.",
                messages.WARNING,
            )
