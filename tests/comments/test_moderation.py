"""The moderation desk in the admin: the queue, decisions, suspensions, held phrases and the
audit trail of every action."""

import datetime
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone

from comments.models import Comment, HeldPhrase, ModerationAction, Report, Suspension
from tests.factories import ArticleFactory, CommentFactory, MemberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/moderationqueue/"
COMMENTS = "/admin/comments/comment/"


@pytest.fixture
def article(db):
    return ArticleFactory(headline="The quiet channel")


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of an admin form (the inlines' management forms among them)."""
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def run_action(client, url, action, comments, **form):
    data = {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in comments]}
    return client.post(url, {**data, "apply": "1", **form})


def test_queue_lists_reported_comments_first_then_pending_and_nothing_else(
    client, moderator, article
):
    earlier = timezone.now() - datetime.timedelta(hours=3)
    CommentFactory(article=article, body="Pending one.", status="pending", created_at=earlier)
    CommentFactory(article=article, body="Nothing wrong here.")
    once = CommentFactory(article=article, body="Reported once.")
    twice = CommentFactory(article=article, body="Reported twice.")
    for comment, reporters in ((once, 1), (twice, 2)):
        for _ in range(reporters):
            Report.objects.create(comment=comment, reporter=MemberFactory(), reason="abuse")
    dismissed = CommentFactory(article=article, body="Report already dealt with.")
    Report.objects.create(
        comment=dismissed, reporter=MemberFactory(), reason="spam", resolved_at=timezone.now()
    )

    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    order = [html.index(text) for text in ("Reported twice.", "Reported once.", "Pending one.")]
    assert order == sorted(order)
    assert "Nothing wrong here." not in html
    assert "Report already dealt with." not in html
    assert "Reported 2 times" in html


@pytest.mark.parametrize(
    ("action", "status", "logged"),
    [("hide", "hidden", "hidden"), ("remove", "removed", "removed")],
)
def test_hiding_or_removing_takes_a_reason_and_is_recorded(
    client, moderator, article, action, status, logged
):
    comment = CommentFactory(article=article, body="Out of line.")
    Report.objects.create(comment=comment, reporter=MemberFactory(), reason="abuse")
    client.force_login(moderator)

    asked = client.post(QUEUE, {"action": action, ACTION_CHECKBOX_NAME: [comment.pk]})
    assert asked.status_code == 200
    assert "Out of line." in asked.content.decode()  # the moderator sees what they judge

    refused = run_action(client, QUEUE, action, [comment], reason="")
    assert refused.status_code == 200
    comment.refresh_from_db()
    assert comment.status == "published"

    done = run_action(client, QUEUE, action, [comment], reason="Insults another reader.")
    assert done.status_code == 302
    comment.refresh_from_db()
    assert comment.status == status
    entry = ModerationAction.objects.get(comment=comment)
    assert (entry.action, entry.moderator, entry.reason) == (
        logged,
        moderator,
        "Insults another reader.",
    )
    assert entry.member == comment.member
    assert not Report.objects.filter(comment=comment, resolved_at=None).exists()


def test_restoring_publishes_again_and_approving_lets_a_pending_comment_through(
    client, moderator, article
):
    hidden = CommentFactory(article=article, status="hidden", body="Hidden too hastily.")
    pending = CommentFactory(article=article, status="pending", body="Held first comment.")
    client.force_login(moderator)
    response = run_action(client, COMMENTS, "approve", [hidden, pending], reason="")
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {"published"}
    assert ModerationAction.objects.filter(action="approved", moderator=moderator).count() == 2


def test_moderator_changes_one_comments_status_on_its_page_with_a_reason(
    client, moderator, article
):
    comment = CommentFactory(article=article, body="Rude remark.")
    client.force_login(moderator)
    url = f"{COMMENTS}{comment.pk}/change/"
    page = client.get(url).content.decode()
    assert "Rude remark." in page
    assert 'name="body"' not in page  # comments are moderated, never rewritten

    hidden = hidden_fields(page)
    client.post(url, {**hidden, "status": "hidden", "moderation_reason": ""})
    comment.refresh_from_db()
    assert comment.status == "published"  # a reason is required

    client.post(url, {**hidden, "status": "hidden", "moderation_reason": "Rude to a reader."})
    comment.refresh_from_db()
    assert comment.status == "hidden"
    assert ModerationAction.objects.get(comment=comment).reason == "Rude to a reader."


