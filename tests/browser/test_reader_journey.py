"""A reader's way through the site, and an editor's way into the newsroom, in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    SectionFactory,
    SourceFactory,
    StaffFactory,
    image_file,
)

# Transactional: the live server reads what the test writes. (Transactional tests empty the
# database after each test, so they create every row they need, groups included.)
pytestmark = pytest.mark.django_db(transaction=True)

BODY = (
    "<p>Back channels are as old as diplomacy itself.</p>"
    "<h2>The history of quiet talks</h2><p>In 1962 a brother carried messages.</p>"
    "<h2>Two leaders' rapport</h2><p>According to Reuters, the two met in July.</p>"
)


@pytest.fixture
def story():
    section = SectionFactory(name="Diplomacy")
    broadcaster = SourceFactory(name="Danube Television", kind="broadcaster")
    agency = SourceFactory(name="Reuters", kind="news_agency")
    article = ArticleFactory(
        headline="The quiet channel between Budapest and Bratislava",
        dek="How two leaders built a line of their own.",
        body=BODY,
        section=section,
        featured=True,
        lead_image_caption="Two leaders pose during a visit to Bratislava.",
        lead_image_alt="Two men stand before a row of flags.",
        lead_image_credit_source=broadcaster,
    )
    article.lead_image.save("lead.jpg", image_file(), save=True)
    BylineFactory(article=article, author=AuthorFactory(byline="Martin Halloway"))
    orban = ActorFactory(name="Viktor Orbán", title="Prime Minister of Hungary")
    ArticleActorFactory(article=article, actor=orban, role="main")
    CitationFactory(article=article, source=agency, note="July 2024 report")
    return article


def test_reader_goes_from_home_to_article_actor_and_source(page, live_server, story):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=story.headline).first.click()

    expect(page).to_have_url(re.compile(r"/articles/the-quiet-channel-between-budapest"))
    expect(page.get_by_role("heading", level=1)).to_have_text(story.headline)
    figure = page.locator("figure").first
    expect(figure.locator("img")).to_have_attribute("alt", "Two men stand before a row of flags.")
    expect(figure.locator("figcaption")).to_contain_text("Two leaders pose during a visit")
    expect(figure.locator("figcaption")).to_contain_text("Danube Television")
    expect(page.get_by_role("heading", level=2, name="The history of quiet talks")).to_be_visible()

    page.get_by_role("link", name=re.compile("Viktor Orbán")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Viktor Orbán")
    expect(page.get_by_text("Prime Minister of Hungary").first).to_be_visible()

    page.get_by_role("link", name=story.headline).first.click()
    page.get_by_role("link", name="Reuters").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reuters")
    expect(page.get_by_role("link", name=story.headline).first).to_be_visible()


def test_article_page_reads_on_a_phone_without_sideways_scrolling(browser, live_server, story):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + story.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert scroll_width <= 390


def test_editor_logs_in_to_the_newsroom(page, live_server):
    StaffFactory(email="editor@example.com", password="a-long-password", is_superuser=True)
    page.goto(live_server.url + "/admin/")
    page.get_by_label("E-mail address").fill("editor@example.com")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Articles").first).to_be_visible()
