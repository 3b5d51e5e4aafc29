"""The daily digest of follows, received from a real SMTP server on loopback (aiosmtpd):
what it carries and how it is grouped, at most one a day, nothing when nothing is new, gated
pieces cut for non-subscribers, dead addresses left out, and the one-click unsubscribe."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletters import digests, follows
from newsletters.models import Follow, FollowDigest, Recipient
from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    MemberFactory,
    SectionFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db

GATED_REST = "The confidential annex lists every crossing point."


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


@pytest.fixture
def world():
    diplomacy = SectionFactory(name="Diplomacy")
    economy = SectionFactory(name="Economy")
    actor = ActorFactory(name="Olena Marchenko")
    author = AuthorFactory(byline="Ana Ribeiro")
    member = MemberFactory(email="follower@example.org")
    for target in (actor, author, diplomacy):
        follows.follow(member, target)
    # Followed a day ago: pieces before that are not news to the member.
    member.follows.update(created_at=ago(days=1))
    old = ArticleFactory(headline="Before the follow", section=diplomacy, publish_at=ago(days=3))
    ArticleActorFactory(article=old, actor=actor)
    return {
        "member": member,
        "actor": actor,
        "author": author,
        "diplomacy": diplomacy,
        "economy": economy,
    }


def html_of(message):
    return message.get_body(("html",)).get_content()


def text_of(message):
    return message.get_body(("plain",)).get_content()


def test_the_digest_groups_new_pieces_by_what_is_followed_each_once(inbox, world):
    # Links the actor and is in the followed section: once, under the actor (followed first).
    both = ArticleFactory(headline="Talks in Geneva", section=world["diplomacy"])
    ArticleActorFactory(article=both, actor=world["actor"])
    ArticleFactory(headline="The budget gap", section=world["economy"], bylines=[world["author"]])
    ArticleFactory(headline="A treaty signed", section=world["diplomacy"])
    ArticleFactory(headline="Unrelated markets", section=world["economy"])
    ArticleFactory(
        headline="Not yet out",
        section=world["diplomacy"],
        publish_at=timezone.now() + datetime.timedelta(hours=2),
    )

    outcome = digests.send_all()

    assert outcome.sent == 1
    [message] = inbox.messages
    assert message["To"] == "follower@example.org"
    assert "Olena Marchenko" in message["Subject"]
    text = text_of(message)
    for headline in ("Talks in Geneva", "The budget gap", "A treaty signed"):
        assert text.count(headline) == 1, headline
    for absent in ("Unrelated markets", "Before the follow", "Not yet out"):
        assert absent not in text
    # Grouped: each heading, then its pieces.
    assert (
        text.index("ACTOR: Olena Marchenko")
        < text.index("Talks in Geneva")
        < text.index("AUTHOR: Ana Ribeiro")
        < text.index("The budget gap")
        < text.index("SECTION: Diplomacy")
        < text.index("A treaty signed")
    )
    html = html_of(message)
    assert "Talks in Geneva" in html and 'style="' in html  # CSS inlined
    assert "<style" not in html.split("</head>")[1]
    leave = " ".join(str(message["List-Unsubscribe"]).split()).strip("<>")
    assert leave.startswith("http") and "/newsletters/follows/unsubscribe/" in leave
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert FollowDigest.objects.get().status == FollowDigest.Status.SENT


def test_at_most_one_digest_a_day_and_the_next_day_only_what_is_new(inbox, world):
    first = ArticleFactory(headline="Morning piece", section=world["diplomacy"])
    digests.send_all()
    ArticleFactory(
        headline="Afternoon piece", section=world["diplomacy"], publish_at=timezone.now()
    )

    again = digests.send_all()  # a second run the same day (or after a crash)
    assert again.sent == 0 and again.already == 1
    assert len(inbox.messages) == 1

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    digests.send_all(now=tomorrow)
    assert len(inbox.messages) == 2
    text = text_of(inbox.messages[1])
    assert "Afternoon piece" in text
    assert first.headline not in text
    assert FollowDigest.objects.filter(member=world["member"]).count() == 2


def test_a_digest_row_of_the_day_left_by_a_crash_means_no_mail(inbox, world):
    ArticleFactory(headline="Morning piece", section=world["diplomacy"])
    FollowDigest.objects.create(
        member=world["member"], day=timezone.localdate(), until=timezone.now()
    )  # a run that stopped while handing the message over
    assert digests.send_all().sent == 0
    assert inbox.messages == []


def test_nothing_new_sends_nothing(inbox, world):
    ArticleFactory(headline="Unrelated markets", section=world["economy"])
    outcome = digests.send_all()
    assert outcome.sent == 0 and outcome.nothing_new == 1
    assert inbox.messages == []
    assert not FollowDigest.objects.exists()


@pytest.fixture
def gated(world):
    return ArticleFactory(
        headline="The corridor plan",
        dek="What the envoys agreed.",
        section=world["diplomacy"],
        access="subscribers",
        body=f"<p>The opening paragraph.</p><p>{GATED_REST}</p>",
    )


def test_a_gated_piece_is_cut_to_its_dek_and_link_for_a_non_subscriber(inbox, world, gated):
    digests.send_all()
    [message] = inbox.messages
    for part in (text_of(message), html_of(message)):
        assert "The corridor plan" in part and "What the envoys agreed." in part
        assert GATED_REST not in part
        assert gated.get_absolute_url() in part
        assert "This piece is for subscribers" in part


def test_a_subscriber_receives_a_gated_piece_in_full(inbox, world, gated):
    SubscriptionFactory(member=world["member"])
    digests.send_all()
    [message] = inbox.messages
    assert GATED_REST in text_of(message) and GATED_REST in html_of(message)


def test_a_dead_address_gets_nothing(inbox, world):
    ArticleFactory(headline="Morning piece", section=world["diplomacy"])
    Recipient.objects.filter(member=world["member"]).update(
        dead_at=timezone.now(), dead_reason="bounce: mailbox unknown"
    )
    outcome = digests.send_all()
    assert outcome.sent == 0 and outcome.unreachable == 1
    assert inbox.messages == []


def test_one_click_unsubscribe_without_logging_in_stops_the_digests(inbox, world):
    ArticleFactory(headline="Morning piece", section=world["diplomacy"])
    digests.send_all()
    leave = " ".join(str(inbox.messages[0]["List-Unsubscribe"]).split()).strip("<>")
    path = leave.split("://", 1)[1].split("/", 1)[1]

    page = Client().get(f"/{path}")
    assert page.status_code == 200
    assert "f…@example.org" in page.text and "follower@example.org" not in page.text

    answer = Client().post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/plain")
    assert not Recipient.objects.get(member=world["member"]).follow_digests

    ArticleFactory(headline="Evening piece", section=world["diplomacy"])
    digests.send_all(now=timezone.now() + datetime.timedelta(days=1))
    assert len(inbox.messages) == 1

    # Following something again asks for the e-mail again.
    follows.follow(world["member"], world["economy"])
    assert Recipient.objects.get(member=world["member"]).follow_digests


def test_a_forged_unsubscribe_link_is_not_found():
    assert Client().get("/newsletters/follows/unsubscribe/1:forged/").status_code == 404


def test_the_command_sends_the_days_digests(inbox, world, capsys):
    ArticleFactory(headline="Morning piece", section=world["diplomacy"])
    other = MemberFactory(email="second@example.org")
    follows.follow(other, world["economy"])  # nothing new in Economy
    call_command("send_follow_digests")
    assert "Sent 1 digest(s)" in capsys.readouterr().out
    assert [m["To"] for m in inbox.messages] == ["follower@example.org"]
    call_command("send_follow_digests")
    assert "1 already sent today" in capsys.readouterr().out
    assert len(inbox.messages) == 1


@pytest.mark.parametrize("size", [5, 30])
def test_a_batch_reads_in_a_fixed_number_of_queries_whatever_its_size(world, mailoutbox, size):
    for i in range(size):
        member = MemberFactory(email=f"m{i}@example.org")
        follows.follow(member, world["diplomacy"])
        follows.follow(member, world["actor"])
    Follow.objects.update(created_at=ago(days=1))
    piece = ArticleFactory(headline="Morning piece", section=world["diplomacy"])
    ArticleActorFactory(article=piece, actor=world["actor"])
    with CaptureQueriesContext(connection) as captured:
        outcome = digests.send_all(batch_size=100)
    assert outcome.sent == size + 1
    reads = [q for q in captured if q["sql"].lstrip().upper().startswith("SELECT")]
    # Who follows; their follows; today's and previous digests; their addresses; the pieces
    # and their actor links, bylines and tags; their standing is not asked (no gated piece).
    assert len(reads) == 9


def test_the_worker_task_and_the_queued_command_send_the_digests(inbox, world, capsys):
    from newsletters.tasks import send_follow_digests

    ArticleFactory(headline="Morning piece", section=world["diplomacy"])
    call_command("send_follow_digests", "--queue")  # the test suite's queue runs it at once
    assert "Queued" in capsys.readouterr().out
    assert len(inbox.messages) == 1
    assert send_follow_digests.enqueue().return_value == 0  # the day's digest is out
    assert len(inbox.messages) == 1
