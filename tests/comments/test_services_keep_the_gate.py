"""The discussion's services keep the gate themselves (DESIGN §7): whoever calls them (a
view, a command, a future API), a member who may not take part is refused and nothing is
stored. The views only turn the refusal into the answer they give (tests/comments/
test_access_matrix.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from comments.models import Comment, Report
from comments.posting import CommentRefused, delete_comment, report_comment
from tests.factories import CommentFactory, MemberFactory
from tests.roles import ROLES

pytestmark = pytest.mark.django_db

REMARK = "A remark worth a second look."

# Reporting is a subscriber's (a suspension stops posting, not reporting); deleting one's
# own comment, anyone's who may read the discussion.
REPORTERS = {"subscriber", "suspended"}
DELETERS = {"subscriber", "suspended", "moderator", "editor"}


def as_member(people, role):
    return people[role] or AnonymousUser()


@pytest.mark.parametrize("role", ROLES)
def test_reporting_a_comment_through_the_service_is_for_subscribers_only(role, people):
    comment = CommentFactory(body=REMARK)
    member = as_member(people, role)
    if role in REPORTERS:
        report = report_comment(member, comment, Report.Reason.SPAM)
        assert (report.comment, report.reporter) == (comment, member)
        return
    with pytest.raises(CommentRefused) as refused:
        report_comment(member, comment, Report.Reason.SPAM, "Sent past the page.")
    assert refused.value.status == 403
    assert refused.value.message == "Only subscribers can report comments."
    assert not Report.objects.exists()


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_deleting_ones_own_comment_through_the_service_needs_the_right_to_read_it(role, people):
    member = people[role]
    comment = CommentFactory(member=member, body=REMARK)
    if role in DELETERS:
        delete_comment(member, comment)
        comment.refresh_from_db()
        assert (comment.status, comment.body) == (Comment.Status.DELETED, "")
        return
    with pytest.raises(CommentRefused) as refused:
        delete_comment(member, comment)
    assert refused.value.status == 403
    comment.refresh_from_db()
    assert (comment.status, comment.body) == (Comment.Status.PUBLISHED, REMARK)


def test_an_anonymous_caller_deletes_nothing_through_the_service():
    comment = CommentFactory(body=REMARK)
    with pytest.raises(CommentRefused) as refused:
        delete_comment(AnonymousUser(), comment)
    assert refused.value.status == 403
    comment.refresh_from_db()
    assert (comment.status, comment.body) == (Comment.Status.PUBLISHED, REMARK)


def test_an_open_report_on_a_comment_its_lapsed_author_tries_to_delete_stays_open(people):
    comment = CommentFactory(member=people["lapsed"], body=REMARK)
    report_comment(people["subscriber"], comment, Report.Reason.ABUSE)
    with pytest.raises(CommentRefused):
        delete_comment(people["lapsed"], comment)
    assert comment.reports.get().resolved_at is None


# --- One rule, written as a query and as a test of one comment ---------------------------


@pytest.mark.parametrize("status", Comment.Status.values)
@pytest.mark.parametrize("whose", ["own", "someone else's", "anonymous"])
def test_a_comment_is_shown_to_a_member_exactly_when_the_query_says_so(status, whose):
    author = MemberFactory()
    comment = CommentFactory(member=author, status=status)
    reader = {"own": author, "someone else's": MemberFactory(), "anonymous": AnonymousUser()}[whose]
    in_query = Comment.objects.shown_to(reader).filter(pk=comment.pk).exists()
    assert comment.is_shown_to(reader) is in_query
    assert comment.is_visible is Comment.objects.visible().filter(pk=comment.pk).exists()
