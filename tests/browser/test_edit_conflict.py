"""Two editors open the same piece in Chromium; the one who saves second is told, sees
both versions, and saves again on purpose."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import ARTIFACTS
from tests.factories import ArticleFactory, StaffFactory

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
BODY = (
    "<h2>Back channels</h2><p>The channel ran through Vienna for a decade.</p>"
    "<p>Nobody in Bratislava spoke of it in public.</p>"
)


@pytest.fixture
def piece(db):
    return ArticleFactory(
        headline="The quiet channel",
        dek="How two capitals talk.",
        body=BODY,
        status=Article.Status.DRAFT,
        publish_at=None,
    )


@pytest.fixture
def editors(db):
    return [
        StaffFactory(
            email=f"{name.lower()}@test.example",
            display_name=f"{name} Kovács",
            password=PASSWORD,
            # Superusers: the transactional test database has no groups (data migrations
            # are flushed). Writers and editors meet the same rule in test_edit_conflicts.py.
            is_superuser=True,
        )
        for name in ("Ana", "Bela")
    ]


@pytest.fixture
def contexts(browser):
    """Browser windows of their own (one per editor), closed before the server stops."""
    opened = []

    def new_context():
        opened.append(browser.new_context(viewport={"width": 1280, "height": 900}))
        return opened[-1]

    yield new_context
    for context in opened:
        context.close()


def open_change_form(new_context, live_server, editor, article):
    context = new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/{article.pk}/change/")
    page.fill("input[name=username]", editor.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#id_headline")).to_have_value(article.headline)
    return page


def test_the_second_editor_to_save_sees_both_versions_and_saves_again(
    live_server, contexts, piece, editors
):
    ana_editor, bela_editor = editors
    ana = open_change_form(contexts, live_server, ana_editor, piece)
    bela = open_change_form(contexts, live_server, bela_editor, piece)

    ana.fill("#id_headline", "A channel nobody named")
    ana.fill("#id_dek", "Ana's standfirst.")
    ana.locator("input[name=_save]").click()
    expect(ana.locator(".messagelist")).to_contain_text("was changed successfully")

    bela.fill("#id_headline", "The quiet channel, revisited")
    bela.locator(".ProseMirror[contenteditable=true] p", has_text="for a decade").click()
    bela.keyboard.press("End")
    bela.keyboard.type(" It still runs.")
    bela.locator("input[name=_save]").click()

    expect(bela.locator(".errornote")).to_be_visible()
    expect(bela.locator(".errorlist.nonfield")).to_contain_text(
        re.compile(r"Not saved: Ana Kovács saved this article at .+, after you opened it\.")
    )
    panel = bela.locator(".edit-conflict")
    expect(panel).to_contain_text("Saved by Ana Kovács")
    expect(panel.locator("tr", has_text="Headline")).to_contain_text("The quiet channel, revisited")
    expect(panel.locator("tr", has_text="Headline")).to_contain_text("A channel nobody named")
    expect(panel.locator("tr", has_text="Standfirst")).to_contain_text("Ana's standfirst.")
    expect(panel.locator("ins", has_text="It still runs.")).to_be_visible()
    # Nothing Bela typed is lost.
    expect(bela.locator("#id_headline")).to_have_value("The quiet channel, revisited")
    expect(bela.locator(".ProseMirror[contenteditable=true]")).to_contain_text("It still runs.")
    ARTIFACTS.mkdir(exist_ok=True)
    bela.screenshot(path=ARTIFACTS / "edit-conflict-1280.png")
    panel.screenshot(path=ARTIFACTS / "edit-conflict-panel.png")

    # Bela keeps Ana's standfirst and saves on purpose.
    bela.fill("#id_dek", "Ana's standfirst.")
    bela.locator("input[name=_save]").click()
    expect(bela.locator(".messagelist")).to_contain_text("was changed successfully")
    piece.refresh_from_db()
    assert piece.headline == "The quiet channel, revisited"
    assert piece.dek == "Ana's standfirst."
    assert "It still runs." in piece.body
