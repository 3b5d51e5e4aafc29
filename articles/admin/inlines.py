"""What an article links to, edited on its page: bylines, actors, citations and tags."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from taggit.models import TaggedItem

from articles.models import ArticleActor, Citation
from web.admin import HTTPS_URLS

from ..models import (
    ArticleAuthor,
)


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name_plural = "bylines"


class ActorLinkInline(admin.TabularInline):
    """Actors linked by hand and those the text names (suggested on every save).

    Editing a suggestion makes it a hand link; deleting any link dismisses the actor for
    the piece (``articles.linking``).
    """

    model = ArticleActor
    extra = 0
    autocomplete_fields = ["actor"]
    fields = ["actor", "role", "found_automatically", "mention_count", "position"]
    readonly_fields = ["found_automatically", "mention_count"]
    verbose_name_plural = "actors"

    @admin.display(description="mentions")
    def mention_count(self, link):
        # Counted for suggestions only: hand links are never changed by detection.
        return link.mentions if link.found_automatically else "—"


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
