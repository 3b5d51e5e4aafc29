"""Sending a piece back: an editor returns a piece in review to its writer as a draft with a
note, which the writer finds on the piece, on their desk and in the e-mail; it stays until
they submit the piece again, and every note is kept."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles import publishing
from articles.models import Article, ReturnNote
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

DRAFT, IN_REVIEW = Article.Status.DRAFT, Article.Status.IN_REVIEW
NOTE = "Sent back: tighten the second half, cite the IAEA report."


@pytest.fixture
def piece(writer):
    return ArticleFactory(
        headline="The quiet channel",
        status=IN_REVIEW,
        publish_at=None,
        created_by=writer,
        bylines=[AuthorFactory(user=writer, byline="Wanda Writer")],
    )


def send_back_url(article):
    return reverse("admin:articles_article_send_back", args=[article.pk])


def test_an_editor_sends_a_piece_back_and_the_writer_finds_the_note_on_it(
    client, piece, writer, editor, settings, clock, django_capture_on_commit_callbacks
):
    settings.TIME_ZONE = "Europe/Budapest"
    clock.set(datetime.datetime(2026, 12, 5, 13, 5, tzinfo=datetime.UTC))
    client.force_login(editor)
    form_page = client.get(change_url(piece)).text
    assert f'action="{send_back_url(piece)}"' in form_page
    assert "Send back to the writer" in form_page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_back_url(piece), {"note": NOTE}, follow=True)

    assert "is back with its writer as a draft" in response.text
    piece.refresh_from_db()
    assert piece.status == DRAFT
    # The writer is told, with the note.
    assert [message.to for message in mail.outbox] == [["writer@test.example"]]
    assert mail.outbox[0].subject == "Back to draft: “The quiet channel”"
    assert NOTE in mail.outbox[0].body
    # On the piece's form: who sent it back, when, and what they wrote.
    client.force_login(writer)
    page = client.get(change_url(piece)).text
    assert "return-note" in page
    assert f"Sent back to draft by {editor}" in page
    assert "5 December 2026, 14:05" in page
    assert "tighten the second half, cite the IAEA report." in page
    # The writer may edit it again, and cannot send anything back.
    assert 'name="body"' in page and send_back_url(piece) not in page


def test_the_note_is_shown_on_the_writers_desk(client, piece, writer, editor):
    publishing.send_back(piece, by=editor, note=NOTE)
    client.force_login(writer)
    desk = client.get("/admin/").text
    assert f"Sent back by {editor.display_name}: “Sent back: tighten the second half" in desk


def test_sending_back_needs_a_note(client, piece, editor):
    client.force_login(editor)
    response = client.post(send_back_url(piece), {"note": "   "})

    assert response.status_code == 200
    assert "Not sent back: write a note for the writer" in response.text
    piece.refresh_from_db()
    assert piece.status == IN_REVIEW
    assert not ReturnNote.objects.exists()
    with pytest.raises(publishing.NoteRequired):
        publishing.send_back(piece, by=editor, note="")


def test_a_refused_send_back_keeps_what_the_editor_typed(client, piece, editor):
    # Published meanwhile by someone else: the note is not lost, and nothing is sent back.
    publishing.publish(piece, by=editor)
    client.force_login(editor)
    response = client.post(send_back_url(piece), {"note": NOTE})

    assert response.status_code == 200
    assert "is no longer in review" in response.text
    assert "tighten the second half, cite the IAEA report.</textarea>" in response.text
    piece.refresh_from_db()
    assert piece.status == Article.Status.PUBLISHED
    assert not ReturnNote.objects.exists()


def test_a_writer_cannot_send_back(client, piece, writer, other_writer):
    for who in (writer, other_writer):
        client.force_login(who)
        assert client.post(send_back_url(piece), {"note": NOTE}).status_code == 403
        with pytest.raises(PermissionDenied):
            publishing.send_back(piece, by=who, note=NOTE)
    piece.refresh_from_db()
    assert piece.status == IN_REVIEW
    assert not ReturnNote.objects.exists()


def test_the_change_form_sends_back_only_with_a_note(client, piece, editor):
    client.force_login(editor)
    response = client.post(change_url(piece), article_form(piece, status=DRAFT, dek="Kept dek"))

    assert response.status_code == 200
    assert "Not sent back: write a note for the writer" in response.text
    assert "Kept dek" in response.text  # what was typed is still in the form
    piece.refresh_from_db()
    assert piece.status == IN_REVIEW

    response = client.post(
        change_url(piece), article_form(piece, status=DRAFT, send_back_note=NOTE), follow=True
    )

    assert "is back with its writer as a draft, with your note" in response.text
    piece.refresh_from_db()
    assert piece.status == DRAFT
    assert ReturnNote.objects.get().text == NOTE


def test_an_editor_returns_someone_elses_piece_only_by_sending_it_back(client, piece, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "withdraw_from_review", "_selected_action": [piece.pk]},
        follow=True,
    )
    assert "send a piece back from its page, with a note" in response.text
    piece.refresh_from_db()
    assert piece.status == IN_REVIEW


def test_resubmitting_clears_the_note_from_view_and_keeps_it(client, piece, writer, editor):
    publishing.send_back(piece, by=editor, note="First: cite the IAEA report.")
    publishing.submit_for_review(piece, by=writer)
    publishing.send_back(piece, by=editor, note="Second: the ending still drags.")
    client.force_login(writer)
    page = client.get(change_url(piece)).text
    # The newest standing note only.
    assert "Second: the ending still drags." in page
    assert "First: cite the IAEA report." not in page

    response = client.post(change_url(piece), article_form(piece, status=IN_REVIEW))
    assert response.status_code == 302

    page = client.get(change_url(piece)).text
    assert "return-note" not in page
    assert "the ending still drags" not in client.get("/admin/").text
    # Both kept, newest first, each marked as answered.
    notes = list(ReturnNote.objects.filter(article=piece))
    assert [note.text for note in notes] == [
        "Second: the ending still drags.",
        "First: cite the IAEA report.",
    ]
    assert all(note.cleared_at is not None for note in notes)
    assert all(note.author == editor for note in notes)
