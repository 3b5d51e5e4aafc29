"""Who reads comment text, route by route (DESIGN §7). One test per cell: role × route.

Each cell states the answer's status and whether the visible comment's text is in it, so
it fails if the gate is loosened (a reader sees text) and if it is tightened by mistake
(a subscriber does not). Hidden and pending comments never reach a reading page.
"""

import pytest
from django.conf import settings
from django.test import Client

from comments.models import Comment
from tests.factories import CommentFactory
from tests.roles import ROLES

from .conftest import HIDDEN_TEXT, PENDING_TEXT, SECOND_PAGE_TEXT, VISIBLE_TEXT

pytestmark = pytest.mark.django_db

READERS_OF_COMMENTS = {"subscriber", "suspended", "moderator", "editor"}
MODERATORS = {"moderator", "editor"}
NOT_STAFF = {"reader", "lapsed", "subscriber", "suspended"}


def test_the_matrix_covers_every_role():
    assert set(ROLES) == {
        "anonymous",
        "reader",
        "lapsed",
        "subscriber",
        "suspended",
        "moderator",
        "editor",
        "writer",
    }


# --- Article pages -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_article_page_shows_comment_text_only_to_those_who_may_read_it(role, client_as, discussion):
    response = client_as(role).get(discussion["article"].get_absolute_url())
    assert response.status_code == 200
    assert (VISIBLE_TEXT in response.text) is (role in READERS_OF_COMMENTS)
    # The first comment, a page of threads and the late one: every visible comment.
    assert f"{settings.COMMENTS_PER_PAGE + 2} comments" in response.text


@pytest.mark.parametrize("role", ROLES)
def test_second_page_of_the_discussion_follows_the_same_rule(role, client_as, discussion):
    response = client_as(role).get(discussion["article"].get_absolute_url() + "?page=2")
    assert response.status_code == 200
    assert (SECOND_PAGE_TEXT in response.text) is (role in READERS_OF_COMMENTS)
    assert VISIBLE_TEXT not in response.text


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["", "?page=2", "?page=99"])
def test_hidden_and_pending_comments_reach_no_reading_page(role, page, client_as, discussion):
    response = client_as(role).get(discussion["article"].get_absolute_url() + page)
    assert HIDDEN_TEXT not in response.text
    assert PENDING_TEXT not in response.text


@pytest.mark.parametrize("role", ROLES)
def test_invitation_or_gate_line_replaces_the_discussion_for_those_who_may_not_read(
    role, client_as, discussion
):
    text = client_as(role).get(discussion["article"].get_absolute_url()).text
    if role == "anonymous":
        assert "become a subscriber or log in" in text
    elif role in READERS_OF_COMMENTS:
        assert "become a subscriber or log in" not in text
        assert "See the plans" not in text
        assert "Renew your subscription" not in text
    elif role == "lapsed":
        assert "Welcome back." in text and "Renew your subscription" in text
        assert "your account has none running" not in text
    else:
        assert "your account has none running" in text and "See the plans" in text
        assert "Welcome back." not in text


# --- The comment endpoints ------------------------------------------------------------
# A refused form is answered with 303 See Other to the article page (comments.drafts): the
# answer itself carries no text, and the page it leads to follows the rules above.


def landing_of(client, response) -> tuple[str, str]:
    """The anchor a refused form's answer leads to, and the text of that page."""
    assert response.status_code == 303
    assert VISIBLE_TEXT not in response.content.decode()
    url, anchor = response["Location"].split("#")
    return anchor, client.get(url).content.decode()


POST_OUTCOME = {
    # role: where the refusal lands, text of the discussion on that page
    "reader": ("comments", False),
    "lapsed": ("comments", False),
    "subscriber": ("new-comment", True),  # the empty comment is refused, shown in place
    "suspended": ("new-comment", True),
    "moderator": ("new-comment", True),
    "editor": ("new-comment", True),
    "writer": ("comments", False),
}


@pytest.mark.parametrize("role", ROLES)
def test_refused_post_answers_each_role_as_the_gate_says(role, client_as, discussion):
    slug = discussion["article"].slug
    client = client_as(role)
    response = client.post(f"/comments/articles/{slug}/", {"body": ""})
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/articles/")
        return
    anchor, landing = landing_of(client, response)
    assert (anchor, VISIBLE_TEXT in landing) == POST_OUTCOME[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["edit", "delete"])
def test_nobody_edits_or_deletes_someone_elses_comment(role, action, client_as, discussion):
    comment = discussion["visible"]
    response = client_as(role).post(f"/comments/{comment.pk}/{action}/", {"body": "Mine now."})
    assert response.status_code == (302 if role == "anonymous" else 404)
    assert VISIBLE_TEXT not in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == VISIBLE_TEXT


@pytest.mark.parametrize("role", ROLES)
def test_hidden_comment_cannot_be_reached_through_the_report_endpoint(role, client_as, discussion):
    hidden = discussion["hidden"]
    response = client_as(role).post(f"/comments/{hidden.pk}/report/", {"reason": "spam"})
    assert response.status_code == (302 if role == "anonymous" else 404)
    assert HIDDEN_TEXT not in response.content.decode()


REPORT_OUTCOME = {
    "anonymous": 302,
    "reader": 303,
    "lapsed": 303,
    "subscriber": 302,
    "suspended": 302,
    "moderator": 303,
    "editor": 303,
    "writer": 303,
}


