"""Two editors open the same piece in Chromium; the one who saves second is told, sees
both versions, and saves again on purpose."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, open_change_form

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)


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
