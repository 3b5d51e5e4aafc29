"""Who a piece is for is the editors' choice, made in the article's form (Article.access)."""

import pytest

from articles.models import Article
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_new_piece_is_for_everyone():
    assert ArticleFactory().access == Article.Access.PUBLIC


def test_the_choices_say_whom_each_level_is_for():
    assert Article.Access.choices == [
        ("public", "Everyone"),
        ("members", "Members (free sign-up)"),
        ("subscribers", "Subscribers"),
    ]


def test_an_editor_makes_a_piece_subscriber_only_with_the_rule_spelled_out(client, editor):
    article = ArticleFactory(headline="A piece for subscribers")
    client.force_login(editor)
    form = client.get(change_url(article)).text
    assert 'name="access"' in form
    assert "free members read a few such pieces a month" in form

    response = client.post(change_url(article), article_form(article, access="subscribers"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.access == "subscribers"


def test_an_unknown_level_is_refused_and_the_form_keeps_what_was_typed(client, editor):
    article = ArticleFactory(headline="Kept headline")
    client.force_login(editor)
    response = client.post(
        change_url(article), article_form(article, access="friends", headline="Typed headline")
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert "Typed headline" in response.text
    article.refresh_from_db()
    assert article.access == "public"


def test_a_writer_sees_the_level_but_cannot_change_it(client, writer):
    draft = ArticleFactory(headline="Writer's draft", status=Article.Status.DRAFT, publish_at=None)
    draft.created_by = writer
    draft.save()
    client.force_login(writer)
    form = client.get(change_url(draft)).text
    assert 'name="access"' not in form and "Everyone" in form

    client.post(change_url(draft), article_form(draft, access="subscribers"))

    draft.refresh_from_db()
    assert draft.access == "public"


def test_editors_filter_the_desk_by_level(client, editor):
    ArticleFactory(headline="Open piece")
    ArticleFactory(headline="Gated piece", access="members")
    client.force_login(editor)
    text = client.get("/admin/articles/article/?access__exact=members").text
    assert "Gated piece" in text and "Open piece" not in text
