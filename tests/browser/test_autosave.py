"""Autosave, the unsaved-changes warning and presence on the article form, in Chromium."""

import pytest
from playwright.sync_api import expect

from articles.models import ArticleWorkingCopy
from tests.browser.conftest import ARTIFACTS, open_change_form

pytestmark = pytest.mark.django_db(transaction=True)


def autosaved(page):
    return page.expect_response(
        lambda response: response.url.endswith("/autosave/"), timeout=15_000
    )


def type_into_the_form(page):
    page.fill("#id_headline", "The quiet channel, reopened")
    page.locator(".ProseMirror[contenteditable]").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" A sentence typed and not saved.")


def test_autosave_then_reopening_offers_restore_and_restore_fills_the_form(
    live_server, contexts, piece, editors
):
    page = open_change_form(contexts, live_server, editors[0], piece)
    with autosaved(page) as answer:
        type_into_the_form(page)
    assert answer.value.status == 204
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()

    offer = page.locator(".working-copy-offer")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("Restore unsaved changes from")
    # The piece itself is untouched until the editor saves.
    expect(page.locator("#id_headline")).to_have_value("The quiet channel")
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=ARTIFACTS / f"autosave-restore-offer-{width}.png")

    offer.get_by_role("button", name="Restore").click()
    expect(offer).to_be_hidden()
    expect(page.locator("#id_headline")).to_have_value("The quiet channel, reopened")
    expect(page.locator(".ProseMirror[contenteditable]")).to_contain_text(
        "A sentence typed and not saved."
    )
    assert "A sentence typed and not saved." in page.locator("textarea[name=body]").input_value()

    # Saving the restored text keeps it and clears the working copy.
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    piece.refresh_from_db()
    assert piece.headline == "The quiet channel, reopened"
    assert "A sentence typed and not saved." in piece.body
    assert not ArticleWorkingCopy.objects.exists()
    expect(page.locator(".working-copy-offer")).to_have_count(0)


def test_leaving_with_unsaved_changes_asks_first_but_not_after_saving(
    live_server, contexts, piece, editors
):
    page = open_change_form(contexts, live_server, editors[0], piece)
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.fill("#id_dek", "A standfirst not yet saved.")
    page.locator("a.historylink").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    expect(page.locator("#id_dek")).to_have_value("A standfirst not yet saved.")

    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.locator("a.historylink").click()
    expect(page).to_have_url(f"{live_server.url}/admin/articles/article/{piece.pk}/history/")
    assert asked == ["beforeunload"]


def test_a_second_editor_is_told_who_has_the_piece_open(live_server, contexts, piece, editors):
    ana_editor, bela_editor = editors
    ana = open_change_form(contexts, live_server, ana_editor, piece)
    ana.clock.install()  # Ana's page runs on a clock the test moves
    ana.reload()
    bela = open_change_form(contexts, live_server, bela_editor, piece)

    notice = bela.locator(".desk-presence")
    expect(notice).to_contain_text("Ana Kovács has had this piece open since")
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        bela.set_viewport_size({"width": width, "height": 900})
        bela.screenshot(path=ARTIFACTS / f"presence-notice-{width}.png")

    # Ana's page pings on: after ~20 s she too is told that Bela is in.
    expect(ana.locator(".desk-presence")).not_to_contain_text("Bela")
    ana.clock.run_for(21_000)
    expect(ana.locator(".desk-presence")).to_contain_text(
        "Bela Kovács has had this piece open since"
    )


def test_a_new_piece_warns_before_leaving_and_autosaves_once_saved(live_server, contexts, editors):
    from tests.browser.conftest import PASSWORD

    context = contexts()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    page.fill("input[name=username]", editors[0].email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#id_headline")).to_be_visible()
    posted = []
    page.on(
        "request", lambda request: posted.append(request.url) if request.method == "POST" else None
    )
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.fill("#id_headline", "A new piece on the grain corridor")
    page.locator(".ProseMirror[contenteditable]").click()
    page.keyboard.type("The first paragraph, typed and not yet saved.")
    # Nothing is saved behind the writer's back: a new piece has no working copy yet.
    page.wait_for_timeout(6_000)
    assert not [url for url in posted if "/autosave/" in url]
    page.locator("#site-name a").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    expect(page.locator("#id_headline")).to_have_value("A new piece on the grain corridor")

    # Saved once, it goes on in its change form, which autosaves.
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    with autosaved(page) as answer_:
        page.fill("#id_headline", "A new piece on the grain corridor, second draft")
    assert answer_.value.status == 204
    copy = ArticleWorkingCopy.objects.get()
    assert copy.headline == "A new piece on the grain corridor, second draft"
