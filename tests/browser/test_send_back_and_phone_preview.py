"""In Chromium: an editor sends a piece back with a note and its writer finds it on the
piece; an editor previews a piece as a reader on a phone, in a frame 390 pixels wide."""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import ARTIFACTS
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, StaffFactory

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
PHONE_WIDTH = 390
NOTE = "Tighten the second half, and cite the IAEA report where you give the figures."
BODY = "".join(
    f"<h2>Part {n}</h2><p>The inspectors returned to the plant in March and counted "
    "what was left of the centrifuges, hall by hall, with the operators watching.</p>"
    for n in range(1, 5)
)


@pytest.fixture
def editor(db):
    # A superuser: the transactional test database has no groups (data migrations are
    # flushed); the roles meet the same rules in tests/articles/test_send_back.py.
    return StaffFactory(
        email="ana@test.example", display_name="Ana Kovács", password=PASSWORD, is_superuser=True
    )


@pytest.fixture
def writer(db):
    """A writer by their permissions (the Writers group's, which the flush removed)."""
    member = StaffFactory(
        email="wanda@test.example", display_name="Wanda Writer", password=PASSWORD
    )
    member.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["add_article", "change_article", "view_article"],
        )
    )
    return member


@pytest.fixture
def piece(writer):
    return ArticleFactory(
        headline="What the inspectors found at the plant",
        dek="A count of centrifuges, hall by hall.",
        body=BODY,
        section=SectionFactory(name="Analysis"),
        status=Article.Status.IN_REVIEW,
        publish_at=None,
        created_by=writer,
        bylines=[AuthorFactory(user=writer, byline="Wanda Writer")],
    )


def logged_in(browser, live_server, member, next_url, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("input[name=username]", member.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[type=submit]").click()
    return page


def test_a_piece_sent_back_carries_the_editors_note_to_its_writer(
    live_server, browser, piece, editor, writer
):
    ARTIFACTS.mkdir(exist_ok=True)
    change = f"/admin/articles/article/{piece.pk}/change/"
    desk = logged_in(browser, live_server, editor, change)
    box = desk.locator(".send-back-form")
    # No note (the browser asks for one; spaces get past it): refused, in words.
    desk.fill("textarea[name=note]", "   ")
    box.locator("button", has_text="Send back to the writer").click()
    expect(desk.locator(".send-back-form .errorlist")).to_contain_text(
        "write a note for the writer"
    )
    desk.fill("textarea[name=note]", NOTE)
    desk.locator(".send-back-form button").click()
    expect(desk.locator(".messagelist")).to_contain_text("is back with its writer as a draft")

    for width in (1280, 390):
        page = logged_in(browser, live_server, writer, change, width=width)
        notice = page.locator(".return-note")
        expect(notice).to_contain_text("Sent back to draft by Ana Kovács")
        expect(notice).to_contain_text(NOTE)
        # Prominent: above the form's fields, in view as the page opens.
        expect(notice).to_be_in_viewport()
        page.screenshot(path=ARTIFACTS / f"sent-back-note-{width}.png")
        page.goto(f"{live_server.url}/admin/")
        expect(page.locator(".desk-block", has_text="My drafts")).to_contain_text(
            "Sent back by Ana Kovács: “Tighten the second half"
        )
        if width == 1280:
            page.locator(".desk").screenshot(path=ARTIFACTS / "sent-back-desk-1280.png")
        page.context.close()
    desk.context.close()


def test_an_editor_previews_the_piece_on_a_phone_in_a_390_pixel_frame(
    live_server, browser, piece, editor
):
    ARTIFACTS.mkdir(exist_ok=True)
    page = logged_in(browser, live_server, editor, f"/admin/articles/article/{piece.pk}/change/")
    page.locator("a", has_text="Preview on a phone").click()
    frame_element = page.locator("iframe.phone-preview__frame")
    expect(frame_element).to_be_visible()
    # The frame's viewport is a phone's: 390 CSS pixels.
    assert frame_element.evaluate("frame => frame.clientWidth") == PHONE_WIDTH
    inside = page.frame_locator("iframe.phone-preview__frame")
    expect(inside.locator("h1")).to_have_text("What the inspectors found at the plant")
    expect(inside.locator(".preview-banner")).to_contain_text("Preview — not published")
    frame = next(f for f in page.frames if "frame=inside" in f.url)
    assert frame.evaluate("window.innerWidth") == PHONE_WIDTH
    # Nothing wider than the phone inside: no sideways scrolling.
    scroll, client = frame.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll <= client, f"the piece is {scroll}px wide in a {client}px frame"
    expect(page.locator(".preview-switch a[aria-current=page]")).to_have_text("Phone")
    page.screenshot(path=ARTIFACTS / "phone-preview-1280.png", full_page=True)

    # Desktop: the preview on its own page; and back to the phone from there.
    page.locator(".preview-switch a", has_text="Desktop").click()
    expect(page.locator("h1")).to_have_text("What the inspectors found at the plant")
    expect(page.locator(".preview-switch a[aria-current=page]")).to_have_text("Desktop")
    page.locator(".preview-switch a", has_text="Phone").click()
    expect(page.frame_locator("iframe.phone-preview__frame").locator("h1")).to_be_visible()

    # An editor on a phone: the framing page itself does not scroll sideways.
    phone = logged_in(
        browser,
        live_server,
        editor,
        f"/admin/articles/article/{piece.pk}/preview/?frame=phone",
        width=PHONE_WIDTH,
    )
    expect(phone.frame_locator("iframe.phone-preview__frame").locator("h1")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"the page is {width}px wide"
    phone.locator(".phone-preview__device").scroll_into_view_if_needed()
    phone.wait_for_timeout(300)  # the frame painted before the picture is taken
    phone.screenshot(path=ARTIFACTS / "phone-preview-390.png", full_page=True)
    phone.context.close()
    page.context.close()
