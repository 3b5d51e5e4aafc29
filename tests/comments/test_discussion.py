"""What a subscriber does in a discussion, and what the rules do back."""

import datetime
import re

import pytest
from django.utils import timezone

from comments.models import Comment, HeldPhrase, ModerationAction, Report, Suspension
from tests.factories import CommentFactory

from .conftest import subscriber

pytestmark = pytest.mark.django_db


def post(client, article, body, **extra):
    return client.post(f"/comments/articles/{article.slug}/", {"body": body, **extra})


def page_of(client, article, query=""):
    return client.get(article.get_absolute_url() + query).content.decode()


def actions_of(html, pk):
    """The action links in the row under comment ``pk``, in order."""
    block = html.split(f'id="comment-{pk}"', 1)[1].split("</article>", 1)[0]
    return re.findall(
        r'<a class="comment-action" href="[^"]*" data-action="\w+"[^>]*>(\w+)</a>', block
    )


def landing(client, response, anchor="new-comment"):
    """The page a refused form sends the reader to (303 See Other, never a page drawn in
    answer to the POST, so a reload cannot send it again), checked to land on ``anchor``."""
    assert response.status_code == 303
    url, fragment = response["Location"].split("#")
    assert fragment == anchor
    return client.get(url).content.decode()


# --- Posting and replying -----------------------------------------------------------------


def test_subscriber_posts_a_comment_and_is_taken_to_it(client, priya, article):
    response = post(client, article, "Worth reading twice.\nEspecially the last part.")
    comment = Comment.objects.get(article=article)
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    html = page_of(client, article)
    assert "Worth reading twice.<br>Especially the last part." in html
    assert f'id="comment-{comment.pk}"' in html
    assert "1 comment" in html


def test_a_reply_sits_under_its_parent_and_a_reply_to_a_reply_joins_the_same_thread(
    client, priya, article
):
    parent = CommentFactory(article=article, body="The opening remark.")
    post(client, article, "A reply to the opening.", parent=parent.pk)
    reply = Comment.objects.get(body="A reply to the opening.")
    assert reply.parent == parent

    client.force_login(subscriber("jan@test.example", "Jan"))
    post(client, article, "A reply to the reply.", parent=reply.pk)
    assert Comment.objects.get(body="A reply to the reply.").parent == parent

    html = page_of(client, article)
    replies = html.split('class="comment-replies"', 1)[1]
    assert "A reply to the opening." in replies and "A reply to the reply." in replies


def test_new_comment_form_carries_csrf_protection_for_subscribers(client, priya, article):
    html = page_of(client, article)
    form = html.split('id="comment-form"', 1)[1].split("</form>", 1)[0]
    assert "csrfmiddlewaretoken" in form
    assert 'action="/comments/articles/the-quiet-channel/"' in html


def test_the_endpoint_rejects_a_post_without_the_csrf_token(article):
    from django.test import Client

    member = subscriber()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    response = post(strict, article, "No token.")
    assert response.status_code == 403
    assert not Comment.objects.filter(body="No token.").exists()


# --- Refusals keep the text and say why ---------------------------------------------------


def test_an_empty_comment_is_refused_with_a_reason(client, priya, article):
    response = post(client, article, "   \n  ")
    assert "a comment cannot be empty" in landing(client, response)
    assert not Comment.objects.filter(article=article).exists()


def test_a_comment_over_5000_characters_is_refused_and_keeps_what_was_typed(client, priya, article):
    typed = "Long thoughts. " * 334  # 5,010 characters
    html = landing(client, post(client, article, typed))
    assert "at most 5,000 characters" in html
    assert typed.strip() in html
    assert not Comment.objects.filter(article=article).exists()


def test_5000_characters_count_a_typed_line_break_once(client, priya, article):
    body = ("x" * 99 + "\r\n") * 50  # 5,000 characters once CR LF counts as one
    response = post(client, article, body)
    assert response.status_code == 302
    assert len(Comment.objects.get(article=article).body) == 4999  # trailing break trimmed


def test_hostile_markup_in_a_comment_is_shown_escaped_on_the_page(client, priya, article):
    post(client, article, '<script>alert("boo")</script> <b>bold</b> https://example.org/x')
    html = page_of(client, article)
    assert "&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert" not in html
    assert '<a href="https://example.org/x" rel="nofollow ugc">' in html


