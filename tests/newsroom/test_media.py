"""Media from the local folder: the lead figure's renditions, kept by browsers for a year."""

import pytest

from tests.factories import ArticleFactory, MemberFactory, image_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory(lead_image_alt="Two men stand before a row of flags.")
    article.lead_image.save("lead.jpg", image_file(size=(1600, 900)), save=True)
    return article


def test_lead_figure_offers_a_phone_sized_rendition_and_the_large_one(client, article):
    html = client.get(article.get_absolute_url()).content.decode()

    medium, large = article.lead_image_medium, article.lead_image_large
    assert f'srcset="{medium.url} 800w, {large.url} 1400w"' in html
    assert (medium.width, large.width) == (800, 1400)


def test_media_files_are_served_with_a_year_long_immutable_cache_lifetime(client, article):
    rendition = article.lead_image_medium
    rendition.generate()

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_logged_in_reader_gets_the_same_cache_lifetime_for_media(client, article):
    client.force_login(MemberFactory())
    rendition = article.lead_image_medium
    rendition.generate()

    response = client.get(rendition.url)

    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_missing_media_file_is_a_404(client):
    assert client.get("/media/CACHE/images/no-such-file.jpg").status_code == 404


@pytest.mark.parametrize("name", ["a" * 300, "CACHE/images/" + "b" * 300 + ".jpg"])
def test_a_file_name_longer_than_the_disk_allows_is_a_404(client, settings, name):
    (settings.MEDIA_ROOT / "CACHE" / "images").mkdir(parents=True)

    assert client.get(f"/media/{name}").status_code == 404
