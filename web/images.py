"""Uploaded images: what is accepted, the name it is stored under, and what is removed.

Every image field of the project is an ``UploadedImageField``. Its rules:

- **What is accepted** is decided by the file's content, never its name: Pillow must
  recognise it as JPEG, PNG, WebP, AVIF or GIF with only those readers allowed. Other formats
  Pillow can open (EPS and PostScript through Ghostscript, PDF, PSD…) are refused, so no
  upload ever reaches an outside program when a rendition is drawn.
- **How big**: at most ``UPLOAD_MAX_BYTES`` bytes and ``UPLOAD_MAX_PIXELS`` pixels; the
  pixels are counted from the header, before anything is decoded. Past the byte limit an
  upload is not even kept in full while the request is read
  (``CappedTemporaryFileUploadHandler``).
- **What is stored** is the picture drawn afresh in its own format: no EXIF (camera,
  place), comments or other metadata, turned the way the camera meant; a GIF or WebP keeps
  its first frame.
- **Where**: ``<folder>/<random token>.<ext>`` (``UnguessableName``), so the image of a
  piece not yet published cannot be found by guessing, and its renditions, named after it
  (``web.renditions``), cannot either.
- **Replaced files go**: when a row's image is replaced or cleared, the old file and its
  renditions are deleted once the transaction commits (and only if no row still names it).
"""

from __future__ import annotations

import io
import os
import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.db import models, transaction
from django.db.models import signals
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from PIL import Image, ImageOps, UnidentifiedImageError

from .renditions import rendition_folder

# Pillow's format name → the extension stored and the content type.
ACCEPTED = {
    "JPEG": (".jpg", "image/jpeg"),
    "PNG": (".png", "image/png"),
    "WEBP": (".webp", "image/webp"),
    "AVIF": (".avif", "image/avif"),
    "GIF": (".gif", "image/gif"),
}
# A multi-picture JPEG (stereo cameras), which the JPEG reader opens, is stored as a JPEG.
_SAME_AS = {"MPO": "JPEG"}
_EXTENSIONS = {extension for extension, _ in ACCEPTED.values()}
# The modes each format is written in; anything else is converted first.
_MODES = {
    "JPEG": ("L", "RGB"),
    "PNG": ("1", "L", "LA", "P", "RGB", "RGBA"),
    "WEBP": ("RGB", "RGBA"),
    "AVIF": ("RGB", "RGBA"),
    "GIF": ("L", "P"),
}
ACCEPTED_NAMES = "JPEG, PNG, WebP, AVIF or GIF"


