"""A refused comment form is sent back to where it was typed (post/redirect/get): the
reason and the text are shown at the form, once, and a reload never sends it again.
Deleting asks first. The count by the byline leads down to the discussion, and logging in
from the gate comes back to it."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from tests.comments.test_discussion import actions_of, landing, page_of, post, subscriber
from tests.factories import ArticleFactory, CommentFactory, MemberFactory

pytestmark = pytest.mark.django_db


def open_action(html: str, pk: int) -> str | None:
    """The action whose form is drawn open under comment ``pk`` (its link marked current,
    its form beneath the row)."""
    block = html.split(f'id="comment-{pk}"', 1)[1].split("</article>", 1)[0]
    found = re.search(r'data-action="(\w+)" aria-current="true">(\w+)</a>', block)
    if not found or f'id="{found.group(1)}-form-{pk}"' not in block:
        return None
    return found.group(2)


# --- Refused, in place, once ------------------------------------------------------------------


def test_a_comment_posted_too_soon_lands_on_its_form_with_the_reason_and_the_text(
    client, priya, article, settings
):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 20
    post(client, article, "First.")
    response = post(client, article, "Second, too soon.")
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}#new-comment"
    html = client.get(article.get_absolute_url()).content.decode()
    form = html.split('id="new-comment"', 1)[1].split("</form>", 1)[0]
    assert "You are posting faster than we allow." in form
    assert ">Second, too soon.</textarea>" in form


def test_reloading_the_page_a_refusal_led_to_posts_nothing_and_says_it_once(
    client, priya, article, settings
):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 20
    post(client, article, "First.")
    first = landing(client, post(client, article, "Second, too soon."))
    again = page_of(client, article)  # the reader presses reload
    assert "You are posting faster than we allow." in first
    assert "You are posting faster than we allow." not in again
    assert "Second, too soon." not in again
    assert Comment.objects.filter(article=article).count() == 1


def test_a_kept_form_shows_only_on_its_own_article(client, priya, article):
    other = ArticleFactory(headline="Another piece")
    post(client, article, "x" * 5001)
    assert "x" * 5001 not in page_of(client, other)
    assert "x" * 5001 in page_of(client, article)


def test_a_refused_reply_reopens_under_its_comment_on_the_page_that_holds_it(
    client, priya, article
):
    start = timezone.now() - datetime.timedelta(days=1)
    for n in range(settings.COMMENTS_PER_PAGE):
        CommentFactory(article=article, created_at=start + datetime.timedelta(minutes=n))
    late = CommentFactory(article=article, body="A late remark.")
    response = post(client, article, "  ", parent=late.pk)
    assert response["Location"].endswith(f"?page=2#reply-form-{late.pk}")
    html = landing(client, response, f"reply-form-{late.pk}")
    assert open_action(html, late.pk) == "Reply"
    assert f'id="reply-form-{late.pk}"' in html
    assert "a comment cannot be empty" in html


def test_a_refused_edit_keeps_the_new_wording_in_the_open_edit_form(client, priya, article):
    own = CommentFactory(article=article, member=priya, body="Frist draft.")
    response = client.post(f"/comments/{own.pk}/edit/", {"body": "y" * 5001})
    html = landing(client, response, f"edit-form-{own.pk}")
    assert open_action(html, own.pk) == "Edit"
    assert "y" * 5001 in html
    own.refresh_from_db()
    assert own.body == "Frist draft."


# --- The action row ---------------------------------------------------------------------------


def test_the_page_draws_no_form_under_a_comment_until_one_is_asked_for(client, priya, article):
    own = CommentFactory(article=article, member=priya, body="Mine.")
    theirs = CommentFactory(article=article, body="Theirs.")
    html = page_of(client, article)
    assert actions_of(html, own.pk) == ["Reply", "Edit", "Delete"]
    assert actions_of(html, theirs.pk) == ["Reply", "Report"]
    discussion = html.split('id="comments"', 1)[1].split('<footer class="site-footer"', 1)[0]
    assert discussion.count("<form") == 1  # the new comment's
    assert not re.findall(r'id="\w+-form-\d+"', discussion)


def test_every_action_link_opens_its_one_form_with_a_cancel_back_to_the_comment(
    client, priya, article
):
    own = CommentFactory(article=article, member=priya, body="Mine.")
    theirs = CommentFactory(article=article, body="Theirs.")
    url = article.get_absolute_url()
    for comment, actions in ((own, ["reply", "edit", "delete"]), (theirs, ["reply", "report"])):
        for action in actions:
            link = f'href="{url}?{action}={comment.pk}#{action}-form-{comment.pk}"'
            assert link in page_of(client, article)
            html = page_of(client, article, f"?{action}={comment.pk}")
            assert open_action(html, comment.pk) == action.capitalize()
            forms = re.findall(r'<form[^>]* id="(\w+-form-\d+)"', html)
            assert forms == [f"{action}-form-{comment.pk}"]
            form = html.split(f'id="{action}-form-{comment.pk}"', 1)[1].split("</form>", 1)[0]
            assert re.search(
                rf'<a class="comment-form__cancel" href="{url}#comment-{comment.pk}">', form
            )


def test_a_form_asked_for_that_the_reader_may_not_use_is_not_drawn(client, priya, article):
    theirs = CommentFactory(article=article, body="Theirs.")
    html = page_of(client, article, f"?edit={theirs.pk}")
    assert f"edit-form-{theirs.pk}" not in html
    assert "Edit your comment" not in html
    assert open_action(html, theirs.pk) is None


# --- Deleting asks first ----------------------------------------------------------------------


def test_deleting_without_the_confirmation_only_asks_the_question(client, priya, article):
    own = CommentFactory(article=article, member=priya, body="Second thoughts.")
    response = client.post(f"/comments/{own.pk}/delete/")
    html = landing(client, response, f"delete-form-{own.pk}")
    own.refresh_from_db()
    assert own.status == Comment.Status.PUBLISHED and own.body == "Second thoughts."
    assert open_action(html, own.pk) == "Delete"
    assert "Delete this comment?" in html


def test_the_delete_form_asks_and_its_button_confirms(client, priya, article):
    own = CommentFactory(article=article, member=priya, body="Second thoughts.")
    html = page_of(client, article, f"?delete={own.pk}")
    form = html.split(f'id="delete-form-{own.pk}"', 1)[1].split("</form>", 1)[0]
    assert "Delete this comment?" in form
    assert re.search(r'<button[^>]*name="confirm" value="yes"[^>]*>Yes, delete it</button>', form)
    assert ">No, keep it</a>" in form
    client.post(f"/comments/{own.pk}/delete/", {"confirm": "yes"})
    own.refresh_from_db()
    assert own.status == Comment.Status.DELETED


# --- The count by the byline, and the way back after logging in --------------------------------


def byline(html: str) -> str:
    return html.split('class="byline"', 1)[1].split("</div>", 1)[0]


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_count_by_the_byline_links_down_to_the_discussion(client, article, logged_in):
    for _ in range(3):
        CommentFactory(article=article)
    CommentFactory(article=article, status=Comment.Status.HIDDEN)
    if logged_in:
        client.force_login(subscriber())
    top = byline(page_of(client, article))
    assert '<a class="byline__comments" href="#comments">3 comments</a>' in top


def test_the_count_by_the_byline_is_fresh_on_the_cached_anonymous_page(client, article, settings):
    settings.PAGE_CACHE = True
    assert "0 comments" in byline(page_of(client, article))
    assert client.get(article.get_absolute_url())["X-Reader-Cache"] == "hit"
    CommentFactory(article=article)
    assert ">1 comment</a>" in byline(page_of(client, article))


def test_logging_in_from_the_gate_returns_to_the_discussion(client, article):
    member = MemberFactory(email="back@test.example", password="a-long-reading-lamp")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    gate = page_of(Client(), article).split('class="comments__gate"', 1)[1]
    login_url = re.search(r'class="comments__login" href="([^"]+)"', gate).group(1)
    assert login_url == "/accounts/login/?next=/articles/the-quiet-channel/%23comments"
    response = client.post(login_url, {"login": member.email, "password": "a-long-reading-lamp"})
    assert response.status_code == 302
    assert response["Location"] == "/articles/the-quiet-channel/#comments"


def test_a_login_link_pointing_elsewhere_does_not_send_the_reader_off_site(client):
    member = MemberFactory(email="back@test.example", password="a-long-reading-lamp")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    response = client.post(
        "/accounts/login/?next=https://elsewhere.example/%23comments",
        {"login": member.email, "password": "a-long-reading-lamp"},
    )
    assert response.status_code == 302
    assert "elsewhere.example" not in response["Location"]
