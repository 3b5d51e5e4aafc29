"""An editor changes a live piece in Chromium: the change waits as pending changes, the
preview shows it on a phone, and a shared link shows it to someone without an account."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.factories import ArticleFactory, StaffFactory

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def live_piece(db):
    return ArticleFactory(
        headline="Vienna talks end quietly",
        dek="Nothing agreed, and nobody said so.",
        body="<p>The ministers met in Vienna on Tuesday and agreed nothing of note.</p>",
    )


@pytest.fixture
def editor(db):
    # A superuser: the transactional test database has no groups (data migrations are
    # flushed); the roles meet the same rules in tests/articles/test_pending_changes.py.
    return StaffFactory(
        email="ana@test.example", display_name="Ana Kovács", password=PASSWORD, is_superuser=True
    )


def log_in(page, live_server, editor, next_url):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("input[name=username]", editor.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[type=submit]").click()


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide"


def test_an_edit_to_a_live_piece_waits_and_is_previewed_on_a_phone(
    live_server, browser, live_piece, editor
):
    ARTIFACTS.mkdir(exist_ok=True)
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.set_default_timeout(10_000)
    change = f"/admin/articles/article/{live_piece.pk}/change/"
    log_in(page, live_server, editor, change)
    page.fill("#id_headline", "Vienna talks open a second round")
    # Enter saves with the default choice for a live piece: pending changes.
    page.press("#id_headline", "Enter")
    expect(page.locator(".messagelist")).to_contain_text("Saved as pending changes")
    banner = page.locator(".pending-changes")
    expect(banner).to_contain_text("This piece has unpublished changes")
    expect(banner).to_contain_text("Saved by Ana Kovács")
    page.screenshot(path=ARTIFACTS / "pending-changes-1280.png")
    page.locator(".submit-row").screenshot(path=ARTIFACTS / "pending-changes-buttons.png")

    reader = browser.new_context(viewport=PHONE)
    public = reader.new_page()
    public.goto(f"{live_server.url}{live_piece.get_absolute_url()}")
    expect(public.locator("h1")).to_have_text("Vienna talks end quietly")

    phone = browser.new_context(viewport=PHONE)
    preview = phone.new_page()
    preview.set_default_timeout(10_000)
    log_in(preview, live_server, editor, f"/admin/articles/article/{live_piece.pk}/preview/")
    expect(preview.locator("h1")).to_have_text("Vienna talks open a second round")
    expect(preview.locator(".preview-banner")).to_contain_text("changes not yet published")
    no_sideways_scroll(preview)
    preview.screenshot(path=ARTIFACTS / "pending-preview-390.png", full_page=True)

    phone_desk = phone.new_page()
    phone_desk.goto(f"{live_server.url}{change}")
    expect(phone_desk.locator(".pending-changes")).to_be_visible()
    phone_desk.screenshot(path=ARTIFACTS / "pending-changes-390.png")

    # A shareable link, opened by someone with no account, on a phone.
    page.locator("button", has_text="Make a shareable preview link").click()
    message = page.locator(".messagelist").inner_text()
    link = message[message.index("http") :].split()[0]
    outsider = browser.new_context(viewport=PHONE).new_page()
    outsider.goto(link)
    expect(outsider.locator("h1")).to_have_text("Vienna talks open a second round")
    no_sideways_scroll(outsider)
    outsider.screenshot(path=ARTIFACTS / "shared-preview-390.png", full_page=True)

    page.locator("input[name=_publish_changes]").click()
    expect(page.locator(".messagelist")).to_contain_text("Changes published")
    public.reload()
    expect(public.locator("h1")).to_have_text("Vienna talks open a second round")
    for context in (desk, reader, phone, outsider.context):
        context.close()
