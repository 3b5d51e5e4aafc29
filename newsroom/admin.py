"""Admin pieces shared by every app's newsroom desk."""

from django.contrib import admin
from django.db import models
from taggit.admin import TagAdmin
from taggit.models import Tag


class ListedForEditorsOnly:
    """Listed on the admin index only for those who may change it.

    Writers may look models up (autocomplete needs the view permission) but the index
    shows each role only what it may change.
    """

    def get_model_perms(self, request):
        if not self.has_change_permission(request):
            return {}
        return super().get_model_perms(request)


# A link typed without a scheme ("reuters.com/...") is taken as https.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


admin.site.unregister(Tag)


@admin.register(Tag)
class NewsroomTagAdmin(ListedForEditorsOnly, TagAdmin):
    pass