# --- Moderation on the way in ---------------------------------------------------------------


def test_a_members_first_comment_waits_and_only_its_author_sees_it_marked(client, article):
    newcomer = subscriber("new@test.example", "Newcomer", trusted=False)
    client.force_login(newcomer)
    post(client, article, "My very first remark.")
    comment = Comment.objects.get(body="My very first remark.")
    assert comment.status == Comment.Status.PENDING
    html = page_of(client, article)
    assert "My very first remark." in html
    assert "Awaiting moderation" in html
    assert "0 comments" in html
    assert ModerationAction.objects.get(comment=comment).action == "held"

    client.force_login(subscriber("other@test.example", "Other"))
    assert "My very first remark." not in page_of(client, article)


def test_a_held_phrase_sends_the_comment_to_pending_matching_whole_words_only(
    client, priya, article, clock
):
    HeldPhrase.objects.create(phrase="Paid  Troll")
    post(client, article, "You are a PAID troll, clearly.")
    held = Comment.objects.get(body__startswith="You are")
    assert held.status == Comment.Status.PENDING
    assert "paid troll" in held.held_because

    clock.advance(minutes=1)
    post(client, article, "Unpaid trolley problems.")
    assert Comment.objects.get(body__startswith="Unpaid").status == Comment.Status.PUBLISHED


def test_one_comment_per_member_every_few_seconds(client, priya, article, clock, settings):
    settings.COMMENTS_MIN_INTERVAL_SECONDS = 20
    assert post(client, article, "First.").status_code == 302
    clock.advance(seconds=5)
    html = landing(client, post(client, article, "Second, too soon."))
    assert "Please wait 15 seconds" in html
    assert "Second, too soon." in html  # kept in the form
    clock.advance(seconds=15)
    assert post(client, article, "Second, in good time.").status_code == 302
    assert Comment.objects.filter(article=article).count() == 2


# --- Suspensions and bans -------------------------------------------------------------------


def test_a_suspended_subscriber_reads_but_cannot_post_and_is_told_until_when(
    client, priya, article, clock
):
    CommentFactory(article=article, body="A view from elsewhere.")
    Suspension.objects.create(
        member=priya, until=clock.now + datetime.timedelta(days=2), reason="Name-calling."
    )
    html = page_of(client, article)
    assert "A view from elsewhere." in html
    assert "You cannot post comments until" in html
    assert "Name-calling." in html
    assert 'id="comment-form"' not in html

    html = landing(client, post(client, article, "Trying anyway."))
    assert "Your comment, not posted" in html and "Trying anyway." in html
    assert not Comment.objects.filter(body="Trying anyway.").exists()

    clock.advance(days=2, seconds=1)
    assert post(client, article, "Back again.").status_code == 302


def test_the_page_offers_the_form_again_the_moment_a_suspension_runs_out_or_is_lifted(
    client, priya, article, clock
):
    Suspension.objects.create(
        member=priya, until=clock.now + datetime.timedelta(hours=1), reason="Name-calling."
    )
    assert 'id="comment-form"' not in page_of(client, article)

    clock.advance(hours=1, seconds=1)
    assert 'id="comment-form"' in page_of(client, article)

    ban = Suspension.objects.create(member=priya, until=None, reason="Threats.")
    assert "You can no longer post comments." in page_of(client, article)
    ban.lifted_at = clock.now
    ban.save()
    assert 'id="comment-form"' in page_of(client, article)


def test_a_banned_subscriber_can_no_longer_post(client, priya, article):
    Suspension.objects.create(member=priya, until=None, reason="Threats.")
    html = page_of(client, article)
    assert "You can no longer post comments." in html
    assert "You can no longer post comments." in landing(
        client, post(client, article, "Let me in.")
    )
    assert not Comment.objects.filter(body="Let me in.").exists()


def test_a_lifted_ban_lets_the_member_post_again(client, priya, article):
    Suspension.objects.create(member=priya, until=None, reason="Threats.", lifted_at=timezone.now())
    assert post(client, article, "Thank you.").status_code == 302


# --- Editing and deleting one's own ---------------------------------------------------------


