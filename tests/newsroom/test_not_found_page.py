"""The 404 page helps a reader on: a search box and the ways into the site."""

import re

import pytest

from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


def test_the_not_found_page_has_a_labelled_search_box_that_searches(client):
    response = client.get("/articles/no-such-piece/")

    assert response.status_code == 404
    form = re.search(r'<form[^>]*action="/search/"[^>]*method="get".*?</form>', response.text, re.S)
    assert form, "a GET form to the search page"
    field = re.search(
        r'<input[^>]*name="q"[^>]*id="([^"]+)"|<input[^>]*id="([^"]+)"[^>]*name="q"', form.group()
    )
    field_id = field.group(1) or field.group(2)
    assert re.search(rf'<label[^>]*for="{field_id}"[^>]*>[^<]+</label>', form.group())


def test_the_not_found_page_offers_the_front_page_and_every_section(client):
    sections = [SectionFactory(name="Diplomacy"), SectionFactory(name="Security")]

    page = client.get("/sections/nope/").text
    # Beyond the site's navigation: in the page's own list of ways on.
    ways_on = re.search(r'<ul class="message-links">.*?</ul>', page, re.S).group()

    assert 'href="/"' in ways_on
    for section in sections:
        assert f'href="{section.get_absolute_url()}"' in ways_on
