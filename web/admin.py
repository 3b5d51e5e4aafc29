"""Admin pieces shared by every app's newsroom desk."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import HttpResponseBadRequest


def refusing_nul_bytes(view):
    """A view whose query string reaches the database (the admin's autocomplete searches
    with ``term``): a NUL byte in it, which PostgreSQL cannot store or compare, is a 400."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return HttpResponseBadRequest(
                    "A NUL character is not allowed in a search.", content_type="text/plain"
                )
        return view(request, *args, **kwargs)

    return checked


class ListedForEditorsOnly:
    """Listed on the admin index only for those who may change it.

    Writers may look models up (autocomplete needs the view permission) but the index
    shows each role only what it may change.
    """

    def get_model_perms(self, request):
        if not self.has_change_permission(request):
            return {}
        return super().get_model_perms(request)


class InForceNowFilter(admin.SimpleListFilter):
    """Yes/no over the rows that ``in_force()`` (a manager rule such as "running now")
    returns at this moment; subclasses name the rule and the labels."""

    labels = ("Yes", "No")

    def in_force(self) -> models.QuerySet:
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return [("yes", self.labels[0]), ("no", self.labels[1])]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        in_force = self.in_force().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=in_force)
        return queryset.exclude(pk__in=in_force)


def running_filter(model) -> type[InForceNowFilter]:
    """The "running now" filter of a dated model whose manager has ``running()``."""
    return type(
        f"{model.__name__}RunningFilter",
        (InForceNowFilter,),
        {
            "title": "running now",
            "parameter_name": "running",
            "in_force": lambda self: model.objects.running(),
        },
    )


class ScheduledAdminMixin:
    """List columns of pieces that run from a start to an optional end in some sections
    (appeals, sponsor placements: ``web.schedules``)."""

    @admin.display(description="sections")
    def where(self, obj):
        names = [section.name for section in obj.sections.all()]
        return ", ".join(names) if names else "Every section"

    @admin.display(boolean=True, description="running now")
    def running(self, obj):
        return obj.is_running()


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the site keeps by itself (payments, clicks): to read, never to write."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def initial_from_query(model_admin, request) -> dict:
    """The add form's initial values from the address (``?section=3``), leaving out those
    their field cannot take: a hand-made address must not break the form."""
    initial = admin.ModelAdmin.get_changeform_initial_data(model_admin, request)
    for name, value in list(initial.items()):
        try:
            field = model_admin.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        target = field.target_field if field.is_relation and not field.many_to_many else field
        try:
            if not field.many_to_many:
                target.to_python(value)
        except (ValidationError, ValueError, TypeError):
            del initial[name]
    return initial


# A link typed without a scheme ("reuters.com/...") is taken as https.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}
