"""The article desk: the change form, its states and the save that publishes."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.linking import adopt_links, dismiss_actors, suggest_actors
from articles.models import ArticleActor
from web.admin import initial_from_query
from web.security import framed_by_our_own_pages

from .. import conflicts, previews, publishing, revisions, workflow, working_copies
from ..checks import run_checks
from ..checks.document import article_text
from ..models import (
    SEARCH_COLUMNS,
    Article,
    ArticleAuthor,
    PendingChanges,
    SharedPreview,
)
from ..views import preview_response
from .actions import DeskActions, SendBackForm
from .home import warn_if_featured_left_out
from .inlines import ActorLinkInline, BylineInline, CitationInline, TagInline

# The phone a piece is previewed on: a common handset's viewport, in CSS pixels.
PHONE_WIDTH, PHONE_HEIGHT = 390, 844


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
            return queryset.scheduled()
        return queryset


class WhoseFilter(admin.SimpleListFilter):
    """The pieces one created or writes under a byline (the desk's "My drafts")."""

    title = "whose"
    parameter_name = "whose"

    def lookups(self, request, model_admin):
        return [("mine", "Mine")]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return workflow.own_articles(request.user, queryset)
        return queryset


class ArticleAdminForm(forms.ModelForm):
    """The article form, with the reason an editor gives to publish despite blocking checks."""

    publish_override_reason = forms.CharField(
        label="Override blocking checks",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only to publish despite blocking problems: say why. The reason is "
        "recorded with your name.",
    )
    send_back_note = forms.CharField(
        label="Note for the writer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5_000,
        help_text="Needed to send this piece back to draft: what to change before it is "
        "submitted again. The writer sees it on the piece and by e-mail.",
    )
    # The version of the piece the form was opened at (``articles.conflicts``).
    based_on_version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    # Set on the second pass of a save that the publish checks stopped.
    publish_blocked: "publishing.PublishBlocked | None" = None
    # Set when someone else saved the piece after the form was opened: both versions.
    edit_conflict: "conflicts.Conflict | None" = None
    # The piece as stored, when ``instance`` is not it (reverting to an old revision).
    stored_article: Article | None = None
    # Who fills the form in (set by ``ArticleAdmin.get_form``).
    desk_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.stored_version = conflicts.current_version(self.instance)
            self.fields["based_on_version"].initial = self.stored_version
            if self.instance.is_scheduled and "status" in self.fields:
                # "Published" with a time to come: say in words when readers see it.
                self.fields[
                    "status"
                ].help_text = f"{self.instance.state_in_words}: readers see it from then."

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and self.changed_since_opened(cleaned):
            # ``instance`` still holds the stored piece: the form's values go into it later.
            stored = self.stored_article or self.instance
            self.edit_conflict = conflicts.conflict_for(self, stored)
            # Saving this form again is the editor's deliberate choice, made having seen
            # the stored version: it now carries that version's number.
            self.data = self.data.copy()
            self.data[self.add_prefix("based_on_version")] = self.stored_version
            raise ValidationError(self.edit_conflict.message)
        stored = self.stored_article or self.instance
        if (
            stored.pk is not None
            and self.desk_user is not None
            and workflow.sends_back(
                self.desk_user, stored, before=stored.status, after=cleaned.get("status")
            )
            and not cleaned.get("send_back_note", "").strip()
        ):
            self.add_error("send_back_note", publishing.NoteRequired().args[0])
        if self.publish_blocked is not None:
            problems = [finding.message for finding in self.publish_blocked.findings]
            self.add_error(
                "publish_override_reason",
                "To publish despite the blocking problems listed above, say why here.",
            )
            raise ValidationError(
                [
                    "Not saved: blocking problems stop this piece from being published. Fix "
                    "them, or give a reason under “Override blocking checks”."
                ]
                + problems
            )
        return cleaned

    def changed_since_opened(self, cleaned) -> bool:
        return cleaned.get("based_on_version") != self.stored_version


def presence_notices(presences) -> list[str]:
    """Who else has the piece open, in words, at the newsroom's local time."""
    return [
        f"{presence.user} has had this piece open since "
        f"{timezone.localtime(presence.opened_at):%H:%M}."
        for presence in presences
    ]


@admin.register(Article)
class ArticleAdmin(DeskActions, VersionAdmin):
    list_display = ["headline", "section", "state", "publish_at", "featured", "updated_at"]
    list_filter = [ArticleStatusFilter, WhoseFilter, "section", "kind", "access", "featured"]
    list_select_related = ["section"]
    search_fields = ["headline", "dek", "slug"]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["section", "lead_image_credit_source"]
    inlines = [BylineInline, ActorLinkInline, CitationInline, TagInline]
    actions = ["submit_for_review", "withdraw_from_review", "publish_now", "unpublish"]
    form = ArticleAdminForm
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"
    fieldsets = [
        ("Publish checks", {"fields": ["publish_checks"]}),
        (None, {"fields": ["headline", "slug", "dek", "kind", "section", "based_on_version"]}),
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
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "publish_at",
                    "featured",
                    "access",
                    "comments_open",
                    "send_back_note",
                    "publish_override_reason",
                ]
            },
        ),
    ]
    EDITOR_ONLY_FIELDS = ["publish_at", "featured", "access", "comments_open"]
    # What a writer's revert to an old revision leaves as it stands: the editors' fields and
    # the record of who created the piece and when it first went out.
    KEPT_ON_A_WRITERS_REVERT = [*EDITOR_ONLY_FIELDS, "first_published_at", "created_by_id"]
    CHECK_FIELDS = ["publish_checks"]

    class Media:
        css = {"all": ["css/newsroom-admin.css"]}
        # Autosave, the unsaved-changes warning and presence (articles.working_copies).
        js = ["js/desk-autosave.js"]

    def reversion_register(self, model, **options):
        # The search columns are derived from the text on every save: revisions need not
        # carry a second copy of each body.
        if model is Article:
            options["exclude"] = SEARCH_COLUMNS
        super().reversion_register(model, **options)

    # --- What each role sees and may change ---------------------------------------------

    def get_queryset(self, request):
        articles = super().get_queryset(request)
        if workflow.may_publish(request.user):
            return articles
        return workflow.own_articles(request.user, articles)

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None and getattr(request, "editing_pending", False):
            # A live piece's form goes on from its pending changes, if it has any.
            request.pending_changes = PendingChanges.objects.filter(article=article).first()
            if request.pending_changes is not None:
                request.pending_changes.apply_to(article)
        stored = getattr(request, "article_as_stored", None)
        if article is None or stored is None:
            return article
        # Reverting wrote the whole revision over the piece.
        if not workflow.may_publish(request.user):
            # A writer restores its content only: the fields they may not change keep
            # their current values.
            for name in self.KEPT_ON_A_WRITERS_REVERT:
                setattr(article, name, getattr(stored, name))
        image = article.lead_image
        if image.name != stored.lead_image.name and image and not image.storage.exists(image.name):
            # A replaced image is deleted (web.images): the piece keeps the one it has.
            article.lead_image = stored.lead_image.name
            article.lead_image_width = stored.lead_image_width
            article.lead_image_height = stored.lead_image_height
        return article

    def has_change_permission(self, request, obj=None):
        return workflow.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return workflow.may_publish(request.user) and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return workflow.may_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        if workflow.may_publish(request.user):
            return self.CHECK_FIELDS
        return self.EDITOR_ONLY_FIELDS + self.CHECK_FIELDS

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        read_only = obj is not None and not self.has_change_permission(request, obj)
        for name, options in super().get_fieldsets(request, obj):
            if name == "Publish checks" and obj is None:
                continue  # a new piece has nothing to check until it is saved
            fields = options["fields"]
            if read_only:
                # A piece its writer may only look at: the body as it reads, not its HTML.
                fields = ["formatted_body" if field == "body" else field for field in fields]
            if not workflow.may_override_checks(request.user):
                fields = [field for field in fields if field != "publish_override_reason"]
            if obj is None or not workflow.may_send_back(request.user, obj):
                fields = [field for field in fields if field != "send_back_note"]
            fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form = type(form.__name__, (form,), {"desk_user": request.user})
        blocked = getattr(request, "publish_blocked", None)
        if blocked is not None:
            form = type(form.__name__, (form,), {"publish_blocked": blocked})
        stored = getattr(request, "article_as_stored", None)
        if stored is not None:
            form = type(form.__name__, (form,), {"stored_article": stored})
        return form

    def get_changeform_initial_data(self, request):
        return initial_from_query(self, request)

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
        # Nothing is written yet: save_related writes the piece with its related rows,
        # through the publishing service, which checks it as written.

    def save_related(self, request, form, formsets, change):
        article = form.instance
        written = {}

        def write():
            super(ArticleAdmin, self).save_model(request, article, form, change)
            super(ArticleAdmin, self).save_related(request, form, formsets, change)
            written["suggestions"] = self._link_related(request, article, formsets, change)

        # Raises PublishBlocked or EditConflict having saved nothing: changeform_view shows
        # the form again with what was typed and what stopped it.
        edit = {
            "by": request.user,
            "based_on": form.cleaned_data.get("based_on_version"),
            "reason": form.cleaned_data.get("publish_override_reason", ""),
            "write": write,
        }
        if change and self._keeps_live_text(request, article):
            outcome = publishing.save_pending(article, **edit)
            if "_publish_changes" in request.POST:
                outcome = publishing.publish_pending(
                    article, by=request.user, reason=edit["reason"]
                )
                self.message_user(request, "Changes published: readers now see them.")
            else:
                request.saved_as_pending = True
                request.pending_fields = self._pending_fields(form)
            for left_out in outcome.left_out:
                self.message_user(
                    request,
                    f"The new {left_out} was not saved: on a live piece it changes with "
                    "“Publish changes”.",
                    messages.WARNING,
                )
        else:
            note = form.cleaned_data.get("send_back_note", "")
            outcome = publishing.save_edit(article, note=note, **edit)
            if outcome.note is not None:
                self.message_user(
                    request, f"“{article}” is back with its writer as a draft, with your note."
                )
        # Saved: the editor's autosaved working copy has served its purpose.
        working_copies.discard(article, request.user)
        self._report_override(request, outcome)
        self._report_suggestions(request, written["suggestions"])
        if outcome.submitted:
            self._report_findings(request, article, outcome.findings)
        warn_if_featured_left_out(self, request, article)

    def log_change(self, request, obj, message):
        """The History entry of a save: a live piece's typing kept as pending changes says so,
        for the revision it records is the live version, unchanged."""
        pending = getattr(request, "pending_fields", None)
        if getattr(request, "saved_as_pending", False) and pending:
            message = (
                f"Pending changes saved ({', '.join(pending)}); the live version is unchanged "
                "until an editor publishes them."
            )
        return super().log_change(request, obj, message)

    def _keeps_live_text(self, request, article) -> bool:
        """The piece is live and stays published: what was typed waits as pending changes
        (published at once with "Publish changes")."""
        if article.status != Article.Status.PUBLISHED:
            return False
        return Article.objects.get(pk=article.pk).is_public()

    def _pending_fields(self, form) -> list[str]:
        """The fields held back as pending changes that this save changed, as the form
        names them (lower case: "headline, standfirst")."""
        held = {name.removesuffix("_id") for name in PendingChanges.FIELDS}
        return [
            str(form.fields[name].label).lower()
            for name in form.changed_data
            if name in held and name in form.fields
        ]

    def response_change(self, request, obj):
        if getattr(request, "saved_as_pending", False):
            self.message_user(
                request,
                "Saved as pending changes: readers see the live version until an editor "
                "publishes them.",
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def _link_related(self, request, article, formsets, change):
        """The byline a new piece starts with and the actors the text names."""
        profile = getattr(request.user, "author_profile", None)
        if not change and profile and not article.bylines.exists():
            # A writer's new piece carries their byline unless they chose another.
            ArticleAuthor.objects.create(article=article, author=profile)
        for formset in formsets:
            if formset.model is ArticleActor:
                dismiss_actors(
                    article, [link.actor_id for link in formset.deleted_objects], by=request.user
                )
                adopt_links(article, [link.actor_id for link, _ in formset.changed_objects])
        return suggest_actors(article, article_text(article))

    # --- Saves refused after the form was checked ---------------------------------------

    def add_view(self, request, form_url="", extra_context=None):
        return self._again_if_refused(request, super().add_view, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        request.editing_pending = True
        return self._again_if_refused(
            request, super().change_view, object_id, form_url, extra_context
        )

    def _again_if_refused(self, request, view, *args):
        """Run a view that saves the piece; if the save is refused after the form passed
        (blocking findings, or someone else saved first), run it once more to show the form
        with what was typed and what stopped it.

        Caught here, outside the view's revision, the refusal takes the first pass's
        transaction and its revision with it: the history keeps no save that was not made.
        """
        try:
            return view(request, *args)
        except publishing.PublishBlocked as blocked:
            request.publish_blocked = blocked
            return view(request, *args)
        except conflicts.EditConflict:
            # The second pass finds the newer version and shows both.
            return view(request, *args)

    def _report_suggestions(self, request, report):
        def listed(links):
            return ", ".join(f"{link.actor} ({link.mentions})" for link in links)

        if report.added:
            self.message_user(
                request,
                f"Actors named in the text and suggested: {listed(report.added)}. Keep them, "
                "or tick Delete to dismiss one; a dismissed actor is not suggested again.",
            )
        if report.removed:
            names = ", ".join(str(link.actor) for link in report.removed)
            self.message_user(request, f"Suggestions the text no longer names removed: {names}.")
        for ambiguous in report.ambiguous:
            names = " or ".join(candidate.name for candidate in ambiguous.candidates)
            self.message_user(
                request,
                f"“{ambiguous.name}” could be {names}: nothing linked; link the one meant.",
                messages.WARNING,
            )

    @admin.display(description="Body")
    def formatted_body(self, article):
        # Stored sanitised (articles.html.sanitize_body): only what the editor can make.
        return format_html('<div class="formatted-body">{}</div>', mark_safe(article.body))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["may_withdraw"] = obj is not None and workflow.may_withdraw_from_review(
            request.user, obj
        )
        context["may_send_back"] = obj is not None and workflow.may_send_back(request.user, obj)
        if context["may_send_back"]:
            context["send_back_form"] = SendBackForm()
        context["return_note"] = obj is not None and publishing.standing_note(obj)
        # A new piece has nothing to keep a working copy against until its first save (then
        # its change form autosaves); meanwhile leaving with unsaved typing asks first.
        context["desk_unsaved_warning"] = add
        if change and obj is not None and self.has_change_permission(request, obj):
            context["desk_autosave"] = True
            if request.method == "GET":
                working_copies.here(obj, request.user)
            context["working_copy"] = working_copies.offer(obj, request.user)
            context["others_here"] = presence_notices(working_copies.others_here(obj, request.user))
        may_publish = workflow.may_publish(request.user)
        context["pending"] = getattr(request, "pending_changes", None)
        context["live_desk"] = obj is not None and may_publish and obj.is_public()
        context["may_share"] = obj is not None and may_publish
        if context["may_share"]:
            context["shared_preview"] = SharedPreview.objects.filter(article=obj).first()
            if context["shared_preview"]:
                context["shared_until"] = previews.expires_at(context["shared_preview"])
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- Publish checks on the change page --------------------------------------------------

    @admin.display(description="Findings")
    def publish_checks(self, article):
        findings = run_checks(article)
        covered = publishing.overridden(article)
        return render_to_string(
            "admin/articles/article/publish_checks.html",
            {
                "findings": [(finding, finding.identity in covered) for finding in findings],
                "overrides": article.publish_overrides.select_related("user"),
                "dismissed": article.dismissed_actors.select_related("actor"),
            },
        )

    # --- Revisions: reverting is editing the current article ------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, object_id)
        if article is None or not workflow.may_edit(request.user, article):
            raise PermissionDenied
        # The revision is written over the piece before the form is checked: a conflict is
        # shown against the piece as it was stored.
        request.article_as_stored = article
        return self._again_if_refused(
            request, super().revision_view, object_id, version_id, extra_context
        )

    def history_view(self, request, object_id, extra_context=None):
        if not str(object_id).isdigit():
            # reversion looks the id up as text: a hand-made one (a NUL byte) must not reach
            # the database.
            raise Http404
        # The revisions to choose two of, newest first, as reversion lists them.
        extra_context = {
            **(extra_context or {}),
            "revisions": Version.objects.get_for_object_reference(Article, object_id)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk"),
        }
        return super().history_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        # reversion offers "Recover deleted articles" to anyone who may add: only editors may.
        extra_context = {**(extra_context or {}), "may_recover": workflow.may_publish(request.user)}
        return super().changelist_view(request, extra_context)

    def compare_view(self, request, object_id):
        """Two revisions of a piece side by side: ``?from=<version>&to=<version>``, the two
        latest when none are chosen."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not str(object_id).isdigit():
            raise Http404
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        versions = Version.objects.get_for_object(article).select_related("revision__user")
        chosen = [request.GET.get(name, "") for name in ("from", "to")]
        if all(pk.isdigit() for pk in chosen):
            pair = list(versions.filter(pk__in=chosen))
        else:
            pair = list(versions[:2])
        if len(pair) != 2:
            self.message_user(
                request, "Choose two different revisions of this piece to compare.", messages.ERROR
            )
            return redirect("admin:articles_article_history", article.pk)
        comparison = revisions.compare(*pair)
        return TemplateResponse(
            request,
            "admin/articles/article/compare.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Compare two revisions of “{article}”",
                "opts": self.opts,
                "original": article,
                "comparison": comparison,
                "earlier": revisions.described(comparison.earlier),
                "later": revisions.described(comparison.later),
            },
        )

    def recoverlist_view(self, request, extra_context=None):
        # Deleted pieces are anyone's: like recovering one, listing them is for editors.
        if not workflow.may_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not workflow.may_publish(request.user):
            raise PermissionDenied
        return self._again_if_refused(request, super().recover_view, version_id, extra_context)

    # --- List columns and actions ---------------------------------------------------------

    @admin.display(description="state", ordering="status")
    def state(self, article):
        return article.state_in_words

    # --- Preview --------------------------------------------------------------------------

    def get_urls(self):
        # (address under the piece, view, name after "articles_article_", POST only)
        own = [
            ("preview/", self.preview_view, "preview", False),
            ("withdraw/", self.withdraw_view, "withdraw", True),
            ("send-back/", self.send_back_view, "send_back", False),
            ("history/compare/", self.compare_view, "compare", False),
            ("discard-pending/", self.discard_pending_view, "discard_pending", True),
            ("share-preview/", self.share_preview_view, "share_preview", True),
            ("autosave/", self.autosave_view, "autosave", True),
            ("autosave/discard/", self.discard_autosave_view, "autosave_discard", True),
            ("presence/", self.presence_view, "presence", True),
        ]
        return [
            path(
                f"<path:object_id>/{address}",
                self.admin_site.admin_view(require_POST(view) if post_only else view),
                name=f"articles_article_{name}",
            )
            for address, view, name, post_only in own
        ] + super().get_urls()

    # --- Autosave and presence: the change form's script posts here ---------------------

    def _editable(self, request, object_id) -> Article:
        if not str(object_id).isdigit():
            raise Http404
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not workflow.may_edit(request.user, article):
            raise PermissionDenied
        return article

    def autosave_view(self, request, object_id):
        """Keep what the editor has typed as their working copy (204), or refuse it (413)."""
        article = self._editable(request, object_id)
        try:
            working_copies.keep(article, request.user, request.POST)
        except working_copies.TooLarge as refused:
            return HttpResponse(str(refused), status=413, content_type="text/plain")
        return HttpResponse(status=204)

    def discard_autosave_view(self, request, object_id):
        working_copies.discard(self._editable(request, object_id), request.user)
        return HttpResponse(status=204)

    def presence_view(self, request, object_id):
        """The form is still open: say so, and hear who else has the piece open."""
        article = self._editable(request, object_id)
        working_copies.here(article, request.user)
        others = working_copies.others_here(article, request.user)
        return JsonResponse({"others": presence_notices(others)})

    def preview_view(self, request, object_id):
        """The draft exactly as readers will see it; permission checked on every request.

        ``?frame=phone`` shows it inside a frame as wide as a phone (``PHONE_WIDTH``), as a
        reader holding one would see it; the preview itself may be framed by our own pages
        only (``web.security.framed_by_our_own_pages``)."""
        if not str(object_id).isdigit():
            raise Http404  # a hand-made address, not an article's number
        article = get_object_or_404(Article.objects.for_page(), pk=object_id)
        if not workflow.may_preview(request.user, article):
            raise PermissionDenied
        frame = request.GET.get("frame")
        views = {
            "phone": f"{request.path}?frame=phone",
            "desktop": request.path,
            # What the phone's frame shows: the preview alone, without the switch.
            "inside": f"{request.path}?frame=inside",
            "framed": frame == "inside",
        }
        if frame != "phone":
            return self._reader_preview(request, article, views)
        return TemplateResponse(
            request,
            "admin/articles/article/preview_frame.html",
            {
                **self.admin_site.each_context(request),
                "title": f"“{article}” on a phone",
                "opts": self.opts,
                "original": article,
                "preview_views": views,
                "phone_width": PHONE_WIDTH,
                "phone_height": PHONE_HEIGHT,
            },
        )

    @framed_by_our_own_pages
    def _reader_preview(self, request, article, views):
        """The preview itself, which the phone's frame shows: the one page of the newsroom
        that our own pages may frame."""
        return preview_response(request, publishing.pending_version(article), preview_views=views)

    def _article_for_editors(self, request, object_id) -> Article:
        if not str(object_id).isdigit():
            raise Http404
        if not workflow.may_publish(request.user):
            raise PermissionDenied
        return get_object_or_404(Article, pk=object_id)

    def discard_pending_view(self, request, object_id):
        article = self._article_for_editors(request, object_id)
        publishing.discard_pending(article, by=request.user)
        self.message_user(request, "Pending changes discarded: the live version stands.")
        return redirect("admin:articles_article_change", article.pk)

    def share_preview_view(self, request, object_id):
        """Make a shareable preview link (replacing any earlier one), or revoke it."""
        article = self._article_for_editors(request, object_id)
        if "revoke" in request.POST:
            previews.revoke(article)
            self.message_user(request, "Preview link revoked: it no longer opens the piece.")
        else:
            link = request.build_absolute_uri(previews.share(article, by=request.user))
            self.message_user(
                request,
                f"Preview link, for anyone who has it, for {previews.LIFETIME.days} days: {link}",
            )
        return redirect("admin:articles_article_change", article.pk)

    def view_on_site(self, article):
        if article.is_public():
            return article.get_absolute_url()
        return reverse("admin:articles_article_preview", args=[article.pk])
