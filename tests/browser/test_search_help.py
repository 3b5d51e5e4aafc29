"""A reader who lands on a missing page or misspells a name is helped on, on a phone and
without JavaScript: the 404 page's search box, then "Did you mean", then the pieces."""

import pytest
from playwright.sync_api import expect

from tests.factories import ActorAliasFactory, ActorFactory, ArticleActorFactory, ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


def no_horizontal_overflow(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_from_a_404_a_misspelt_search_leads_to_the_actor_and_its_pieces(browser, live_server):
    zelensky = ActorFactory(name="Volodymyr Zelensky", title="President of Ukraine")
    ActorAliasFactory(actor=zelensky, name="Zelenskyy")
    piece = ArticleFactory(headline="A wartime presidency", body="<p>No name in the text.</p>")
    ArticleActorFactory(article=piece, actor=zelensky, role="main")
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + "/articles/no-such-piece/")
    assert no_horizontal_overflow(page)
    box = page.get_by_label("Search our coverage instead")
    box.fill("zelenskiyy")
    box.press("Enter")

    suggestion = page.get_by_role("link", name="Zelenskyy")
    expect(suggestion).to_be_visible()
    assert no_horizontal_overflow(page)
    suggestion.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Results for “Zelenskyy”")
    expect(page.get_by_role("link", name="Volodymyr Zelensky")).to_be_visible()
    expect(page.get_by_role("link", name="A wartime presidency")).to_be_visible()
    assert no_horizontal_overflow(page)
    context.close()
