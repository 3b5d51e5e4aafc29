"""The desk, the admin's first page: each role sees the blocks it can act on, with counts
and a few pieces linked to their pages, above the list of everything it may open."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, AuthorProfile
from comments.models import Report
from tests.factories import ArticleFactory, AuthorFactory, CommentFactory, MemberFactory

pytestmark = pytest.mark.django_db

DRAFT, IN_REVIEW = Article.Status.DRAFT, Article.Status.IN_REVIEW


def piece(headline, status=Article.Status.PUBLISHED, by=None, **fields):
    """A piece created by ``by`` (a member of the newsroom) and signed with their byline."""
    bylines = None
    if by is not None:
        profile = AuthorProfile.objects.filter(user=by).first()
        bylines = [profile or AuthorFactory(user=by, byline=by.display_name)]
    if status != Article.Status.PUBLISHED:
        fields.setdefault("publish_at", None)
    return ArticleFactory(
        headline=headline, status=status, created_by=by, bylines=bylines, **fields
    )


def reported(count=1, headline="A piece readers argue about"):
    comment = CommentFactory(article=piece(headline), body="You are all paid shills, every one.")
    for _ in range(count):
        Report.objects.create(comment=comment, reporter=MemberFactory(), reason="abuse")
    return comment


def blocks(response) -> dict[str, str]:
    """Each block's title and its HTML."""
    html = response.content.decode()
    found = re.findall(r'<section class="module desk-block".*?</section>', html, re.S)
    return {
        re.search(r'<h2 id="desk-block-\d+">\s*<a [^>]*>([^<]+)</a>', block).group(1): block
        for block in found
    }


def count_in(block) -> int:
    return int(re.search(r'<span class="desk-count">(\d+)</span>', block).group(1))


def desk(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response


def test_a_writer_sees_their_drafts_and_reviews_never_others_nor_the_comments(
    client, writer, other_writer
):
    piece("My own draft", DRAFT, by=writer)
    piece("Mine in review", IN_REVIEW, by=writer)
    piece("Someone else's draft", DRAFT, by=other_writer)
    piece("Someone else's review", IN_REVIEW, by=other_writer)
    reported()

    response = desk(client, writer)
    shown = blocks(response)

    assert list(shown) == ["My drafts", "Awaiting review"]
    assert count_in(shown["My drafts"]) == 1
    assert "My own draft" in shown["My drafts"]
    assert count_in(shown["Awaiting review"]) == 1
    assert "Mine in review" in shown["Awaiting review"]
    html = response.content.decode()
    assert "Someone else" not in html
    assert "paid shills" not in html


def test_an_editor_sees_every_article_block_and_the_reported_comments(client, editor, writer):
    now = timezone.now()
    piece("Editor's own draft", DRAFT, by=editor)
    piece("A writer's draft", DRAFT, by=writer)
    piece("Waiting for an editor", IN_REVIEW, by=writer)
    piece("Out on Thursday", publish_at=now + datetime.timedelta(days=3))
    piece("Out next month", publish_at=now + datetime.timedelta(days=30))
    piece("Out this morning", publish_at=now - datetime.timedelta(hours=2))
    piece("Out last month", publish_at=now - datetime.timedelta(days=30))
    reported(count=2)

    shown = blocks(desk(client, editor))

    assert list(shown) == [
        "My drafts",
        "Awaiting review",
        "Scheduled in the next 7 days",
        "Recently published",
        "Reported comments",
    ]
    assert count_in(shown["My drafts"]) == 1 and "Editor&#x27;s own draft" in shown["My drafts"]
    assert "A writer" not in shown["My drafts"]
    assert count_in(shown["Awaiting review"]) == 1
    assert "Waiting for an editor" in shown["Awaiting review"]
    assert count_in(shown["Scheduled in the next 7 days"]) == 1
    assert "Out on Thursday" in shown["Scheduled in the next 7 days"]
    assert "Out next month" not in shown["Scheduled in the next 7 days"]
    assert "Out this morning" in shown["Recently published"]
    assert "Out last month" not in shown["Recently published"]
    assert count_in(shown["Reported comments"]) == 1
    assert "Reported 2 times" in shown["Reported comments"]
    # The app list stays below the desk.
    assert 'id="content-main"' in desk(client, editor).content.decode()


def test_a_moderator_sees_the_reported_comments_only(client, moderator, writer):
    piece("A writer's draft", DRAFT, by=writer)
    piece("Waiting for an editor", IN_REVIEW, by=writer)
    comment = reported()
    CommentFactory(body="A quiet, unreported remark.")

    response = desk(client, moderator)
    shown = blocks(response)

    assert list(shown) == ["Reported comments"]
    assert count_in(shown["Reported comments"]) == 1
    assert f"/admin/comments/moderationqueue/{comment.pk}/change/" in shown["Reported comments"]
    assert "unreported remark" not in shown["Reported comments"]
    assert "Waiting for an editor" not in response.content.decode()


def test_a_scheduled_piece_says_when_in_words_in_local_time(client, editor, settings):
    settings.TIME_ZONE = "Europe/Budapest"
    at = datetime.datetime(2026, 12, 10, 8, 0, tzinfo=datetime.UTC)
    clock_now = at - datetime.timedelta(days=2)
    piece("Out on Thursday", publish_at=at)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: clock_now)
        block = blocks(desk(client, editor))["Scheduled in the next 7 days"]

    assert "Scheduled for 10 December 2026, 09:00" in block
    assert "2026-12-10" not in block


