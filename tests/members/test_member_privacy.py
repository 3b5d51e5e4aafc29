"""What the newsroom sees of members' accounts (members.privacy): moderators display names
and comment histories, never an address; editors addresses, for subscriptions; password hash
metadata only superusers."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import CommentFactory, MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db

COMMENTER = "ilona@test.example"
BOSS = "boss@test.example"


@pytest.fixture
def commenter(db):
    member = MemberFactory(email=COMMENTER, display_name="Ilona", password="a-long-lamp")
    CommentFactory(member=member, body="A remark worth moderating.")
    return member


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(BOSS, "a-long-lamp", display_name="Boss")


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_moderators_list_members_by_display_name_without_any_address(
    client, moderator, commenter, superuser
):
    html = page(client, moderator, "/admin/members/member/")
    assert "Ilona" in html and "Boss" in html
    assert COMMENTER not in html and BOSS not in html
    assert "Comment history" in html


def test_a_moderator_sees_a_members_name_and_comment_history_but_no_address_or_hash(
    client, moderator, commenter
):
    html = page(client, moderator, f"/admin/members/member/{commenter.pk}/change/")
    assert "Ilona" in html
    assert COMMENTER not in html
    assert "algorithm" not in html.lower()
    history = page(client, moderator, f"/admin/comments/comment/?member__id__exact={commenter.pk}")
    assert "A remark worth moderating." in history


def test_a_moderator_cannot_find_a_member_by_their_address(client, moderator, commenter):
    html = page(client, moderator, f"/admin/members/member/?q={COMMENTER}")
    assert "Ilona" not in html
    html = page(client, moderator, f"/admin/comments/comment/?q={COMMENTER}")
    assert "A remark worth moderating." not in html


def test_the_comment_page_names_its_author_without_the_address(client, moderator, commenter):
    comment = commenter.comments.get()
    html = page(client, moderator, f"/admin/comments/comment/{comment.pk}/change/")
    assert "Ilona" in html and COMMENTER not in html


def test_editors_see_addresses_to_grant_subscriptions_but_no_password_hash(
    client, editor, commenter
):
    assert COMMENTER in page(client, editor, "/admin/members/member/")
    html = page(client, editor, f"/admin/members/member/{commenter.pk}/change/")
    assert COMMENTER in html
    assert "algorithm" not in html.lower()


def test_superusers_see_the_password_hash_metadata(client, superuser, commenter):
    html = page(client, superuser, f"/admin/members/member/{commenter.pk}/change/")
    assert COMMENTER in html
    assert "algorithm" in html.lower()


def test_the_commenting_staff_are_not_shown_by_address_either(client, moderator):
    other = StaffFactory(email="other.moderator@test.example", display_name="Otto")
    html = page(client, moderator, "/admin/members/member/")
    assert "Otto" in html and other.email not in html


def test_the_moderation_form_names_the_authors_without_their_addresses(
    client, moderator, commenter
):
    comment = commenter.comments.get()
    client.force_login(moderator)
    response = client.post(
        "/admin/comments/comment/", {"action": "hide", "_selected_action": [comment.pk]}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Ilona" in html
    assert COMMENTER not in html