def test_authors_edit_their_comment_within_15_minutes_and_not_after(client, priya, article, clock):
    post(client, article, "Frist draft.")
    comment = Comment.objects.get(article=article)
    assert "Edit" in actions_of(page_of(client, article), comment.pk)
    assert "Edit your comment" in page_of(client, article, f"?edit={comment.pk}")

    clock.advance(minutes=14, seconds=59)
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "First draft."})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "First draft." and comment.edited_at is not None
    assert "edited" in page_of(client, article)

    clock.advance(seconds=1)
    assert "Edit" not in actions_of(page_of(client, article), comment.pk)
    assert "Edit your comment" not in page_of(client, article, f"?edit={comment.pk}")
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "Too late."})
    assert "can no longer be changed" in landing(client, response, f"edit-form-{comment.pk}")
    comment.refresh_from_db()
    assert comment.body == "First draft."


def test_an_edit_adding_a_held_phrase_sends_the_comment_back_to_pending(client, priya, article):
    HeldPhrase.objects.create(phrase="traitor")
    post(client, article, "A fair point.")
    comment = Comment.objects.get(article=article)
    client.post(f"/comments/{comment.pk}/edit/", {"body": "A fair point, traitor."})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_deleting_a_comment_without_replies_removes_it_from_the_page(client, priya, article):
    post(client, article, "Second thoughts.")
    comment = Comment.objects.get(article=article)
    response = client.post(f"/comments/{comment.pk}/delete/", {"confirm": "yes"})
    assert response.status_code == 302
    html = page_of(client, article)
    assert "Second thoughts." not in html
    assert "Comment deleted" not in html
    assert "0 comments" in html
    comment.refresh_from_db()
    assert comment.body == "" and comment.status == Comment.Status.DELETED


def test_a_deleted_comment_with_replies_leaves_a_placeholder_and_keeps_its_replies(
    client, priya, article
):
    post(client, article, "Start of a thread.")
    comment = Comment.objects.get(article=article)
    CommentFactory(article=article, parent=comment, body="An answer that stays.")
    client.post(f"/comments/{comment.pk}/delete/", {"confirm": "yes"})
    html = page_of(client, article)
    assert "Comment deleted by its author." in html
    assert "Start of a thread." not in html
    assert "An answer that stays." in html
    assert "1 comment" in html


# --- Reports ----------------------------------------------------------------------------------


def test_subscriber_reports_anothers_comment_with_a_reason(client, priya, article):
    other = CommentFactory(article=article, body="Something rude.")
    response = client.post(
        f"/comments/{other.pk}/report/", {"reason": "abuse", "detail": "Aimed at a reader."}
    )
    assert response.status_code == 302
    report = Report.objects.get(comment=other)
    assert (report.reporter, report.reason, report.detail) == (priya, "abuse", "Aimed at a reader.")
    assert "You reported this comment" in page_of(client, article)


def test_a_report_without_a_reason_is_refused_and_the_form_reopens(client, priya, article):
    other = CommentFactory(article=article, body="Something rude.")
    response = client.post(f"/comments/{other.pk}/report/", {"reason": "", "detail": "Hmm."})
    html = landing(client, response, f"report-form-{other.pk}")
    assert re.search(r'data-action="report" aria-current="true">Report</a>', html)
    assert f'id="report-form-{other.pk}"' in html
    assert "This field is required." in html
    assert not Report.objects.exists()


def test_nobody_reports_their_own_comment_or_the_same_comment_twice(client, priya, article):
    own = CommentFactory(article=article, member=priya, body="Mine.")
    mine = client.post(f"/comments/{own.pk}/report/", {"reason": "spam"})
    assert "You cannot report this comment." in landing(client, mine, f"report-form-{own.pk}")
    other = CommentFactory(article=article, body="Theirs.")
    client.post(f"/comments/{other.pk}/report/", {"reason": "spam"})
    again = client.post(f"/comments/{other.pk}/report/", {"reason": "abuse"})
    assert "already reported" in landing(client, again, f"report-form-{other.pk}")
    assert Report.objects.filter(comment=other).count() == 1


