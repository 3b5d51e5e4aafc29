"""The sponsors desk: sponsors, their placements, and a report for each.

Editors manage everything here (the group's permissions come from a migration); writers
and moderators neither see nor reach it. Each sponsor and placement has a report page
(impressions, clicks and click rate per day for a chosen period, as a chart, a table and
a CSV download), reached from the lists and the change forms.
"""

import io

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import slugify

from web.admin import HTTPS_URLS, ScheduledAdminMixin, running_filter

from .charts import build_chart
from .models import Placement, Sponsor
from .reports import daily_report, period_from, write_csv


class ReportAdminMixin:
    """A report page and its CSV for each object: ``<id>/report/`` and ``<id>/report/csv/``."""

    def report_placements(self, obj):
        raise NotImplementedError

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:object_id>/report/",
                self.admin_site.admin_view(self.report_view),
                name=f"{info[0]}_{info[1]}_report",
            ),
            path(
                "<int:object_id>/report/csv/",
                self.admin_site.admin_view(self.report_csv_view),
                name=f"{info[0]}_{info[1]}_report_csv",
            ),
            *super().get_urls(),
        ]

    def _report_object(self, request, object_id):
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return obj

    def report_url(self, obj) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_report", args=[obj.pk])

    @admin.display(description="report")
    def report_link(self, obj):
        if obj is None or obj.pk is None:
            return "Saved placements have a report."
        return format_html('<a href="{}">Impressions and clicks</a>', self.report_url(obj))

    def report_view(self, request, object_id):
        obj = self._report_object(request, object_id)
        form, start, end = period_from(request.GET)
        report = daily_report(self.report_placements(obj), start, end)
        csv_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_report_csv", args=[obj.pk]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Report: {obj}",
            "subtitle": None,
            "form": form,
            "report": report,
            "chart": build_chart(report),
            "csv_url": f"{csv_url}?start={start.isoformat()}&end={end.isoformat()}",
            "placements": self.report_breakdown(obj, start, end),
            "change_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]
            ),
        }
        return TemplateResponse(request, "admin/sponsors/report.html", context)

    def report_csv_view(self, request, object_id):
        obj = self._report_object(request, object_id)
        _, start, end = period_from(request.GET)
        report = daily_report(self.report_placements(obj), start, end)
        out = io.StringIO()
        write_csv(report, out)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        name = slugify(str(obj))[:60] or self.opts.model_name
        response["Content-Disposition"] = (
            f'attachment; filename="{self.opts.model_name}-{name}-{start}-{end}.csv"'
        )
        return response

    def report_breakdown(self, obj, start, end):
        """Per placement totals under a sponsor's report; nothing for one placement."""
        return None


@admin.register(Placement)
class PlacementAdmin(ScheduledAdminMixin, ReportAdminMixin, admin.ModelAdmin):
    formfield_overrides = {
        **HTTPS_URLS,
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    list_display = [
        "headline",
        "sponsor",
        "slot",
        "where",
        "starts_at",
        "ends_at",
        "weight",
        "active",
        "running",
        "impressions",
        "clicks",
        "report_link",
    ]
    list_filter = [running_filter(Placement), "active", "slot", "sponsor", "sections"]
    list_select_related = ["sponsor"]
    search_fields = ["headline", "text", "sponsor__name"]
    autocomplete_fields = ["sponsor"]
    date_hierarchy = "starts_at"
    readonly_fields = ["report_link"]
    fieldsets = [
        (None, {"fields": ["sponsor", "headline", "text", "target_url"]}),
        ("Picture", {"fields": ["image", "image_alt"]}),
        ("Where and when", {"fields": ["slot", "sections", "starts_at", "ends_at"]}),
        ("Rotation", {"fields": ["weight", "active"]}),
        ("Results", {"fields": ["report_link"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("sections")
            .annotate(total_impressions=Sum("days__impressions"), total_clicks=Sum("days__clicks"))
        )

    def report_placements(self, obj):
        return Placement.objects.filter(pk=obj.pk)

    @admin.display(description="impressions", ordering="total_impressions")
    def impressions(self, obj):
        return f"{obj.total_impressions or 0:,}"

    @admin.display(description="clicks", ordering="total_clicks")
    def clicks(self, obj):
        return f"{obj.total_clicks or 0:,}"


@admin.register(Sponsor)
class SponsorAdmin(ReportAdminMixin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "website", "placement_count", "running_count", "report_link"]
    search_fields = ["name", "website"]
    readonly_fields = ["report_link"]
    fieldsets = [
        (None, {"fields": ["name", "website", "logo", "postal_address"]}),
        ("Results", {"fields": ["report_link"]}),
    ]

    def get_queryset(self, request):
        running = Q(placements__in=Placement.objects.running())
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_placements=Count("placements", distinct=True),
                n_running=Count("placements", filter=running, distinct=True),
            )
        )

    @admin.display(description="placements", ordering="n_placements")
    def placement_count(self, obj):
        return obj.n_placements

    @admin.display(description="running now", ordering="n_running")
    def running_count(self, obj):
        return obj.n_running

    def report_placements(self, obj):
        return Placement.objects.filter(sponsor=obj)

    def report_breakdown(self, obj, start, end):
        in_period = Q(days__day__gte=start, days__day__lte=end)
        placements = (
            Placement.objects.filter(sponsor=obj)
            .annotate(
                period_impressions=Sum("days__impressions", filter=in_period),
                period_clicks=Sum("days__clicks", filter=in_period),
            )
            .order_by(F("period_impressions").desc(nulls_last=True), "headline")
        )
        rows = []
        for placement in placements:
            impressions = placement.period_impressions or 0
            clicks = placement.period_clicks or 0
            rows.append(
                {
                    "placement": placement,
                    "impressions": impressions,
                    "clicks": clicks,
                    "rate": 100 * clicks / impressions if impressions else None,
                    "url": reverse("admin:sponsors_placement_report", args=[placement.pk]),
                }
            )
        return rows
