"""The members desk: accounts, plans and subscriptions, and the editor's appeal.

Editors grant and end complimentary subscriptions; online subscriptions belong to the
payment system and are shown read-only to them. Moderators look members up by display name
and follow their comments; what each role sees of an account is ``members.privacy``.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from web.admin import ListedForEditorsOnly, ReadOnlyAdmin, ScheduledAdminMixin, running_filter

from .appeals import ATTRIBUTION_DAYS
from .models import (
    Appeal,
    AppealClick,
    GiftLink,
    Member,
    MeteredRead,
    Plan,
    StripeEvent,
    StripeSync,
    Subscription,
)
from .privacy import may_see_member_emails, may_see_password_metadata, without_email_lookups
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
    readonly_fields = ["comment_history"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "display_name"]
    ordering = ["email"]
    date_hierarchy = "date_joined"
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "display_name", "password1", "password2"],
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.append("stripe_customer_id")  # payments set it
        return readonly

    # --- What each role sees (members.privacy) -------------------------------------------

    def get_list_display(self, request):
        if may_see_member_emails(request.user):
            return self.list_display
        return ["display_name", "comment_history", "is_staff", "is_active", "date_joined"]

    def get_list_display_links(self, request, list_display):
        return [list_display[0]]

    def get_search_fields(self, request):
        return without_email_lookups(self.search_fields, request.user)

    def get_ordering(self, request):
        return self.ordering if may_see_member_emails(request.user) else ["display_name", "pk"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return super().get_fieldsets(request, obj)
        sees_emails = may_see_member_emails(request.user)
        account = ["email"] if sees_emails else []
        if may_see_password_metadata(request.user):
            account.append("password")
        fieldsets = [(None, {"fields": account})] if account else []
        fieldsets.append(("Public profile", {"fields": ["display_name", "comment_history"]}))
        if sees_emails:
            fieldsets.append(("Online payment", {"fields": ["stripe_customer_id"]}))
        return fieldsets + [
            (
                "Newsroom role",
                {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
            ),
            ("Dates", {"fields": ["last_login", "date_joined"]}),
        ]

    @admin.display(description="comments")
    def comment_history(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:comments_comment_changelist") + f"?member__id__exact={obj.pk}"
        return format_html('<a href="{}">Comment history</a>', url)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "price", "currency", "interval", "active", "ad_free", "position"]
    list_editable = ["active", "position"]
    list_filter = ["active", "interval", "ad_free"]
    search_fields = ["name"]
    fields = [
        "name",
        "description",
        "price",
        "currency",
        "interval",
        "active",
        "ad_free",
        "position",
        "stripe_price_id",
    ]

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


# Kept in step with Stripe by its webhook: shown, never edited by hand.
ONLINE_FIELDS = [
    "stripe_subscription_id",
    "cancel_at_period_end",
    "payment_failed_at",
    "stripe_event_at",
]


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
    search_fields = ["member__email", "member__display_name", "stripe_subscription_id"]
    autocomplete_fields = ["member"]
    date_hierarchy = "starts_at"
    actions = ["end_now"]
    fieldsets = [
        (None, {"fields": ["member", "plan", "source", "status"]}),
        ("Period", {"fields": ["starts_at", "ends_at", "cancelled_at"]}),
        (
            "Online payment",
            {
                "fields": [
                    "stripe_subscription_id",
                    "cancel_at_period_end",
                    "payment_failed_at",
                    "stripe_event_at",
                ]
            },
        ),
        ("Desk", {"fields": ["note", "granted_by"]}),
    ]

    def get_queryset(self, request):
        current = Subscription.objects.current().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(is_current=Exists(current))

    @admin.display(boolean=True, description="gives access now", ordering="is_current")
    def gives_access(self, obj):
        return obj.is_current

    def get_readonly_fields(self, request, obj=None):
        readonly = ["granted_by", "cancelled_at", *ONLINE_FIELDS]
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


# --- The editor's appeal ----------------------------------------------------------------------


@admin.register(Appeal)
class AppealAdmin(ScheduledAdminMixin, admin.ModelAdmin):
    """Editors write the appeals; the list and the form show how many readers followed
    each one's link and how many of them subscribed (``members.appeals``)."""

    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    list_display = [
        "heading",
        "signed_by",
        "starts_at",
        "ends_at",
        "where",
        "running",
        "clicks",
        "subscribed",
        "conversion",
    ]
    list_filter = [running_filter(Appeal), "sections", "signed_by"]
    list_select_related = ["signed_by"]
    search_fields = ["heading", "text"]
    autocomplete_fields = ["signed_by"]
    date_hierarchy = "starts_at"
    readonly_fields = ["clicks", "subscribed", "conversion"]
    fieldsets = [
        (None, {"fields": ["heading", "text", "call_to_action", "signed_by"]}),
        ("When and where", {"fields": ["starts_at", "ends_at", "sections"]}),
        (
            "Results",
            {
                "fields": ["clicks", "subscribed", "conversion"],
                "description": "Readers who followed the appeal's link, and those of them "
                f"who subscribed within {ATTRIBUTION_DAYS} days, whether online or by a "
                "complimentary grant.",
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("sections")
            .annotate(
                n_clicks=Count("clicks", distinct=True),
                n_subscribed=Count(
                    "clicks", filter=Q(clicks__subscription__isnull=False), distinct=True
                ),
            )
        )

    @admin.display(description="link followed", ordering="n_clicks")
    def clicks(self, obj):
        return f"{getattr(obj, 'n_clicks', 0) or 0:,}"

    @admin.display(description="subscribed", ordering="n_subscribed")
    def subscribed(self, obj):
        return f"{getattr(obj, 'n_subscribed', 0) or 0:,}"

    @admin.display(description="conversion")
    def conversion(self, obj):
        clicks = getattr(obj, "n_clicks", 0) or 0
        if not clicks:
            return "—"
        return f"{100 * (getattr(obj, 'n_subscribed', 0) or 0) / clicks:.1f}%"


@admin.register(AppealClick)
class AppealClickAdmin(ReadOnlyAdmin):
    """Every follow of an appeal's link, for checking the counts: read-only."""

    list_display = ["clicked_at", "appeal", "member", "subscription", "converted_at"]
    list_filter = ["appeal", ("subscription", admin.EmptyFieldListFilter)]
    list_select_related = ["appeal", "member", "subscription__plan", "subscription__member"]
    search_fields = ["member__email", "member__display_name", "appeal__heading"]
    date_hierarchy = "clicked_at"


# --- Gated pieces (members.access, members.gifts) --------------------------------------------


@admin.register(GiftLink)
class GiftLinkAdmin(ReadOnlyAdmin):
    """The gift links subscribers made. Deleting one stops it working."""

    list_display = ["created_at", "article", "giver", "opened"]
    list_select_related = ["article", "giver"]
    search_fields = ["article__headline", "giver__display_name"]
    date_hierarchy = "created_at"

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("members.delete_giftlink")


@admin.register(MeteredRead)
class MeteredReadAdmin(ReadOnlyAdmin):
    """Members' pieces read on the monthly allowance: what the count is made of."""

    list_display = ["month", "member", "slot", "article", "read_at"]
    list_select_related = ["article", "member"]
    search_fields = ["article__headline", "member__display_name"]
    date_hierarchy = "read_at"


# --- Online payment ------------------------------------------------------------------------------


@admin.register(StripeEvent)
class StripeEventAdmin(ReadOnlyAdmin):
    list_display = ["event_id", "type", "created", "received_at", "outcome"]
    list_filter = ["type"]
    search_fields = ["event_id", "outcome"]
    date_hierarchy = "received_at"


@admin.register(StripeSync)
class StripeSyncAdmin(ReadOnlyAdmin):
    list_display = [
        "stripe_subscription_id",
        "reason",
        "attempts",
        "next_attempt_at",
        "done_at",
        "last_error",
    ]
    list_filter = [("done_at", admin.EmptyFieldListFilter)]
    search_fields = ["stripe_subscription_id"]