# --- Counting, closing, paging ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("visible", "label"), [(0, "0 comments"), (1, "1 comment"), (12, "12 comments")]
)
def test_everyone_sees_the_number_of_visible_comments(client, article, visible, label):
    for _ in range(visible):
        CommentFactory(article=article)
    for status in ("pending", "hidden", "removed", "deleted"):
        CommentFactory(article=article, status=status)
    html = page_of(client, article)
    assert f'id="comments-heading">{label}</h2>' in html


def test_closed_comments_keep_count_and_comments_but_lose_the_form(client, priya, article):
    CommentFactory(article=article, body="Said before closing.")
    article.comments_open = False
    article.save()
    html = page_of(client, article)
    assert "1 comment" in html
    assert "Said before closing." in html
    assert "Comments are closed on this article." in html
    assert 'id="comment-form"' not in html
    assert ">Reply<" not in html
    html = landing(client, post(client, article, "After closing."))
    assert "Comments are closed on this article." in html
    assert not Comment.objects.filter(body="After closing.").exists()


def test_twenty_threads_a_page_oldest_first_replies_do_not_count(client, priya, article):
    start = timezone.now() - datetime.timedelta(days=1)
    threads = [
        CommentFactory(
            article=article,
            body=f"Thread {n:02d}.",
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(22)
    ]
    for n in range(5):
        CommentFactory(article=article, parent=threads[0], body=f"Reply {n}.")
    first = page_of(client, article)
    second = page_of(client, article, "?page=2")
    assert first.index("Thread 00.") < first.index("Thread 19.")
    assert "Thread 20." not in first and "Reply 4." in first
    assert "Thread 20." in second and "Thread 21." in second and "Thread 19." not in second
    assert "Comments page 2 of 2" in second
    assert "27 comments" in first


def test_more_comments_is_a_plain_link_to_the_next_page_of_threads(client, priya, article):
    start = timezone.now() - datetime.timedelta(days=1)
    for n in range(45):
        CommentFactory(
            article=article,
            body=f"Thread {n:02d}.",
            created_at=start + datetime.timedelta(minutes=n),
        )
    first, second = page_of(client, article), page_of(client, article, "?page=2")
    more = (
        '<a class="pagination__next comments__more" '
        'href="/articles/the-quiet-channel/?page={}#comments">More comments'
    )
    assert more.format(2) in first
    assert more.format(3) in second
    assert "Comments page 1 of 3" in first
    assert "More comments" not in page_of(client, article, "?page=3")


def test_after_posting_the_reader_lands_on_the_page_that_holds_the_comment(client, priya, article):
    start = timezone.now() - datetime.timedelta(days=1)
    for n in range(20):
        CommentFactory(article=article, created_at=start + datetime.timedelta(minutes=n))
    response = post(client, article, "The twenty-first.")
    comment = Comment.objects.get(body="The twenty-first.")
    assert response["Location"].endswith(f"?page=2#comment-{comment.pk}")


# --- Caching ------------------------------------------------------------------------------------


def test_the_logged_in_article_page_is_private_and_never_stored(client, priya, article):
    response = client.get(article.get_absolute_url())
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_the_anonymous_article_page_is_the_same_bytes_for_everyone_with_no_cookie_or_token(
    article,
):
    from django.test import Client

    CommentFactory(article=article, body="Only for subscribers.")
    first, second = (
        Client().get(article.get_absolute_url()),
        Client().get(article.get_absolute_url()),
    )
    assert first.content == second.content
    assert not first.cookies and "Set-Cookie" not in first.headers
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "private" not in first.get("Cache-Control", "")
    assert "Only for subscribers." not in first.content.decode()


def test_anonymous_readers_are_asked_to_subscribe_or_log_in_and_come_back(client, article):
    CommentFactory(article=article)
    html = page_of(client, article)
    gate = html.split('class="comments__gate"', 1)[1].split("</div>", 1)[0]
    assert "become a subscriber or log in" in gate
    assert 'href="/subscribe/"' in gate
    assert 'href="/accounts/login/?next=/articles/the-quiet-channel/%23comments"' in gate
    assert 'id="comments-heading">1 comment</h2>' in html


def test_a_refused_post_re_renders_links_that_lead_back_to_the_article(client, priya, article):
    for _ in range(21):
        CommentFactory(article=article)
    html = landing(client, post(client, article, ""))
    assert 'href="/articles/the-quiet-channel/?page=2#comments"' in html
