"""Lead images as the article desk takes them: JPEG, PNG, WebP, AVIF or GIF by content,
size-limited, redrawn without metadata, stored under a name nobody can guess, and removed
with their renditions when replaced."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

EPS = (
    b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n%%EndComments\n"
    b"newpath 0 0 moveto 100 100 lineto stroke\nshowpage\n%%EOF\n"
)


def picture(format="JPEG", size=(640, 360), mode="RGB", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 128).save(buffer, format=format, **options)
    return buffer.getvalue()


def upload(content: bytes, name="photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "image/jpeg")


@pytest.fixture
def draft():
    return ArticleFactory(headline="Talks in Bratislava", status=Article.Status.DRAFT)


def post_image(client, article, file, **changes):
    return client.post(change_url(article), article_form(article, lead_image=file, **changes))


def stored(article):
    article.refresh_from_db()
    return article.lead_image


def test_an_eps_file_is_refused_with_a_message_and_the_typed_text_kept(client, editor, draft):
    client.force_login(editor)

    response = post_image(client, draft, upload(EPS, "lead.jpg"), headline="A new headline")

    assert response.status_code == 200
    assert "not an image we accept" in response.text
    assert "JPEG, PNG, WebP, AVIF or GIF" in response.text
    assert 'value="A new headline"' in response.text
    assert not stored(draft)
    assert draft.headline == "Talks in Bratislava"


@pytest.mark.parametrize("format", ["PDF", "TIFF", "BMP", "ICO"])
def test_formats_other_than_the_five_are_refused(client, editor, draft, format):
    client.force_login(editor)

    response = post_image(client, draft, upload(picture(format, mode="RGB"), "photo.png"))

    assert "not an image we accept" in response.text
    assert not stored(draft)


@pytest.mark.parametrize(
    "format,extension", [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")]
)
def test_the_five_formats_are_accepted_and_named_by_their_content(
    client, editor, draft, format, extension
):
    client.force_login(editor)

    response = post_image(client, draft, upload(picture(format), "holiday.jpeg"))

    assert response.status_code == 302
    image = stored(draft)
    assert image.name.endswith(f".{extension}")
    assert (draft.lead_image_width, draft.lead_image_height) == (640, 360)
    assert Image.open(image.open()).format == format


def test_an_avif_picture_is_accepted(client, editor, draft):
    client.force_login(editor)

    response = post_image(client, draft, upload(picture("AVIF"), "photo.avif"))

    assert response.status_code == 302
    assert stored(draft).name.endswith(".avif")


def test_the_stored_picture_carries_no_metadata(client, editor, draft):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {1: "N", 2: (47.0, 30.0, 0.0)}  # GPS
    client.force_login(editor)

    post_image(client, draft, upload(picture("JPEG", exif=exif.tobytes(), comment=b"note")))

    with Image.open(stored(draft).open()) as image:
        assert not image.getexif()
        assert "comment" not in image.info


def test_a_file_over_the_byte_limit_is_refused_with_a_message(client, editor, draft, settings):
    settings.UPLOAD_MAX_BYTES = 20_000
    big = picture("BMP", size=(200, 200))  # any content: the size is checked first
    client.force_login(editor)

    response = post_image(client, draft, upload(big + b"\0" * 20_000), headline="Kept")

    assert "an image may be at most 19.5\xa0KB" in response.text
    assert 'value="Kept"' in response.text
    assert not stored(draft)


def test_the_limits_are_fifteen_megabytes_and_forty_megapixels(settings):
    assert settings.UPLOAD_MAX_BYTES == 15 * 1024 * 1024
    assert settings.UPLOAD_MAX_PIXELS == 40_000_000


def test_a_144_megapixel_png_is_refused_with_a_message(client, editor, draft):
    huge = picture("PNG", size=(12_000, 12_000), mode="1")
    client.force_login(editor)

    response = post_image(client, draft, upload(huge, "huge.png"))

    assert "12000×12000 pixels (144 megapixels)" in response.text
    assert "at most 40 megapixels" in response.text
    assert not stored(draft)


def test_a_lead_image_is_stored_under_an_unguessable_name(client, editor, draft):
    client.force_login(editor)

    post_image(client, draft, upload(picture(), f"{draft.slug}.jpg"))

    image = stored(draft)
    folder, _, name = image.name.rpartition("/")
    assert folder == f"articles/{draft.created_at:%Y}"
    token = name.removesuffix(".jpg")
    assert len(token) >= 20 and "talks" not in token
    for rendition in (draft.lead_image_card, draft.lead_image_medium, draft.lead_image_large):
        assert token in rendition.name
        assert draft.slug not in rendition.name


def test_images_saved_by_code_get_unguessable_names_too(draft):
    draft.lead_image.save(f"{draft.slug}.jpg", upload(picture()), save=True)

    assert draft.slug not in draft.lead_image.name
    assert draft.slug not in draft.lead_image_card.url


def test_a_replaced_lead_image_and_its_renditions_are_deleted_after_commit(
    client, editor, draft, django_capture_on_commit_callbacks
):
    draft.lead_image.save("first.jpg", upload(picture()), save=True)
    old = draft.lead_image.name
    storage = draft.lead_image.storage
    draft.lead_image_card.generate()
    old_rendition = draft.lead_image_card.name
    assert storage.exists(old_rendition)
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_image(client, draft, upload(picture(size=(800, 450))))
    assert storage.exists(old)  # nothing is removed before the save is committed
    for callback in callbacks:
        callback()

    new = stored(draft).name
    assert new != old and storage.exists(new)
    assert not storage.exists(old)
    assert not storage.exists(old_rendition)


def test_a_cleared_lead_image_is_deleted_after_commit(
    client, editor, draft, django_capture_on_commit_callbacks
):
    draft.lead_image.save("first.jpg", upload(picture()), save=True)
    old = draft.lead_image.name
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(draft), article_form(draft, **{"lead_image-clear": "on"}))

    assert not stored(draft)
    assert not draft.lead_image.storage.exists(old)


def test_reverting_to_a_revision_whose_image_was_replaced_keeps_the_current_image(
    client, editor, draft, django_capture_on_commit_callbacks
):
    from django.urls import reverse
    from reversion.models import Version

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        post_image(client, draft, upload(picture()), headline="First wording")
    old_version = Version.objects.get_for_object(draft).first()
    with django_capture_on_commit_callbacks(execute=True):
        post_image(client, draft, upload(picture(size=(800, 450))), headline="Second wording")
    current = stored(draft).name

    url = reverse("admin:articles_article_revision", args=[draft.pk, old_version.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, article_form(draft, headline="First wording"))

    assert response.status_code == 302
    image = stored(draft)
    assert draft.headline == "First wording"
    assert image.name == current and image.storage.exists(current)
    assert (draft.lead_image_width, draft.lead_image_height) == (800, 450)


def test_a_large_upload_is_refused_with_its_size_and_never_kept_whole(
    client, editor, draft, settings
):
    from web.images import CappedTemporaryFileUploadHandler

    settings.UPLOAD_MAX_BYTES = 20_000
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10_000  # past this, uploads wait on disk
    client.force_login(editor)

    response = post_image(client, draft, upload(b"\xff" * 100_000))

    assert "This file is 97.7\xa0KB; an image may be at most 19.5\xa0KB" in response.text
    handler = CappedTemporaryFileUploadHandler()
    handler.new_file("lead_image", "big.jpg", "image/jpeg", 100_000)
    for start in range(0, 100_000, 10_000):
        handler.receive_data_chunk(b"\xff" * 10_000, start)
    waiting = handler.file_complete(100_000)
    assert waiting.size == 100_000
    assert len(waiting.read()) <= 20_000
