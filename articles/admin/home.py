"""The home page's top slots, as editors fill them and as readers see them now
(``articles.home`` decides what each slot shows)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from .. import workflow
from ..home import SLOTS, featured_left_out, home_page_top, waiting_in_words
from ..models import Article, HomeSlot


class SlotForm(forms.Form):
    pinned_until = forms.SplitDateTimeField(
        required=False,
        label="Pinned until",
        widget=admin.widgets.AdminSplitDateTime,
        help_text=HomeSlot._meta.get_field("pinned_until").help_text,
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        # Looked up by headline as on the article form (the desk's article search).
        self.fields["article"] = forms.ModelChoiceField(
            Article.objects.all(),
            required=False,
            label="Piece",
            widget=AutocompleteSelect(HomeSlot._meta.get_field("article"), admin_site),
        )
        # The admin's split widget labels its inputs "Date:" and "Time:" in plain text.
        date, time = self.fields["pinned_until"].widget.widgets
        date.attrs["aria-label"] = "Pinned until: date"
        time.attrs["aria-label"] = "Pinned until: time"


class BaseSlotFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        chosen = [f.cleaned_data.get("article") for f in self.forms if f.cleaned_data]
        chosen = [a for a in chosen if a is not None]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError("A piece can fill only one slot.")


SlotFormSet = forms.formset_factory(
    SlotForm, BaseSlotFormSet, extra=0, min_num=SLOTS, max_num=SLOTS, validate_max=True
)


def save_slots(formset) -> None:
    """Write the slots as the form gives them, all at once (a piece may move between two)."""
    with transaction.atomic():
        HomeSlot.objects.all().delete()
        for position, form in enumerate(formset.forms, start=1):
            if form.cleaned_data.get("article") is not None:
                HomeSlot.objects.create(
                    position=position,
                    article=form.cleaned_data["article"],
                    pinned_until=form.cleaned_data.get("pinned_until"),
                )


@admin.register(HomeSlot)
class HomePageAdmin(admin.ModelAdmin):
    """One page: the slots, what readers see in each right now, and the featured pieces
    that are not shown."""

    search_fields = ["article__headline"]

    class Media:
        css = {"all": ["css/newsroom-admin.css"]}

    def has_view_permission(self, request, obj=None):
        return workflow.may_curate_home(request.user)

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return workflow.may_curate_home(request.user)

    def get_model_perms(self, request):
        allowed = workflow.may_curate_home(request.user)
        return {"view": allowed, "change": allowed, "add": False, "delete": False}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:articles_homeslot_changelist")

    def changelist_view(self, request, extra_context=None):
        if not workflow.may_curate_home(request.user):
            raise PermissionDenied
        placed = {slot.position: slot for slot in HomeSlot.objects.all()}
        initial = [
            {
                "article": getattr(placed.get(p), "article_id", None),
                "pinned_until": getattr(placed.get(p), "pinned_until", None),
            }
            for p in range(1, SLOTS + 1)
        ]
        kwargs = {"initial": initial, "form_kwargs": {"admin_site": self.admin_site}}
        if request.method == "POST":
            formset = SlotFormSet(request.POST, **kwargs)
            if formset.is_valid():
                save_slots(formset)
                self.message_user(request, "Home page slots saved.", messages.SUCCESS)
                return redirect("admin:articles_homeslot_changelist")
        else:
            formset = SlotFormSet(**kwargs)
        now = timezone.now()
        top = home_page_top(now=now)
        shown = [a.pk for a in top.articles]
        left_out = Article.objects.public(now).filter(featured=True).exclude(pk__in=shown)
        rows = [
            {
                "slot": slot,
                "form": form,
                "waiting": waiting_in_words(slot.placement, now),
                "pin_ran_out": slot.placement is not None
                and slot.placement.pinned_until is not None
                and slot.placement.pinned_until <= now,
            }
            for slot, form in zip(top.slots, formset.forms, strict=True)
        ]
        media = self.media + formset.media
        return TemplateResponse(
            request,
            "admin/articles/homeslot/home_page.html",
            {
                **self.admin_site.each_context(request),
                "title": "Home page",
                "opts": self.opts,
                "formset": formset,
                "rows": rows,
                "left_out": left_out.select_related("section")[:50],
                "left_out_count": left_out.count(),
                "media": media,
                "home_url": reverse("articles:home"),
            },
        )


def warn_if_featured_left_out(model_admin, request, article: Article) -> None:
    """After a save: say so when a featured piece will not be at the top of the home page,
    why, and where to place it."""
    if not article.featured:
        return
    reason = featured_left_out(article, home_page_top())
    if reason is not None:
        model_admin.message_user(
            request,
            format_html(
                '{} To show it, place it in a slot on the <a href="{}">Home page</a>.',
                reason,
                reverse("admin:articles_homeslot_changelist"),
            ),
            messages.WARNING,
        )
