"""The Opinion label stands apart from reporting and stays readable in both colour schemes."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_opinion_label_is_filled_and_passes_axe_contrast(browser, live_server, scheme):
    cache.clear()
    opinion = ArticleFactory(kind="opinion", headline="Europe must learn to outvote")
    ArticleFactory(kind="news", headline="Ministers meet in Brussels")
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        for url in (opinion.get_absolute_url(), "/"):
            page.goto(live_server.url + url)
            label = page.locator(".kind-label--opinion").first
            assert label.inner_text().strip().lower() == "opinion"
            # Filled: a background of its own, unlike the plain labels of other kinds.
            background = label.evaluate("e => getComputedStyle(e).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent")
            results = Axe().run(page, options={"runOnly": ["color-contrast"]}).response
            assert results["violations"] == [], results["violations"]
        plain = page.locator(".kind-label--news").first
        assert plain.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    finally:
        context.close()
