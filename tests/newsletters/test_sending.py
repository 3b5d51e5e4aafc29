"""Sending an issue through a real SMTP server on loopback (aiosmtpd): what readers
receive, the one-click unsubscribe of its headers, dead addresses left out, and a batch
stopped half-way resumed without anyone receiving the issue twice."""

import re
from collections import Counter

import pytest
from django.core import mail
from django.test import Client

from articles.models import Article
from newsletters import sending
from newsletters.models import Delivery, Issue, IssuePiece, Recipient
from tests.factories import (
    ArticleFactory,
    MemberFactory,
    NewsletterFactory,
    RecipientFactory,
    SectionFactory,
    SubscriptionFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def issue():
    section = SectionFactory(name="Diplomacy")
    newsletter = NewsletterFactory(name="The Daily Brief")
    newsletter.sections.add(section)
    article = ArticleFactory(
        headline="Corridor talks resume",
        dek="Both sides return to the table.",
        body='<p>The <a href="/actors/">envoys</a> met at noon.</p><p>Second paragraph.</p>',
        section=section,
    )
    article.lead_image.save("lead.jpg", image_file(), save=True)
    issue = Issue.objects.create(
        newsletter=newsletter,
        subject="Monday: corridor talks",
        intro="Good morning.\n\nThree things.",
    )
    IssuePiece.objects.create(issue=issue, article=article)
    return issue


def unsubscribe_header(message) -> str:
    """The header's value, unfolded (long headers are folded onto a second line)."""
    return " ".join(str(message["List-Unsubscribe"]).split())


def readers_of(issue, n, prefix="reader"):
    return [
        RecipientFactory(email=f"{prefix}{i}@example.org", newsletters=[issue.newsletter])
        for i in range(n)
    ]


def send(issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(issue)
    issue.refresh_from_db()


def test_every_reachable_reader_receives_one_well_formed_message(
    inbox, issue, django_capture_on_commit_callbacks
):
    readers_of(issue, 3)
    RecipientFactory(
        email="gone@example.org", newsletters=[issue.newsletter]
    ).__class__.objects.filter(email="gone@example.org").update(dead_at="2026-01-01T00:00Z")
    RecipientFactory(
        email="unconfirmed@example.org", newsletters=[issue.newsletter], confirmed_at=None
    )
    RecipientFactory(email="other-list@example.org")

    send(issue, django_capture_on_commit_callbacks)

    assert sorted(inbox.recipients) == [f"reader{i}@example.org" for i in range(3)]
    assert issue.status == Issue.Status.SENT and issue.sent_at is not None
    assert sending.progress(issue).sent == 3

    message = inbox.to("reader0@example.org")[0]
    assert message["Subject"] == "Monday: corridor talks"
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    recipient = Recipient.objects.get(email="reader0@example.org")
    assert re.fullmatch(
        rf"<http://localhost:8000/newsletters/unsubscribe/{recipient.pk}-{issue.newsletter_id}:[-\w]+/>",
        unsubscribe_header(message),
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert "Corridor talks resume" in html and "The envoys met at noon." in text.replace("\n", " ")
    assert 'href="http://localhost:8000/actors/"' in html, "links in the body made absolute"
    assert not re.search(r'(href|src)="/', html), "no relative address anywhere"
    image = re.search(r"<img[^>]+>", html).group(0)
    assert 'width="560"' in image and 'height="315"' in image
    assert 'src="http://localhost:8000/media/' in image
    # Styles are inlined onto the elements; only the phones' media query stays in <style>.
    assert re.search(r'<h2 class="headline" style="[^"]*font-size: ?24px', html)
    style_blocks = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert all(block.strip().startswith("@media") for block in style_blocks)
    assert (
        unsubscribe_header(message).strip("<>") in html
        and unsubscribe_header(message).strip("<>") in text
    )


def test_one_click_on_the_headers_address_unsubscribes_from_the_next_issue(
    inbox, issue, django_capture_on_commit_callbacks
):
    readers_of(issue, 2)
    send(issue, django_capture_on_commit_callbacks)
    message = inbox.to("reader1@example.org")[0]
    url = unsubscribe_header(message).strip("<>").removeprefix("http://localhost:8000")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # What a mail client does (RFC 8058): a POST with that body, no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200

    inbox.messages.clear()
    inbox.recipients.clear()
    following = Issue.objects.create(newsletter=issue.newsletter, subject="Tuesday")
    IssuePiece.objects.create(issue=following, article=issue.pieces.get().article)
    send(following, django_capture_on_commit_callbacks)
    assert inbox.recipients == ["reader0@example.org"]


@pytest.mark.parametrize(
    "access, refusal",
    [("subscribers", "This piece is for subscribers."), ("members", "This piece is for members.")],
)
def test_gated_pieces_go_in_full_to_subscribers_alone(
    inbox, issue, django_capture_on_commit_callbacks, access, refusal
):
    Article.objects.filter(pk=issue.pieces.get().article_id).update(access=access)
    subscriber = MemberFactory(email="paying@example.org")
    SubscriptionFactory(member=subscriber)
    RecipientFactory(email="paying@example.org", member=subscriber, newsletters=[issue.newsletter])
    RecipientFactory(email="free@example.org", newsletters=[issue.newsletter])
    member = MemberFactory(email="member@example.org")
    RecipientFactory(email="member@example.org", member=member, newsletters=[issue.newsletter])

    send(issue, django_capture_on_commit_callbacks)

    paying = inbox.to("paying@example.org")[0].get_body(("html",)).get_content()
    assert "The envoys met at noon." in re.sub(r"<[^>]+>", "", paying)
    for reader in ("free@example.org", "member@example.org"):
        mail = inbox.to(reader)[0]
        html = mail.get_body(("html",)).get_content()
        text = mail.get_body(("plain",)).get_content()
        assert "met at noon" not in html and "met at noon" not in text
        assert "Both sides return to the table." in html, "the dek and a link"
        assert refusal in html and refusal in text


def test_an_issue_goes_out_once_however_often_the_button_is_pressed(
    inbox, issue, django_capture_on_commit_callbacks
):
    readers_of(issue, 2)
    send(issue, django_capture_on_commit_callbacks)
    with pytest.raises(sending.CannotSend):
        sending.start_sending(issue)
    sending.plan(issue.pk)  # a plan task run twice adds nobody
    assert Delivery.objects.filter(issue=issue).count() == 2
    assert len(inbox.messages) == 2


def test_an_issue_with_nothing_to_carry_is_refused():
    quiet = SectionFactory(name="Quiet")
    newsletter = NewsletterFactory(name="Quiet Letter")
    newsletter.sections.add(quiet)
    empty = Issue.objects.create(newsletter=newsletter, subject="Nothing new")
    with pytest.raises(sending.CannotSend, match="no pieces"):
        sending.start_sending(empty)
    empty.refresh_from_db()
    assert empty.status == Issue.Status.DRAFT


class Killed(BaseException):
    """A worker's death: nothing after it runs (not even ``except Exception``)."""


def test_a_batch_killed_half_way_is_resumed_without_sending_anyone_twice(
    inbox, issue, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.TASKS = DATABASE_QUEUE  # batches wait in the queue; this test runs them
    settings.NEWSLETTER_BATCH_SIZE = 10
    readers_of(issue, 25)
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(issue)
    sending.plan(issue.pk)

    # First batch: a clean stop after 4 messages (between two readers).
    def stop_after_four(sent):
        if sent == 4:
            raise Killed

    with pytest.raises(Killed):
        sending.send_batch(issue.pk, after_each=stop_after_four)

    # Second batch: killed while the 3rd message is being handed over (after the server
    # took it, before the row says so).
    from django.core.mail import EmailMultiAlternatives

    handed = {"n": 0}
    original = EmailMultiAlternatives.send

    def dies_on_third(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        handed["n"] += 1
        if handed["n"] == 3:
            raise Killed
        return result

    monkeypatch.setattr(EmailMultiAlternatives, "send", dies_on_third)
    with pytest.raises(Killed):
        sending.send_batch(issue.pk)
    monkeypatch.setattr(EmailMultiAlternatives, "send", original)

    statuses = Counter(Delivery.objects.filter(issue=issue).values_list("status", flat=True))
    assert statuses == {"sent": 6, "claimed": 13, "sending": 1, "pending": 5}
    assert len(inbox.messages) == 7

    sending.resume(issue, stale_after=__import__("datetime").timedelta(0))
    for _ in range(5):
        sending.send_batch(issue.pk)

    counts = Counter(inbox.recipients)
    assert set(counts) == {f"reader{i}@example.org" for i in range(25)}
    assert max(counts.values()) == 1, "nobody received the issue twice"
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    progress = sending.progress(issue)
    assert (progress.sent, progress.failed, progress.pending) == (24, 1, 0)
    interrupted = Delivery.objects.get(issue=issue, status="failed")
    assert interrupted.error == sending.INTERRUPTED


def test_a_refused_address_fails_alone_and_the_batch_goes_on(
    inbox, issue, django_capture_on_commit_callbacks
):
    readers_of(issue, 3)

    async def refuse_one(server, session, envelope, address, rcpt_options):
        if address == "reader1@example.org":
            return "550 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    inbox.handle_RCPT = refuse_one
    send(issue, django_capture_on_commit_callbacks)
    assert sorted(inbox.recipients) == ["reader0@example.org", "reader2@example.org"]
    progress = sending.progress(issue)
    assert (progress.sent, progress.failed) == (2, 1)


def test_a_test_goes_to_the_editor_alone_marked_as_such(issue, editor):
    sending.send_test(issue.pk, editor.pk)
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert mail.outbox[0].subject == "[Test] Monday: corridor talks"
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT and not issue.deliveries.exists()


def test_an_editor_sends_from_the_admin_and_watches_the_progress(
    client, editor, inbox, issue, django_capture_on_commit_callbacks
):
    readers_of(issue, 3)
    client.force_login(editor)
    page = client.get(f"/admin/newsletters/issue/{issue.pk}/change/").content.decode()
    assert "Send to 3 readers" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/newsletters/issue/{issue.pk}/send/")
    assert response["Location"] == f"/admin/newsletters/issue/{issue.pk}/progress/"
    progress = client.get(response["Location"]).content.decode()
    assert re.search(r'class="issue-progress__sent">3<', progress)
    assert re.search(r'class="issue-progress__pending">0<', progress)
    assert len(inbox.messages) == 3
    again = client.post(f"/admin/newsletters/issue/{issue.pk}/send/", follow=True)
    assert "already gone out" in again.content.decode()
    assert len(inbox.messages) == 3