def test_each_piece_links_to_its_change_page_and_each_block_to_its_filtered_list(client, writer):
    draft = piece("My own draft", DRAFT, by=writer)

    block = blocks(desk(client, writer))["My drafts"]

    assert f'href="/admin/articles/article/{draft.pk}/change/"' in block
    assert 'href="/admin/articles/article/?state=draft&amp;whose=mine"' in block
    listed = client.get("/admin/articles/article/?state=draft&whose=mine")
    assert listed.status_code == 200
    assert "My own draft" in listed.content.decode()


def test_my_drafts_list_shows_an_editor_their_own_drafts_only(client, editor, writer):
    piece("Editor's own draft", DRAFT, by=editor)
    piece("A writer's draft", DRAFT, by=writer)
    client.force_login(editor)

    html = client.get("/admin/articles/article/?state=draft&whose=mine").content.decode()

    assert "Editor&#x27;s own draft" in html
    assert "A writer&#x27;s draft" not in html


def test_a_block_lists_a_few_pieces_and_counts_them_all(client, writer):
    for number in range(8):
        piece(f"Draft number {number}", DRAFT, by=writer)

    block = blocks(desk(client, writer))["My drafts"]

    assert count_in(block) == 8
    assert block.count("<li>") == 5
    assert "See all 8" in block


def queries_of_the_desk(client, user) -> int:
    client.force_login(user)
    client.get("/admin/")  # the session and permissions are read once before counting
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["editor", "writer", "moderator"])
def test_the_desk_runs_a_fixed_number_of_queries_however_much_there_is(client, request, role):
    user = request.getfixturevalue(role)
    writer = request.getfixturevalue("writer")

    def add_content(n):
        now = timezone.now()
        for number in range(n):
            piece(f"Draft {number}", DRAFT, by=user if role != "moderator" else writer)
            piece(f"Review {number}", IN_REVIEW, by=writer)
            piece(f"Soon {number}", publish_at=now + datetime.timedelta(days=2))
            piece(f"Fresh {number}", publish_at=now - datetime.timedelta(hours=1))
            reported(count=2, headline=f"Argued {number}")

    add_content(1)
    few = queries_of_the_desk(client, user)
    add_content(7)
    many = queries_of_the_desk(client, user)

    assert few == many
    assert many == {"editor": 11, "writer": 7, "moderator": 6}[role]
