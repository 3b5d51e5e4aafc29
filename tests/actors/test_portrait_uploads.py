"""Actor portraits follow the upload rules of every image field (web/images.py)."""

import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from PIL import Image

from actors.models import Actor

pytestmark = pytest.mark.django_db

EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n%%EOF\n"


def actor_form(**changes) -> dict:
    data = {
        "name": "Robert Fico",
        "slug": "robert-fico",
        "kind": "person",
        "title": "Prime Minister of Slovakia",
        "country": "Slovakia",
        "bio": "",
        "portrait_credit": "",
        "wikidata_id": "",
        "born": "",
        "in_office_from": "",
        "in_office_to": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (120, 90, 60)).save(buffer, format="JPEG")
    return buffer.getvalue()


def test_an_eps_portrait_is_refused_and_the_actor_not_saved(client, editor):
    client.force_login(editor)
    portrait = SimpleUploadedFile("fico.jpg", EPS, "image/jpeg")

    response = client.post("/admin/actors/actor/add/", actor_form(portrait=portrait))

    assert response.status_code == 200
    assert "not an image we accept" in response.text
    assert 'value="Prime Minister of Slovakia"' in response.text
    assert not Actor.objects.exists()


def test_a_portrait_is_stored_under_an_unguessable_name(client, editor):
    client.force_login(editor)
    portrait = SimpleUploadedFile("robert-fico.jpg", jpeg(), "image/jpeg")

    response = client.post("/admin/actors/actor/add/", actor_form(portrait=portrait))

    assert response.status_code == 302
    actor = Actor.objects.get()
    assert actor.portrait.name.startswith("actors/")
    assert "fico" not in actor.portrait.name
    assert (actor.portrait_width, actor.portrait_height) == (300, 400)


def test_every_image_field_of_the_project_follows_the_upload_rules():
    from web.images import UnguessableName, UploadedImageField

    image_fields = [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ImageField)
    ]

    assert len(image_fields) >= 5  # lead image, portrait, author photo, sponsor logo and image
    for field in image_fields:
        assert isinstance(field, UploadedImageField), field
        assert isinstance(field.upload_to, UnguessableName), field
