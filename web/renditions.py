"""Names of image renditions (django-imagekit), worked out once per process.

imagekit names a rendition after a hash of its spec, which it computes with a pure-Python
pickle every time a page asks for the rendition's address: about half a millisecond per
image, a dozen milliseconds on a page of cards. Each ``ImageSpecField`` has a spec class of
its own with fixed processors, format and options, so the name depends only on that class
and the source file's name, and is remembered. Specs that carry settings of their own on
the instance are named afresh every time. Uploads are stored under random names
(``web.images``), so the names of their renditions cannot be guessed either.
"""

from __future__ import annotations

import posixpath

from django.conf import settings
from imagekit.cachefiles.namers import source_name_as_path

# Attributes that feed imagekit's hash; set on an instance, the class no longer says it all.
_HASHED = ("processors", "format", "options", "autoconvert")
_MOST_REMEMBERED = 100_000
_names: dict[tuple[type, str], str] = {}


def rendition_folder(source_name: str) -> str:
    """The folder that holds every rendition of the stored image ``source_name``: named
    after it, so an upload's unguessable name makes its renditions unguessable too."""
    return posixpath.join(settings.IMAGEKIT_CACHEFILE_DIR, posixpath.splitext(source_name)[0])


def spec_name(generator) -> str:
    """``source_name_as_path`` (imagekit's default namer), remembered per spec class and
    source file name."""
    source_name = getattr(generator.source, "name", None)
    if source_name is None or any(name in vars(generator) for name in _HASHED):
        return source_name_as_path(generator)
    key = (type(generator), source_name)
    name = _names.get(key)
    if name is None:
        if len(_names) >= _MOST_REMEMBERED:
            _names.clear()
        name = _names[key] = source_name_as_path(generator)
    return name
