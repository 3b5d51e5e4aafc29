"""Every change of a piece's publication state goes through ``articles.publishing``: the
change form, the list actions and code meet the same permission check, the same edit turn,
the same publish checks and overrides, and are told in the same words what happened."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import conflicts, publishing, workflow
from articles.models import Article, PublishOverride
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
OPENING = "<h2>Opening</h2>" + "".join(
    f"<p>Paragraph {n} of the opening, long enough to count as a real paragraph.</p>"
    for n in range(1, 4)
)
FAULTY_BODY = OPENING + OPENING + "<p>The rest of the piece, said once.</p>"


def publish_through_the_action(client, *articles, **extra):
    return client.post(
        CHANGELIST,
        {"action": "publish_now", "_selected_action": [a.pk for a in articles], **extra},
        follow=True,
    )


def test_the_publish_action_names_the_local_time_a_scheduled_piece_goes_out(
    client, editor, settings
):
    settings.TIME_ZONE = "Europe/Budapest"
    at = datetime.datetime(2099, 5, 14, 7, 0, tzinfo=datetime.UTC)
    piece = ArticleFactory(headline="The next summit", status="draft", publish_at=at)
    client.force_login(editor)

    response = publish_through_the_action(client, piece)

    assert "Scheduled for 14 May 2099, 09:00: “The next summit”." in response.text
    assert "published." not in response.text
    piece.refresh_from_db()
    assert piece.is_scheduled


def test_the_publish_action_says_a_piece_went_out_now(client, editor):
    piece = ArticleFactory(headline="Out today", status="draft", publish_at=None)
    client.force_login(editor)

    response = publish_through_the_action(client, piece)

    assert "Published now: “Out today”." in response.text
    piece.refresh_from_db()
    assert piece.is_public()


def test_the_publish_action_says_a_live_piece_was_already_published(client, editor):
    piece = ArticleFactory(headline="Out yesterday")
    client.force_login(editor)

    response = publish_through_the_action(client, piece)

    assert "Already published: “Out yesterday”." in response.text


def test_the_publish_action_says_how_many_blocking_findings_held_a_piece_back(client, editor):
    piece = ArticleFactory(headline="A slip", body=FAULTY_BODY, status="draft", publish_at=None)
    client.force_login(editor)

    response = publish_through_the_action(client, piece)

    assert "Not published: 1 blocking finding in “A slip”." in response.text
    piece.refresh_from_db()
    assert piece.status == Article.Status.DRAFT


def test_the_form_and_the_action_record_and_report_an_override_the_same_way(client, editor):
    by_form, by_action = (
        ArticleFactory(headline=headline, body=FAULTY_BODY, status="draft", publish_at=None)
        for headline in ("By the form", "By the action")
    )
    reason = "A deliberate refrain."
    client.force_login(editor)

    through_form = client.post(
        change_url(by_form),
        article_form(by_form, status="published", publish_override_reason=reason),
        follow=True,
    )
    through_action = publish_through_the_action(
        client, by_action, publish_override="Publish anyway", publish_override_reason=reason
    )

    said = "Published now despite repeated_blocks; your reason is recorded."
    assert said in through_form.text
    assert said in through_action.text

    def recorded(article):
        override = PublishOverride.objects.get(article=article)
        codes = [finding["code"] for finding in override.findings]
        return override.user, override.reason, override.codes, codes

    assert (
        recorded(by_form)
        == recorded(by_action)
        == (
            editor,
            reason,
            ["repeated_blocks"],
            ["repeated_blocks"],
        )
    )


def test_a_writer_cannot_unpublish_by_calling_the_service(writer):
    piece = ArticleFactory(created_by=writer)

    with pytest.raises(PermissionDenied):
        publishing.unpublish(piece, by=writer)

    piece.refresh_from_db()
    assert piece.is_public()


def test_a_piece_published_just_before_a_writer_submits_it_is_not_pulled_back_to_review(
    client, editor, writer, monkeypatch
):
    piece = ArticleFactory(created_by=writer, status="draft", publish_at=None)
    real_take_turn = conflicts.take_turn

    def published_by_the_editor_a_moment_before(article, *, by):
        # The editor's publish commits while the writer's action waits for its turn.
        if by == writer:
            publishing.publish(Article.objects.get(pk=article.pk), by=editor)
        real_take_turn(article, by=by)

    monkeypatch.setattr(conflicts, "take_turn", published_by_the_editor_a_moment_before)
    client.force_login(writer)

    response = client.post(
        CHANGELIST, {"action": "submit_for_review", "_selected_action": [piece.pk]}, follow=True
    )

    assert "0 article(s) submitted for review." in response.text
    piece.refresh_from_db()
    # The stand-in for the editor's publish ran inside the writer's refused transaction and
    # went back with it; what matters is that the piece never went to review.
    assert piece.status != Article.Status.IN_REVIEW


def test_the_workflow_only_decides_and_offers_no_way_round_the_service():
    for setter in ("publish", "unpublish", "submit_for_review"):
        assert not hasattr(workflow, setter), f"workflow.{setter} changes state unchecked"


def test_an_editor_schedules_through_the_service_and_is_told_when(editor, settings):
    settings.TIME_ZONE = "Europe/Budapest"
    piece = ArticleFactory(status="draft", publish_at=None)
    at = timezone.now().replace(year=2099, month=1, day=2, hour=11, minute=30)

    outcome = publishing.publish(piece, by=editor, at=at)

    assert outcome.summary == "Scheduled for 2 January 2099, 12:30"
    piece.refresh_from_db()
    assert (piece.status, piece.publish_at) == ("published", at)


def test_a_publish_the_form_refuses_leaves_no_revision_in_the_history(client, editor):
    piece = ArticleFactory(headline="A slip", body=FAULTY_BODY, status="draft", publish_at=None)
    client.force_login(editor)
    client.post(change_url(piece), article_form(piece, headline="A slip, retitled"))
    piece.refresh_from_db()

    refused = client.post(
        change_url(piece), article_form(piece, status="published", headline="Never saved")
    )

    assert "Not saved: blocking problems" in refused.text
    assert 'value="Never saved"' in refused.text
    assert [version.object_repr for version in Version.objects.get_for_object(piece)] == [
        "A slip, retitled"
    ]


def test_a_scheduled_piece_says_when_in_words_on_the_list_the_form_the_preview_and_override(
    client, editor, settings
):
    settings.TIME_ZONE = "Europe/Budapest"
    at = datetime.datetime(2099, 12, 10, 8, 0, tzinfo=datetime.UTC)
    piece = ArticleFactory(headline="Winter talks", publish_at=at)
    said = "Scheduled for 10 December 2099, 09:00"
    client.force_login(editor)

    listed = client.get(reverse("admin:articles_article_changelist")).text
    form = client.get(change_url(piece)).text
    preview = client.get(reverse("admin:articles_article_preview", args=[piece.pk])).text
    for page in (listed, form, preview):
        assert said in page
        assert "2099-12-10 08:00:00+00:00" not in page
    assert "Status: Published" not in preview

    faulty = ArticleFactory(body=FAULTY_BODY, status="draft", publish_at=None)
    response = client.post(
        change_url(faulty),
        article_form(
            faulty,
            status="published",
            publish_at_0="2099-12-10",
            publish_at_1="09:00",
            publish_override_reason="A deliberate refrain.",
        ),
        follow=True,
    )
    assert f"{said} despite repeated_blocks; your reason is recorded." in response.text
