"""The newsroom's roles in the admin: writers draft and submit, editors publish."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from reversion.models import Version

from articles.models import Article
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def writers_draft(writer):
    article = ArticleFactory(
        headline="Writer's draft", status=Article.Status.DRAFT, publish_at=None
    )
    article.created_by = writer
    article.save()
    return article


def test_writer_can_create_a_draft_that_carries_their_byline(client, writer):
    profile = AuthorFactory(byline="Wren Writer", user=writer)
    client.force_login(writer)
    article = ArticleFactory.build(
        headline="A new draft", status=Article.Status.DRAFT, section=SectionFactory(name="Europe")
    )
    response = client.post(reverse("admin:articles_article_add"), article_form(article, slug=""))
    assert response.status_code == 302
    created = Article.objects.get(headline="A new draft")
    assert created.status == Article.Status.DRAFT
    assert created.created_by == writer
    assert list(created.authors.all()) == [profile]


def test_writer_can_edit_and_submit_own_draft(client, writer, writers_draft):
    client.force_login(writer)
    response = client.post(
        change_url(writers_draft),
        article_form(writers_draft, headline="Sharper", status="in_review"),
    )
    assert response.status_code == 302
    writers_draft.refresh_from_db()
    assert (writers_draft.headline, writers_draft.status) == ("Sharper", "in_review")


def test_writer_cannot_publish_through_the_form(client, writer, writers_draft):
    client.force_login(writer)
    response = client.post(
        change_url(writers_draft), article_form(writers_draft, status="published")
    )
    assert response.status_code == 200  # the form comes back with an error
    assert "Select a valid choice" in response.text
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT


def test_writer_cannot_schedule_or_feature_through_a_crafted_post(client, writer, writers_draft):
    client.force_login(writer)
    client.post(
        change_url(writers_draft),
        article_form(writers_draft, publish_at_0="2030-01-01", publish_at_1="09:00", featured="on"),
    )
    writers_draft.refresh_from_db()
    assert writers_draft.publish_at is None
    assert writers_draft.featured is False


def test_writer_cannot_publish_through_the_action(client, writer, writers_draft):
    client.force_login(writer)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [writers_draft.pk]},
    )
    writers_draft.refresh_from_db()
    assert writers_draft.status == Article.Status.DRAFT


def test_writer_does_not_see_the_publish_action(client, writer, writers_draft):
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert "Submit selected drafts for review" in response.text
    assert "Publish selected articles now" not in response.text


def test_only_those_who_may_recover_deleted_pieces_are_offered_it(client, writer, editor):
    recover_list = reverse("admin:articles_article_recoverlist")
    client.force_login(writer)
    assert recover_list not in client.get(reverse("admin:articles_article_changelist")).text
    assert client.get(recover_list).status_code == 403
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_changelist")).text
    assert f'href="{recover_list}"' in page and "Recover deleted articles" in page
    assert client.get(recover_list).status_code == 200


def test_writer_cannot_edit_a_published_piece(client, writer):
    published = ArticleFactory(headline="Already out")
    published.created_by = writer
    published.save()
    client.force_login(writer)
    response = client.post(change_url(published), article_form(published, headline="Changed"))
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.headline == "Already out"


def test_writer_cannot_edit_a_piece_in_review(client, writer, writers_draft):
    writers_draft.status = Article.Status.IN_REVIEW
    writers_draft.save()
    client.force_login(writer)
    response = client.post(
        change_url(writers_draft), article_form(writers_draft, headline="Changed")
    )
    assert response.status_code == 403


def test_writer_sees_only_their_own_articles(client, writer, writers_draft):
    other = ArticleFactory(headline="Someone else's piece", status=Article.Status.DRAFT)
    client.force_login(writer)
    listing = client.get(reverse("admin:articles_article_changelist")).text
    assert "Writer&#x27;s draft" in listing or "Writer's draft" in listing
    assert "Someone else" not in listing
    assert client.get(change_url(other)).status_code == 302  # "does not exist" redirect


def test_writer_owns_a_piece_through_their_byline(client, writer):
    profile = AuthorFactory(user=writer)
    article = ArticleFactory(headline="Co-written draft", status=Article.Status.DRAFT)
    BylineFactory(article=article, author=profile)
    client.force_login(writer)
    assert client.get(change_url(article)).status_code == 200


def test_editor_publishes_through_the_action(client, editor, writers_draft):
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [writers_draft.pk]},
    )
    writers_draft.refresh_from_db()
    assert writers_draft.is_public()
    assert client.get(writers_draft.get_absolute_url()).status_code == 200


def test_editor_schedules_through_the_form(client, editor, writers_draft):
    client.force_login(editor)
    response = client.post(
        change_url(writers_draft),
        article_form(
            writers_draft, status="published", publish_at_0="2031-05-01", publish_at_1="08:00:00"
        ),
    )
    assert response.status_code == 302
    writers_draft.refresh_from_db()
    assert writers_draft.is_scheduled
    assert client.get(writers_draft.get_absolute_url()).status_code == 404


def test_moderator_has_no_article_desk(client, moderator):
    client.force_login(moderator)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403


# --- Preview -----------------------------------------------------------------------------


def preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def test_writer_previews_own_draft_exactly_as_it_will_look(client, writer, writers_draft):
    client.force_login(writer)
    response = client.get(preview_url(writers_draft))
    assert response.status_code == 200
    assert "Writer" in response.text and "<h1" in response.text
    assert "Preview" in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_preview_checks_permission_on_every_request(client, writer, other_writer, writers_draft):
    client.force_login(other_writer)
    assert client.get(preview_url(writers_draft)).status_code == 403


def test_anonymous_visitor_cannot_preview(client, writers_draft):
    response = client.get(preview_url(writers_draft))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- Revisions -----------------------------------------------------------------------------


def edit_as(client, article, **changes):
    response = client.post(change_url(article), article_form(article, **changes))
    assert response.status_code == 302, response.content[:2000]
    article.refresh_from_db()


def test_editor_sees_history_and_reverts(client, editor):
    article = ArticleFactory(headline="Original headline")
    client.force_login(editor)
    edit_as(client, article, headline="Original headline")
    edit_as(client, article, headline="Edited headline")
    versions = Version.objects.get_for_object(article)
    assert len(versions) == 2
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    first = versions.last()
    revert_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    response = client.post(revert_url, article_form(article, headline="Original headline"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Original headline"


def test_a_writers_revert_restores_the_content_and_keeps_the_editors_fields(
    client, editor, writer, writers_draft
):
    client.force_login(editor)
    edit_as(
        client,
        writers_draft,
        headline="Scheduled wording",
        publish_at_0="2030-01-01",
        publish_at_1="09:00",
        featured="on",
        comments_open="",
    )
    old = Version.objects.get_for_object(writers_draft).first()
    edit_as(client, writers_draft, headline="Current wording")
    client.force_login(writer)

    url = reverse("admin:articles_article_revision", args=[writers_draft.pk, old.pk])
    form = article_form(writers_draft, headline="Scheduled wording")
    for editor_only in ["publish_at_0", "publish_at_1", "comments_open"]:
        del form[editor_only]
    response = client.post(url, form)

    assert response.status_code == 302
    writers_draft.refresh_from_db()
    assert writers_draft.headline == "Scheduled wording"
    assert writers_draft.publish_at is None
    assert writers_draft.featured is False
    assert writers_draft.comments_open is True


def test_writer_cannot_revert_a_published_piece_to_an_old_draft(client, editor, writer):
    article = ArticleFactory(headline="Draft wording", status=Article.Status.DRAFT)
    article.created_by = writer
    article.save()
    client.force_login(editor)
    edit_as(client, article, headline="Draft wording")
    edit_as(client, article, headline="Published wording", status="published")
    old = Version.objects.get_for_object(article).last()
    client.force_login(writer)
    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, article_form(article, headline="Draft wording", status="draft"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Published wording", "published")


def test_writer_index_lists_only_what_they_may_change(client, writer):
    client.force_login(writer)
    index = client.get("/admin/").text
    assert "/admin/articles/article/" in index
    for hidden in [
        "/admin/actors/actor/",
        "/admin/sources/source/",
        "/admin/taggit/tag/",
        "/admin/articles/section/",
        "/admin/members/member/",
    ]:
        assert hidden not in index


def test_writer_can_still_look_up_actors_while_writing(client, writer):
    from tests.factories import ActorFactory

    ActorFactory(name="Robert Fico")
    client.force_login(writer)
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "Fico",
            "app_label": "articles",
            "model_name": "articleactor",
            "field_name": "actor",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Robert Fico"]


def test_editor_index_lists_the_whole_content_desk(client, editor):
    client.force_login(editor)
    index = client.get("/admin/").text
    for listed in [
        "/admin/articles/article/",
        "/admin/actors/actor/",
        "/admin/sources/source/",
        "/admin/taggit/tag/",
        "/admin/articles/section/",
    ]:
        assert listed in index


def test_change_form_offers_a_preview_of_an_unpublished_piece(client, writer, writers_draft):
    client.force_login(writer)
    response = client.get(change_url(writers_draft))
    assert preview_url(writers_draft) in response.text


def test_a_writer_reads_their_submitted_piece_as_text_and_withdraws_it(client, writer):
    article = ArticleFactory(
        status="in_review",
        publish_at=None,
        body="<h2>What happened</h2><p>The talks <strong>resumed</strong>.</p>",
        bylines=[AuthorFactory(user=writer)],
    )
    client.force_login(writer)
    page = client.get(change_url(article)).text
    assert "<h2>What happened</h2><p>The talks <strong>resumed</strong>.</p>" in page
    assert "&lt;h2&gt;" not in page
    withdraw = reverse("admin:articles_article_withdraw", args=[article.pk])
    assert f'action="{withdraw}"' in page
    assert client.get(withdraw).status_code == 405
    response = client.post(withdraw, follow=True)
    assert "is a draft again" in response.text
    article.refresh_from_db()
    assert article.status == "draft"
    # A draft again, the form is theirs to edit, and there is nothing to withdraw.
    page = client.get(change_url(article)).text
    assert 'name="body"' in page and withdraw not in page


def test_no_one_withdraws_a_piece_that_is_not_theirs_or_not_in_review(client, writer, editor):
    others = ArticleFactory(status="in_review", publish_at=None)
    published = ArticleFactory(bylines=[AuthorFactory(user=writer)])
    client.force_login(writer)
    for article in (others, published):
        client.post(reverse("admin:articles_article_withdraw", args=[article.pk]))
    others.refresh_from_db()
    published.refresh_from_db()
    assert (others.status, published.status) == ("in_review", "published")
    # An editor returns someone else's piece only by sending it back with a note
    # (tests/articles/test_send_back.py): withdrawing is the writer's own act.
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "withdraw_from_review", "_selected_action": [others.pk]},
    )
    others.refresh_from_db()
    assert others.status == "in_review"


def test_the_preview_is_offered_on_a_phone_in_a_frame_of_our_own(client, writer, writers_draft):
    client.force_login(writer)
    preview = preview_url(writers_draft)
    assert f'href="{preview}?frame=phone"' in client.get(change_url(writers_draft)).text

    framing = client.get(f"{preview}?frame=phone")

    assert framing.status_code == 200
    page = framing.text
    assert f'<iframe class="phone-preview__frame" src="{preview}?frame=inside" width="390"' in page
    # The switch: Phone (here) and Desktop, plain links that work without JavaScript.
    assert f'<a href="{preview}?frame=phone" target="_top" aria-current="page">Phone</a>' in page
    assert f'<a href="{preview}" target="_top">Desktop</a>' in page
    assert "<script>" not in page

    # What the frame shows: the preview itself, which our own pages, and only those, may frame.
    inside = client.get(f"{preview}?frame=inside")
    assert inside.status_code == 200
    assert f'<h1 class="article__headline">{escape(writers_draft.headline)}</h1>' in inside.text
    assert inside["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(inside)["frame-ancestors"] == "'self'"
    # The switch is the framing page's: the phone shows the piece alone.
    assert "preview-switch" not in inside.text
    desktop = client.get(preview)
    assert f'<a href="{preview}" target="_top" aria-current="page">Desktop</a>' in desktop.text


def test_other_admin_pages_and_shared_links_still_refuse_every_frame(client, editor, settings):
    from articles import previews

    article = ArticleFactory(status="draft", publish_at=None)
    client.force_login(editor)
    framing = client.get(f"{preview_url(article)}?frame=phone")
    for response in (client.get(change_url(article)), client.get("/admin/"), framing):
        assert response["X-Frame-Options"] == "DENY"
        assert directives(response)["frame-ancestors"] == "'none'"
    client.logout()
    shared = client.get(previews.share(article, by=editor))
    assert shared.status_code == 200
    assert shared["X-Frame-Options"] == "DENY"
    # Someone outside the newsroom gets no way to the newsroom's preview.
    assert "preview-switch" not in shared.text


def directives(response) -> dict[str, str]:
    """The response's Content-Security-Policy, directive by directive."""
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
