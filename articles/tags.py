"""Tag addresses: every tag page lives at ``/tags/<slug>/``, so a tag's slug is ASCII,
accents folded and never empty, whatever its name ("Orbán" → ``orban``, "🙂" → ``item``).

taggit would keep non-ASCII letters and leave a slug empty when a name has no letters or
digits; neither fits the address, and a page linking such a tag could not be drawn.
"""

import re

from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag

from web.slugs import unique_slug

ADDRESS_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@receiver(pre_save, sender=Tag, dispatch_uid="articles_tag_slug_fits_the_address")
def tag_slug_fits_the_address(sender, instance: Tag, **kwargs) -> None:
    if not ADDRESS_SLUG.fullmatch(instance.slug or ""):
        instance.slug = unique_slug(instance, instance.name)