@pytest.mark.parametrize("role", ROLES)
def test_only_subscribers_report_comments(role, client_as, discussion):
    comment = discussion["visible"]
    client = client_as(role)
    response = client.post(f"/comments/{comment.pk}/report/", {"reason": "spam"})
    assert response.status_code == REPORT_OUTCOME[role]
    assert comment.reports.exists() is (REPORT_OUTCOME[role] == 302 and role != "anonymous")
    if response.status_code == 303:
        # Refused moderators land on the discussion (they may read it), told why; the
        # others on the invitation, with no text.
        anchor, landing = landing_of(client, response)
        assert (VISIBLE_TEXT in landing) is (role in MODERATORS)
        assert ("Only subscribers can report comments." in landing) is (role in MODERATORS)
        assert anchor == (f"report-form-{comment.pk}" if role in MODERATORS else "comments")


# Deleting one's own comment is for those who may read the discussion: a reader whose
# subscription ended finds the comment gone from their reach, not deleted.
DELETE_OWN_OUTCOME = {
    "reader": 404,
    "lapsed": 404,
    "subscriber": 302,
    "suspended": 302,
    "moderator": 302,
    "editor": 302,
    "writer": 404,
}


@pytest.mark.parametrize("role", list(DELETE_OWN_OUTCOME))
def test_only_those_who_may_read_the_discussion_delete_their_own_comment(
    role, people, client_as, discussion
):
    own = CommentFactory(article=discussion["article"], member=people[role], body="My own.")
    response = client_as(role).post(f"/comments/{own.pk}/delete/", {"confirm": "yes"})
    assert response.status_code == DELETE_OWN_OUTCOME[role]
    assert VISIBLE_TEXT not in response.content.decode()
    own.refresh_from_db()
    assert (own.status == Comment.Status.DELETED) is (response.status_code == 302)


@pytest.mark.parametrize("role", ROLES)
def test_the_report_endpoint_refuses_non_subscribers_before_reading_the_form(
    role, client_as, discussion
):
    comment = discussion["visible"]
    client = client_as(role)
    response = client.post(f"/comments/{comment.pk}/report/", {"reason": ""})
    assert not comment.reports.exists()
    if role == "anonymous":
        assert response.status_code == 302
        return
    anchor, landing = landing_of(client, response)
    if role in ("subscriber", "suspended"):
        assert "This field is required." in landing  # the form was read
    else:
        assert "This field is required." not in landing  # refused before it was read


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["articles/the-quiet-channel", "1/edit", "1/report"])
def test_comment_endpoints_never_answer_a_get(role, action, client_as, discussion):
    response = client_as(role).get(f"/comments/{action}/")
    assert response.status_code == 405
    assert VISIBLE_TEXT not in response.content.decode()


# --- The admin --------------------------------------------------------------------------

ADMIN_ROUTES = {
    "queue": "/admin/comments/moderationqueue/",
    "list": "/admin/comments/comment/",
    "search": "/admin/comments/comment/?q=Vienna",
    "change": "/admin/comments/comment/{pk}/change/",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", list(ADMIN_ROUTES))
def test_admin_shows_comment_text_to_moderators_and_editors_only(
    role, route, client_as, discussion
):
    pk = discussion["hidden"].pk if route != "search" else None
    url = ADMIN_ROUTES[route].format(pk=pk)
    response = client_as(role).get(url)
    text = response.content.decode()
    if role in MODERATORS:
        assert response.status_code == 200
        expected = VISIBLE_TEXT if route == "search" else HIDDEN_TEXT
        if route == "queue":
            expected = PENDING_TEXT  # the queue holds what needs a moderator
        assert expected in text
    elif role == "writer":
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    if role not in MODERATORS:
        for secret in (VISIBLE_TEXT, HIDDEN_TEXT, PENDING_TEXT):
            assert secret not in text


# --- Pages that are not the discussion ---------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_404_page_of_an_unpublished_article_carries_no_comment(role, client_as, discussion):
    article = discussion["article"]
    article.status = "draft"
    article.save()
    response = client_as(role).get(article.get_absolute_url())
    assert response.status_code == 404
    assert VISIBLE_TEXT not in response.text
    assert "52 comments" not in response.text


@pytest.mark.parametrize("role", ROLES)
def test_500_page_carries_no_comment_even_when_the_discussion_failed_mid_page(
    role, people, discussion, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("the discussion could not be drawn")

    monkeypatch.setattr("comments.templatetags.comments._attach_form_state", fail)
    client = Client(raise_request_exception=False)
    if people[role] is not None:
        client.force_login(people[role])
    response = client.get(discussion["article"].get_absolute_url())
    if role in READERS_OF_COMMENTS:
        assert response.status_code == 500
    else:
        assert response.status_code == 200  # the failing part is never reached
    assert VISIBLE_TEXT not in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "subscriber", "moderator"])
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/sections/diplomacy/",
        "/search/?q=Vienna",
        "/feeds/latest/",
        "/sitemap.xml",
        "/news-sitemap.xml",
        "/subscribe/",
        "/accounts/profile/",
    ],
)
def test_no_other_public_route_carries_comment_text(role, url, client_as, discussion):
    response = client_as(role).get(url)
    assert response.status_code in (200, 302)
    assert VISIBLE_TEXT not in response.content.decode()
