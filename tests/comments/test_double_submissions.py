"""The same form sent twice (a double click, a retried request) does its work once and
answers like the first time. The same rules under real concurrency: test_concurrent_posts.py.
"""

import re
import uuid

import pytest

from comments.models import Comment, ModerationAction
from tests.comments.test_discussion import page_of, post, subscriber
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def submission_keys(html: str) -> list[str]:
    return re.findall(r'name="submission" value="([0-9a-f-]{36})"', html)


def test_every_comment_form_is_drawn_with_its_own_key(client, priya, article):
    opening = CommentFactory(article=article, body="An opening remark to reply to.")
    query = f"?reply={opening.pk}"
    first, second = page_of(client, article, query), page_of(client, article, query)
    keys = submission_keys(first) + submission_keys(second)
    assert len(keys) == 4  # the new-comment form and the opened reply form, on each page
    assert len(set(keys)) == 4


def test_the_same_form_sent_twice_stores_one_comment_and_answers_both_with_it(
    client, priya, article, settings
):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 20
    key = submission_keys(page_of(client, article))[0]
    first = post(client, article, "Worth reading twice.", submission=key)
    again = post(client, article, "Worth reading twice.", submission=key)

    comment = Comment.objects.get(article=article)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] == comment.get_absolute_url()


def test_a_repeated_reply_is_stored_once(client, priya, article):
    opening = CommentFactory(article=article, body="An opening remark.")
    key = submission_keys(page_of(client, article, f"?reply={opening.pk}"))[1]
    for _ in range(3):
        response = post(client, article, "A reply.", parent=opening.pk, submission=key)
        assert response.status_code == 302
    assert opening.replies.count() == 1


def test_a_new_form_is_a_new_comment(client, priya, article, settings):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    post(client, article, "Same words.", submission=str(uuid.uuid4()))
    post(client, article, "Same words.", submission=str(uuid.uuid4()))
    assert Comment.objects.filter(article=article).count() == 2


def test_a_form_refused_for_pace_comes_back_with_the_same_key(client, priya, article, settings):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 20
    post(client, article, "First.", submission=str(uuid.uuid4()))
    key = str(uuid.uuid4())
    refused = post(client, article, "Too soon.", submission=key)
    assert refused.status_code == 303
    assert submission_keys(page_of(client, article))[0] == key


def test_the_same_key_from_another_member_is_their_own_comment(client, priya, article):
    key = str(uuid.uuid4())
    post(client, article, "Priya's remark.", submission=key)
    client.force_login(subscriber("jan@test.example", "Jan"))
    post(client, article, "Jan's remark.", submission=key)
    assert Comment.objects.filter(article=article, submission_key=key).count() == 2


def test_a_form_without_a_usable_key_is_still_taken(client, priya, article, settings):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 0
    assert post(client, article, "No key at all.").status_code == 302
    assert post(client, article, "A mangled key.", submission="<script>").status_code == 302
    assert Comment.objects.filter(article=article).count() == 2


def test_an_edit_sent_twice_changes_the_comment_once(client, priya, article):
    comment = CommentFactory(article=article, member=priya, body="Frist draft.")
    for _ in range(2):
        response = client.post(f"/comments/{comment.pk}/edit/", {"body": "First draft, held"})
        assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "First draft, held"
    assert comment.was_edited


def test_an_edit_that_is_held_records_one_hold_when_sent_twice(client, priya, article):
    from comments.models import HeldPhrase

    HeldPhrase.objects.create(phrase="trolley problems")
    comment = CommentFactory(article=article, member=priya, body="Fine words.")
    for _ in range(2):
        client.post(f"/comments/{comment.pk}/edit/", {"body": "Unpaid trolley problems."})
    assert ModerationAction.objects.filter(comment=comment).count() == 1


def test_deleting_twice_answers_like_the_first_time(client, priya, article):
    comment = CommentFactory(article=article, member=priya, body="Second thoughts.")
    first = client.post(f"/comments/{comment.pk}/delete/", {"confirm": "yes"})
    again = client.post(f"/comments/{comment.pk}/delete/", {"confirm": "yes"})
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED


def test_nobody_else_can_delete_a_deleted_comment(client, priya, article):
    other = CommentFactory(article=article, body="Someone else's.", status=Comment.Status.DELETED)
    assert client.post(f"/comments/{other.pk}/delete/", {"confirm": "yes"}).status_code == 404
