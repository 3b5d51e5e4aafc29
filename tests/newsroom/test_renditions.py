"""Image renditions keep the names imagekit gives them, remembered per spec and image."""

import pytest
from imagekit.cachefiles.namers import source_name_as_path

from tests.factories import ArticleFactory, image_file
from web.renditions import spec_name

pytestmark = pytest.mark.django_db


def article_with_image(name):
    article = ArticleFactory()
    article.lead_image.save(name, image_file(), save=True)
    return article


def test_a_rendition_keeps_the_name_imagekit_would_give_it():
    article = article_with_image("summit.jpg")
    for spec in (article.lead_image_card, article.lead_image_medium):
        assert spec_name(spec.generator) == source_name_as_path(spec.generator)
        assert spec_name(spec.generator) == spec_name(spec.generator)


def test_each_size_and_each_image_has_its_own_rendition():
    first, second = article_with_image("first.jpg"), article_with_image("second.jpg")
    names = {
        spec_name(first.lead_image_card.generator),
        spec_name(first.lead_image_medium.generator),
        spec_name(second.lead_image_card.generator),
    }
    assert len(names) == 3


def test_the_card_image_on_a_page_is_served_from_its_rendition(client):
    article = article_with_image("served.jpg")
    html = client.get("/").content.decode()
    assert article.lead_image_card.url in html
    assert client.get(article.lead_image_card.url).status_code == 200
