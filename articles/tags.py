"""Tag addresses: every tag page lives at ``/tags/<slug>/``, so a tag's slug is ASCII,
accents folded and never empty, whatever its name ("Orbán" → ``orban``, "🙂" → ``item``).

A tag has a page, a feed and a sitemap entry only while at least one public article
carries it (``public_tags``): a tag used only on drafts would tell of unpublished work.

taggit would keep non-ASCII letters and leave a slug empty when a name has no letters or
digits; neither fits the address, and a page linking such a tag could not be drawn.
"""

import re

from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from web.slugs import unique_slug

from .models import Article

ADDRESS_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@receiver(pre_save, sender=Tag, dispatch_uid="articles_tag_slug_fits_the_address")
def tag_slug_fits_the_address(sender, instance: Tag, **kwargs) -> None:
    if not ADDRESS_SLUG.fullmatch(instance.slug or ""):
        instance.slug = unique_slug(instance, instance.name)


def public_tags():
    """Tags carried by at least one public article: the only ones with a page."""
    tagged = TaggedItem.objects.filter(
        content_type__app_label="articles",
        content_type__model="article",
        object_id__in=Article.objects.public().values("pk"),
    ).values("tag_id")
    return Tag.objects.filter(pk__in=tagged)
