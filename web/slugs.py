"""Slugs for every public page: ASCII, accents folded ("Orbán" → "orban"), unique per model."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

# Slugs a model may not use because a fixed page lives at that address beside its pages:
# /actors/graph/ is the actor network, not an actor called "Graph".
RESERVED_SLUGS = {
    "actors.actor": frozenset({"graph"}),
}


def reserved_slugs(model) -> frozenset[str]:
    return RESERVED_SLUGS.get(model._meta.label_lower, frozenset())


def fold_slug(text: str, max_length: int = 50) -> str:
    """The accent-folded slug of a text, cut at a word boundary to fit ``max_length``."""
    slug = slugify(text)[:max_length].strip("-")
    return slug or "item"


def unique_slug(instance: models.Model, text: str, field: str = "slug") -> str:
    """A slug for ``instance`` built from ``text`` that no other row of its model uses."""
    max_length = instance._meta.get_field(field).max_length
    base = fold_slug(text, max_length - 4)
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    taken = set(others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    taken |= reserved_slugs(type(instance))
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


class SluggedModel(models.Model):
    """Fills ``slug`` from ``slug_source`` on first save; an editor may set it by hand."""

    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug or self.slug in reserved_slugs(type(self)):
            self.slug = unique_slug(self, getattr(self, self.slug_source))
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        if self.slug in reserved_slugs(type(self)) and "slug" not in (exclude or ()):
            raise ValidationError({"slug": f"“{self.slug}” is the address of another page."})