@deconstructible
class UnguessableName:
    """``upload_to``: ``folder`` (strftime codes allowed) and a random token, keeping only
    an accepted image extension of the name given."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        extension = os.path.splitext(filename)[1].lower()
        extension = ".jpg" if extension == ".jpeg" else extension
        if extension not in _EXTENSIONS:
            extension = ""
        folder = timezone.now().strftime(self.folder).strip("/")
        return f"{folder}/{secrets.token_urlsafe(16)}{extension}"

    def __eq__(self, other):
        return isinstance(other, UnguessableName) and other.folder == self.folder


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.0f}"


def redrawn(upload) -> SimpleUploadedFile:
    """The upload as a fresh file of its own format, or ``ValidationError`` saying why not."""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            "This file is %(size)s; an image may be at most %(limit)s. Make it smaller and "
            "upload it again.",
            code="too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.UPLOAD_MAX_BYTES),
            },
        )
    upload.seek(0)
    try:
        with Image.open(upload, formats=list(ACCEPTED)) as image:
            return _redraw(image)
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        # Past Pillow's own ceiling, far above ours: refused before the header is counted.
        raise ValidationError(
            "This image has more than %(limit)s megapixels, the most an image may have.",
            code="too_many_pixels",
            params={"limit": _megapixels(settings.UPLOAD_MAX_PIXELS)},
        ) from None
    except UnidentifiedImageError:
        raise ValidationError(
            f"This file is not an image we accept. Upload a {ACCEPTED_NAMES} picture.",
            code="invalid_image",
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ValidationError(
            "This image could not be read: the file may be damaged or cut short.",
            code="invalid_image",
        ) from None


def _redraw(image: Image.Image) -> SimpleUploadedFile:
    pixels = image.width * image.height
    if pixels > settings.UPLOAD_MAX_PIXELS:
        raise ValidationError(
            "This image is %(width)s×%(height)s pixels (%(mp)s megapixels); an image may have "
            "at most %(limit)s megapixels.",
            code="too_many_pixels",
            params={
                "width": image.width,
                "height": image.height,
                "mp": _megapixels(pixels),
                "limit": _megapixels(settings.UPLOAD_MAX_PIXELS),
            },
        )
    kind = _SAME_AS.get(image.format, image.format)
    if kind not in ACCEPTED:
        raise UnidentifiedImageError(image.format)
    image.seek(0)
    image.load()
    icc_profile = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    picture = ImageOps.exif_transpose(image)  # a copy: the camera's turn applied
    picture.info = {}  # nothing of the original's metadata is written again
    options = {}
    modes = _MODES[kind]
    if picture.mode not in modes:
        has_alpha = "A" in picture.getbands() or transparency is not None
        if has_alpha and "RGBA" in modes:
            picture = picture.convert("RGBA")
        else:
            picture = picture.convert("RGB" if "RGB" in modes else modes[-1])
    elif transparency is not None and kind in ("PNG", "GIF"):
        options["transparency"] = transparency
    if icc_profile and kind != "GIF":
        options["icc_profile"] = icc_profile
    if kind == "JPEG":
        options.update(quality=90)
    buffer = io.BytesIO()
    picture.save(buffer, format=kind, **options)
    extension, content_type = ACCEPTED[kind]
    return SimpleUploadedFile(f"image{extension}", buffer.getvalue(), content_type)


class UploadedImageFormField(forms.ImageField):
    """The upload checked and redrawn by ``redrawn``; Django's own check, which lets Pillow
    try every format it knows, is not run."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return redrawn(upload)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ",".join(content_type for _, content_type in ACCEPTED.values())
        return attrs


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Uploads too large to keep in memory wait in a temporary file of at most
    ``UPLOAD_MAX_BYTES``: the rest is read and dropped, and the file keeps the size that was
    sent, so the form says how big it was instead of the disk filling up."""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.UPLOAD_MAX_BYTES:
            return None
        return super().receive_data_chunk(raw_data, start)


def delete_with_renditions(storage, name: str) -> None:
    """Delete a stored image and every rendition drawn from it."""
    storage.delete(name)
    folder = rendition_folder(name)
    try:
        _, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for rendition in files:
        storage.delete(f"{folder}/{rendition}")


class UploadedImageField(models.ImageField):
    """An image field whose uploads follow the rules of this module."""

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": UploadedImageFormField})

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            signals.post_init.connect(self._remember_stored_name, sender=cls)
            signals.post_save.connect(self._delete_replaced_file, sender=cls)

    @property
    def _stored_key(self) -> str:
        return f"_{self.attname}_as_stored"

    def _remember_stored_name(self, instance, **kwargs):
        if self.attname in instance.__dict__:  # not deferred
            value = instance.__dict__[self.attname]
            instance.__dict__[self._stored_key] = getattr(value, "name", value) or ""

    def _delete_replaced_file(self, instance, raw=False, **kwargs):
        if raw or self._stored_key not in instance.__dict__:
            return
        old = instance.__dict__[self._stored_key]
        new = getattr(instance, self.attname).name or ""
        instance.__dict__[self._stored_key] = new
        if not old or old == new:
            return
        model, storage, column = type(instance), self.storage, self.attname

        def delete():
            # A revert may have named the file again, or another row may share it.
            if not model._default_manager.filter(**{column: old}).exists():
                delete_with_renditions(storage, old)

        transaction.on_commit(delete)
