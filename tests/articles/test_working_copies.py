"""Autosave and presence on the article change form: the endpoints its script posts to."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticlePresence, ArticleWorkingCopy
from articles.working_copies import LIMITS
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

TYPED = {
    "headline": "A sharper headline",
    "dek": "Typed, not saved.",
    "body": "<p>Half a thought</p>",
}


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


@pytest.fixture
def writers_draft(writer):
    article = ArticleFactory(
        headline="Writer's draft", status=Article.Status.DRAFT, publish_at=None
    )
    article.created_by = writer
    article.save()
    return article


def test_autosave_keeps_a_working_copy_and_leaves_the_piece_alone(client, writer, writers_draft):
    client.force_login(writer)
    assert client.post(autosave_url(writers_draft), TYPED).status_code == 204
    copy = ArticleWorkingCopy.objects.get(article=writers_draft, user=writer)
    assert (copy.headline, copy.dek, copy.body) == tuple(TYPED.values())
    writers_draft.refresh_from_db()
    assert writers_draft.headline == "Writer's draft"
    assert not Version.objects.get_for_object(writers_draft).filter(
        serialized_data__contains="A sharper headline"
    )


def test_autosave_is_post_only(client, writer, writers_draft):
    client.force_login(writer)
    assert client.get(autosave_url(writers_draft)).status_code == 405


def test_a_writer_cannot_autosave_into_someone_elses_piece(client, other_writer, writers_draft):
    client.force_login(other_writer)
    assert client.post(autosave_url(writers_draft), TYPED).status_code == 404
    assert not ArticleWorkingCopy.objects.exists()


def test_a_writer_cannot_autosave_a_piece_in_review(client, writer, writers_draft):
    writers_draft.status = Article.Status.IN_REVIEW
    writers_draft.save()
    client.force_login(writer)
    assert client.post(autosave_url(writers_draft), TYPED).status_code == 403
    assert not ArticleWorkingCopy.objects.exists()


def test_autosave_refuses_oversized_fields(client, writer, writers_draft):
    client.force_login(writer)
    response = client.post(autosave_url(writers_draft), {"body": "x" * (LIMITS["body"] + 1)})
    assert response.status_code == 413
    assert not ArticleWorkingCopy.objects.exists()


def test_the_working_copy_is_not_on_the_public_page(client, editor):
    article = ArticleFactory(headline="Live headline", status=Article.Status.PUBLISHED)
    client.force_login(editor)
    client.post(autosave_url(article), TYPED)
    client.logout()
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Live headline" in page.text
    assert "A sharper headline" not in page.text and "Half a thought" not in page.text


def test_reopening_offers_the_copy_sanitised(client, writer, writers_draft):
    client.force_login(writer)
    client.post(autosave_url(writers_draft), {**TYPED, "body": "<p>Kept</p><script>x()</script>"})
    page = client.get(change_url(writers_draft))
    assert "Restore unsaved changes from" in page.text
    assert "<p>Kept</p>" in page.context["working_copy"].body
    assert "script" not in page.context["working_copy"].body


def test_no_offer_when_the_piece_was_saved_after_the_copy(client, writer, writers_draft):
    client.force_login(writer)
    client.post(autosave_url(writers_draft), TYPED)
    ArticleWorkingCopy.objects.update(saved_at=timezone.now() - timedelta(hours=1))
    assert "Restore unsaved changes" not in client.get(change_url(writers_draft)).text


def test_discard_deletes_the_copy(client, writer, writers_draft):
    client.force_login(writer)
    client.post(autosave_url(writers_draft), TYPED)
    discard = reverse("admin:articles_article_autosave_discard", args=[writers_draft.pk])
    assert client.post(discard).status_code == 204
    assert not ArticleWorkingCopy.objects.exists()


def test_saving_the_piece_deletes_the_editors_copy_only(client, writer, editor, writers_draft):
    client.force_login(editor)
    client.post(autosave_url(writers_draft), TYPED)
    client.force_login(writer)
    client.post(autosave_url(writers_draft), TYPED)
    response = client.post(change_url(writers_draft), article_form(writers_draft, headline="Saved"))
    assert response.status_code == 302
    assert list(ArticleWorkingCopy.objects.values_list("user", flat=True)) == [editor.pk]


def test_presence_names_who_else_has_the_piece_open(client, editor, writers_draft):
    nadia = StaffFactory(email="nadia@test.example", display_name="Nadia Koval", group="Editors")
    client.force_login(nadia)
    client.get(change_url(writers_draft))
    client.force_login(editor)
    page = client.get(change_url(writers_draft))
    assert "Nadia Koval has had this piece open since" in page.text
    ping = client.post(reverse("admin:articles_article_presence", args=[writers_draft.pk]))
    assert ping.json()["others"][0].startswith("Nadia Koval has had this piece open since")


def test_presence_expires_without_a_ping(client, editor, writers_draft):
    nadia = StaffFactory(email="nadia@test.example", display_name="Nadia Koval", group="Editors")
    client.force_login(nadia)
    client.get(change_url(writers_draft))
    ArticlePresence.objects.update(seen_at=timezone.now() - timedelta(seconds=61))
    client.force_login(editor)
    assert "Nadia Koval" not in client.get(change_url(writers_draft)).text


def test_a_piece_its_writer_may_only_read_has_no_autosave(client, writer, writers_draft):
    writers_draft.status = Article.Status.IN_REVIEW
    writers_draft.save()
    client.force_login(writer)
    page = client.get(change_url(writers_draft))
    assert page.status_code == 200
    assert "data-autosave-url" not in page.text
