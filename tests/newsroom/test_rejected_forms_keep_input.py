"""A form rejected for any reason keeps what was typed and says why (issue 9)."""

import pytest
from django.utils.html import escape

from articles import conflicts
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, MemberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

TYPED = 'A long remark with <markup> & "quotes", typed with care.\nSecond line.'


@pytest.fixture
def subscriber(client):
    member = MemberFactory(email="typist@test.example", display_name="Typist")
    SubscriptionFactory(member=member)
    client.force_login(member)
    return member


def test_a_comment_too_long_is_refused_with_the_reason_and_the_text_kept(client, subscriber):
    article = ArticleFactory()
    typed = TYPED + " more" * 1_000

    response = client.post(f"/comments/articles/{article.slug}/", {"body": typed}, follow=True)

    assert response.redirect_chain[-1][1] == 303  # to the form on the article page
    assert "A comment can be at most 5,000 characters long" in response.text
    assert escape(typed) in response.text
    assert not article.comments.exists()


def test_a_comment_on_a_closed_discussion_is_refused_with_the_text_kept(client, subscriber):
    article = ArticleFactory(comments_open=False)

    response = client.post(f"/comments/articles/{article.slug}/", {"body": TYPED}, follow=True)

    assert response.redirect_chain[-1][1] == 303
    assert "closed" in response.text.lower()
    assert escape(TYPED) in response.text


def test_a_comment_with_a_nul_character_is_refused_with_a_message(client, subscriber):
    article = ArticleFactory()

    response = client.post(
        f"/comments/articles/{article.slug}/", {"body": "Fine\x00text"}, follow=True
    )

    assert response.redirect_chain[-1][1] == 303
    assert "Null characters are not allowed." in response.text
    assert not article.comments.exists()


def test_sign_up_refused_keeps_the_address_and_the_display_name(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new.reader@test.example",
            "password1": "a long enough password 1",
            "password2": "a different password 2",
            "display_name": 'Ana "<b>" Novak',
        },
    )

    assert response.status_code == 200
    assert "You must type the same password each time." in response.text
    assert 'value="new.reader@test.example"' in response.text
    assert escape('Ana "<b>" Novak') in response.text


def test_sign_up_with_a_display_name_too_long_says_so(client):
    name = "N" * 61
    response = client.post(
        "/accounts/signup/",
        {
            "email": "long.name@test.example",
            "password1": "a long enough password 1",
            "password2": "a long enough password 1",
            "display_name": name,
        },
    )

    assert response.status_code == 200
    assert "Ensure this value has at most 60 characters (it has 61)." in response.text
    assert f'value="{name}"' in response.text


def test_log_in_refused_keeps_the_address_and_says_why(client):
    MemberFactory(email="known@test.example")

    response = client.post(
        "/accounts/login/", {"login": "known@test.example", "password": "not the password"}
    )

    assert response.status_code == 200
    assert "not correct" in response.text
    assert 'value="known@test.example"' in response.text


def test_profile_refused_keeps_the_display_name_typed(client, subscriber):
    typed = '<i>"' + "x" * 70

    response = client.post("/accounts/profile/", {"display_name": typed})

    assert response.status_code == 200
    assert "Ensure this value has at most 60 characters" in response.text
    assert escape(typed) in response.text
    subscriber.refresh_from_db()
    assert subscriber.display_name == "Typist"


def test_a_rejected_article_change_keeps_the_typed_body(client, editor):
    article = ArticleFactory(headline="Before the edit")
    client.force_login(editor)
    body = "<p>A newly typed paragraph that must not be lost.</p>"
    data = article_form(article, headline="", body=body)
    data["based_on_version"] = conflicts.current_version(article)

    response = client.post(change_url(article), data)

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert escape(body) in response.text or body in response.text
    article.refresh_from_db()
    assert article.headline == "Before the edit"
    assert "newly typed" not in article.body


def test_a_rejected_new_article_keeps_everything_typed(client, editor):
    client.force_login(editor)
    data = article_form(
        ArticleFactory.build(headline="", slug="", section=None),
        headline="H" * 201,
        dek="A standfirst typed in full.",
        body="<p>A body typed in full.</p>",
    )

    response = client.post("/admin/articles/article/add/", data)

    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters (it has 201)." in response.text
    assert "H" * 201 in response.text
    assert "A standfirst typed in full." in response.text
    assert "A body typed in full." in response.text