def test_suspending_authors_until_a_date_stops_them_posting_until_then(client, moderator, article):
    author = MemberFactory(email="rude@test.example")
    SubscriptionFactory(member=author)
    comment = CommentFactory(article=article, member=author)
    client.force_login(moderator)
    until = timezone.localdate() + datetime.timedelta(days=3)
    response = run_action(
        client, COMMENTS, "suspend_authors", [comment], reason="Repeated insults.", until=until
    )
    assert response.status_code == 302
    suspension = Suspension.objects.get(member=author)
    assert timezone.localtime(suspension.until).date() == until + datetime.timedelta(days=1)
    assert suspension.reason == "Repeated insults."
    entry = ModerationAction.objects.get(action="suspended")
    assert (entry.moderator, entry.member, entry.comment) == (moderator, author, comment)

    client.force_login(author)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "You cannot post comments until" in html and "Repeated insults." in html


def test_banning_authors_has_no_end_date(client, moderator, article):
    comment = CommentFactory(article=article)
    client.force_login(moderator)
    run_action(client, COMMENTS, "ban_authors", [comment], reason="Threats.")
    assert Suspension.objects.get(member=comment.member).until is None
    assert ModerationAction.objects.filter(action="banned", member=comment.member).exists()


def test_suspensions_are_added_and_lifted_in_their_own_list_and_recorded(client, moderator):
    member = MemberFactory(email="someone@test.example")
    client.force_login(moderator)
    response = client.post(
        "/admin/comments/suspension/add/",
        {"member": member.pk, "until_0": "", "until_1": "", "reason": "Spam links."},
    )
    assert response.status_code == 302
    suspension = Suspension.objects.get(member=member)
    assert suspension.until is None and suspension.created_by == moderator
    client.post(
        "/admin/comments/suspension/",
        {"action": "lift_selected", ACTION_CHECKBOX_NAME: [suspension.pk]},
    )
    suspension.refresh_from_db()
    assert suspension.lifted_at is not None and suspension.lifted_by == moderator
    assert list(
        ModerationAction.objects.filter(member=member).values_list("action", flat=True)
    ) == ["lifted", "banned"]


def test_held_phrases_are_kept_by_moderators_and_every_change_is_logged(client, moderator):
    client.force_login(moderator)
    client.post("/admin/comments/heldphrase/add/", {"phrase": "Paid Troll", "note": "Fights."})
    phrase = HeldPhrase.objects.get()
    assert phrase.phrase == "paid troll"
    client.post(f"/admin/comments/heldphrase/{phrase.pk}/delete/", {"post": "yes"})
    assert not HeldPhrase.objects.exists()
    assert list(ModerationAction.objects.values_list("action", "detail")) == [
        ("phrase_removed", "paid troll"),
        ("phrase_added", "paid troll"),
    ]


def test_the_audit_trail_shows_who_did_what_when_and_why_and_cannot_be_edited(
    client, moderator, editor, article
):
    comment = CommentFactory(article=article)
    client.force_login(moderator)
    run_action(client, COMMENTS, "hide", [comment], reason="Off topic.")
    client.force_login(editor)
    html = client.get("/admin/comments/moderationaction/").content.decode()
    assert "Hidden" in html and "Off topic." in html and str(moderator) in html
    entry = ModerationAction.objects.get()
    change = client.get(f"/admin/comments/moderationaction/{entry.pk}/change/")
    assert change.status_code == 200
    assert 'name="reason"' not in change.content.decode()
    assert client.post(f"/admin/comments/moderationaction/{entry.pk}/delete/").status_code == 403


def test_automatic_holds_are_logged_without_a_moderator(client, article):
    member = MemberFactory()
    SubscriptionFactory(member=member)
    client.force_login(member)
    client.post(f"/comments/articles/{article.slug}/", {"body": "My first."})
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.moderator, entry.detail) == (
        "held",
        None,
        "The member's first comment",
    )


def test_moderators_see_only_the_comments_desk_in_the_admin(client, moderator):
    client.force_login(moderator)
    index = client.get("/admin/").content.decode()
    assert "Moderation queue" in index
    assert "Held words and phrases" in index
    assert "Moderation actions" in index
    assert not re.search(r">Articles<", index)
    assert client.get("/admin/articles/article/").status_code == 403
    assert client.get("/admin/members/subscription/").status_code == 403


def test_editors_moderate_too(client, editor, article):
    comment = CommentFactory(article=article)
    client.force_login(editor)
    assert client.get(QUEUE).status_code == 200
    run_action(client, COMMENTS, "remove", [comment], reason="Spam.")
    comment.refresh_from_db()
    assert comment.status == "removed"


def test_nobody_writes_comments_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get(f"{COMMENTS}add/").status_code == 403
