"""Review notices: a piece submitted for review is announced to the editors by e-mail, and a
piece an editor publishes, schedules or sends back to draft to its writers, once the change
is committed; a refused or rolled-back change tells no one."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from articles import publishing
from articles.models import Article, AuthorProfile
from tests.admin_forms import change_url
from tests.factories import ArticleFactory, AuthorFactory, StaffFactory

pytestmark = pytest.mark.django_db

DRAFT, IN_REVIEW = Article.Status.DRAFT, Article.Status.IN_REVIEW


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit, as the end of the test's transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def piece(writer):
    profile = AuthorFactory(user=writer, byline="Wanda Writer")
    return ArticleFactory(
        headline="The quiet channel",
        status=DRAFT,
        publish_at=None,
        created_by=writer,
        bylines=[profile],
    )


@pytest.fixture
def second_editor(db):
    return StaffFactory(email="second.editor@test.example", group="Editors")


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_submitting_for_review_tells_every_editor_with_an_address(
    committed, piece, writer, editor, second_editor, moderator, settings
):
    settings.SITE_URL = "https://news.example.org"
    StaffFactory(email="", display_name="No Address", group="Editors")

    with committed():
        publishing.submit_for_review(piece, by=writer)

    assert recipients() == ["editor@test.example", "second.editor@test.example"]
    notice = mail.outbox[0]
    assert notice.subject == "For review: “The quiet channel”"
    assert f"{writer} submitted “The quiet channel” for review on " in notice.body
    assert f"https://news.example.org{change_url(piece)}" in notice.body


def test_the_time_of_a_notice_is_in_words_in_local_time(
    committed, piece, writer, editor, settings, clock
):
    settings.TIME_ZONE = "Europe/Budapest"
    clock.set(datetime.datetime(2026, 12, 5, 13, 5, tzinfo=datetime.UTC))

    with committed():
        publishing.submit_for_review(piece, by=writer)

    assert "on 5 December 2026, 14:05." in mail.outbox[0].body


def test_publishing_tells_the_writer_who_published_it(committed, piece, writer, editor):
    piece.status = IN_REVIEW
    piece.save()

    with committed():
        publishing.publish(piece, by=editor)

    assert recipients() == ["writer@test.example"]
    assert mail.outbox[0].subject == "Published: “The quiet channel”"
    assert f"{editor} published “The quiet channel” on " in mail.outbox[0].body


def test_scheduling_tells_the_writer_when_readers_see_it(
    committed, piece, writer, editor, settings
):
    settings.TIME_ZONE = "Europe/Budapest"
    at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)

    with committed():
        publishing.publish(piece, by=editor, at=at)

    assert recipients() == ["writer@test.example"]
    assert mail.outbox[0].subject == "Scheduled: “The quiet channel”"
    in_words = f"readers see it from {piece.state_in_words.removeprefix('Scheduled for ')}."
    assert in_words in mail.outbox[0].body


def test_sending_a_piece_back_to_draft_tells_its_writers(
    committed, piece, writer, other_writer, editor
):
    AuthorFactory(user=other_writer, byline="Otto Other")
    piece.bylines.create(author=AuthorProfile.objects.get(user=other_writer), position=1)
    piece.status = IN_REVIEW
    piece.save()

    with committed():
        publishing.send_back(piece, by=editor, note="Cite the IAEA report.")

    assert recipients() == ["other.writer@test.example", "writer@test.example"]
    assert mail.outbox[0].subject == "Back to draft: “The quiet channel”"
    assert "Their note:\n\nCite the IAEA report." in mail.outbox[0].body


def test_unpublishing_a_live_piece_tells_its_writer_it_is_offline(committed, piece, writer, editor):
    publishing.publish(piece, by=editor)
    mail.outbox.clear()

    with committed():
        publishing.unpublish(piece, by=editor)

    assert recipients() == ["writer@test.example"]
    assert "It is no longer published." in mail.outbox[0].body


def test_a_writer_withdrawing_their_own_piece_tells_no_one(committed, piece, writer, editor):
    publishing.submit_for_review(piece, by=writer)
    mail.outbox.clear()

    with committed():
        publishing.withdraw_from_review(piece, by=writer)

    assert mail.outbox == []


def test_nobody_is_told_of_their_own_doing(committed, editor):
    own = ArticleFactory(
        status=DRAFT, publish_at=None, created_by=editor, bylines=[AuthorFactory(user=editor)]
    )

    with committed():
        publishing.publish(own, by=editor)

    assert mail.outbox == []


def test_nothing_is_sent_when_the_change_is_rolled_back(committed, piece, writer, editor):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        publishing.submit_for_review(piece, by=writer)
        raise RuntimeError("the request failed after the change")

    assert mail.outbox == []
    piece.refresh_from_db()
    assert piece.status == DRAFT


def test_nothing_is_sent_when_the_checks_refuse_the_publish(committed, writer, editor):
    unsigned = ArticleFactory(status=IN_REVIEW, publish_at=None, created_by=writer, bylines=[])

    with committed(), pytest.raises(publishing.PublishBlocked):
        publishing.publish(unsigned, by=editor)

    assert mail.outbox == []


def test_the_admin_publish_action_tells_the_writer(client, committed, piece, writer, editor):
    client.force_login(editor)

    with committed():
        client.post(
            "/admin/articles/article/",
            {"action": "publish_now", "_selected_action": [piece.pk]},
        )

    assert recipients() == ["writer@test.example"]


def test_a_writer_submitting_through_the_form_tells_the_editors(
    client, committed, piece, writer, editor
):
    from tests.admin_forms import article_form

    client.force_login(writer)

    with committed():
        response = client.post(change_url(piece), article_form(piece, status=IN_REVIEW))

    assert response.status_code == 302
    assert recipients() == ["editor@test.example"]


def test_editing_a_live_piece_again_tells_no_one(client, committed, piece, writer, editor):
    from tests.admin_forms import article_form

    publishing.publish(piece, by=editor)
    mail.outbox.clear()
    client.force_login(editor)

    with committed():
        response = client.post(change_url(piece), article_form(piece, dek="A sharper standfirst."))

    assert response.status_code == 302
    assert mail.outbox == []
