"""The site's frame in Chromium: a phone reaches every destination through the menu, with
or without JavaScript, and no page of any kind scrolls sideways at 390 px; on a desktop the
menu stands open on one line with the search box."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, Page, Section
from demo.loader import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def publication():
    """The demo publication and the address of one page of every kind a reader may open."""
    load_demo(PASSWORD)
    article = Article.objects.public().filter(featured=True).select_related("section").first()
    actor = article.actor_links.select_related("actor").first().actor
    source = article.citations.select_related("source").first().source
    return {
        "anonymous": [
            "/",
            article.get_absolute_url(),
            article.section.get_absolute_url(),
            f"/tags/{article.tags.first().slug}/",
            article.authors.first().get_absolute_url(),
            "/actors/",
            actor.get_absolute_url(),
            "/actors/graph/",
            "/sources/",
            source.get_absolute_url(),
            f"/search/?q={actor.name.split()[-1]}",
            "/subscribe/",
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
            "/articles/no-such-piece/",
            *[page.get_absolute_url() for page in Page.objects.published()],
        ],
        "logged_in": [
            "/accounts/profile/",
            "/accounts/password/change/",
            "/accounts/email/",
            "/subscribe/",
            article.get_absolute_url(),
        ],
    }


def overflow(page, url: str) -> int | None:
    """How far ``url`` scrolls sideways in ``page``'s viewport (None when it does not)."""
    page.goto(url)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    viewport = page.viewport_size["width"]
    return width - viewport if width > viewport else None


@pytest.mark.parametrize("scripts", [True, False], ids=["with-js", "without-js"])
def test_no_page_of_any_kind_scrolls_sideways_on_a_phone(
    browser, live_server, publication, scripts
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
    page = context.new_page()
    wide = {url: overflow(page, live_server.url + url) for url in publication["anonymous"]}

    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", "reader@example.com")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/profile/"))
    wide |= {
        f"{url} (logged in)": overflow(page, live_server.url + url)
        for url in publication["logged_in"]
    }
    context.close()

    assert len(wide) == len(publication["anonymous"]) + len(publication["logged_in"])
    assert {url: extra for url, extra in wide.items() if extra} == {}


@pytest.mark.parametrize("scripts", [True, False], ids=["with-js", "without-js"])
def test_the_phone_menu_opens_and_reaches_every_destination(
    browser, live_server, publication, scripts
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
    page = context.new_page()
    destinations = [(section.name, section.name) for section in Section.objects.all()]
    destinations += [("Actors", "Actors"), ("Sources", "Sources")]

    for link, heading in destinations:
        page.goto(live_server.url + "/")
        menu = page.get_by_role("navigation", name="Sections")
        expect(menu.get_by_role("link", name=link)).to_be_hidden()
        page.get_by_text("Menu", exact=True).click()
        expect(menu.get_by_role("link", name=link)).to_be_visible()
        menu.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)

    page.get_by_text("Menu", exact=True).click()
    search = page.get_by_role("search", name="Search the site")
    search.get_by_label("Search for").fill("Orbán")
    search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=Orb"))
    expect(
        page.get_by_role("link", name=re.compile("Back channels and front doors"))
    ).to_be_visible()

    page.get_by_role("navigation", name="The publication").get_by_role(
        "link", name="Corrections policy"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Corrections policy")
    context.close()


def test_on_a_desktop_the_menu_stands_open_on_one_line_with_the_search_box(
    browser, live_server, publication
):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_server.url + "/")

    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    links = page.get_by_role("navigation", name="Sections").get_by_role("link")
    expect(links).to_have_count(Section.objects.count() + 2)
    tops = {round(box["y"]) for box in (link.bounding_box() for link in links.all())}
    assert len(tops) == 1, tops
    search = page.get_by_role("search", name="Search the site").get_by_label("Search for")
    expect(search).to_be_visible()
    assert abs(search.bounding_box()["y"] - min(tops)) < 20

    links.filter(has_text="Sources").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sources")
    context.close()


def test_the_copy_link_button_copies_the_address_and_is_absent_without_a_script(
    browser, live_server, publication
):
    article = Article.objects.public().filter(featured=True).first()
    address = live_server.url + article.get_absolute_url()

    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(address)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("button", name="Link copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == address
    context.close()

    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(address)
    expect(page.get_by_role("link", name="Share by e-mail")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_have_count(0)
    context.close()
