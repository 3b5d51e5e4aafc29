"""A small newsroom with something to hide on every side, for the access matrix.

Each secret is a phrase that appears in exactly one place, so a page that shows it has
reached that place: a draft, a scheduled piece, hidden and pending comments, members'
e-mail addresses.
"""

import datetime
from contextlib import contextmanager

import reversion
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from reversion.models import Version
from taggit.models import Tag

import newsletters.digests
import newsletters.readers
from articles.models import Article, HomeSlot, Page, PublishOverride
from comments.models import Comment, HeldPhrase, ModerationAction, Suspension
from members.models import AppealClick, GiftLink, MeteredRead, StripeEvent, StripeSync
from newsletters.models import Delivery, Issue
from tests.factories import (
    ActorAliasFactory,
    AppealFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    CommentFactory,
    NewsletterFactory,
    PlacementFactory,
    RecipientFactory,
    SourceFactory,
    SponsorFactory,
    StaffFactory,
)
from tests.roles import subscribed

PUBLIC_HEADLINE = "The corridor talks in Bratislava"
OTHER_DRAFT_TEXT = "Unpublished draft about the Danube summit"
OWN_DRAFT_TEXT = "The writers own unfinished piece on grain exports"
SCHEDULED_TEXT = "Embargoed piece on the Vilnius communique"
DELETED_TEXT = "A deleted draft on the pipeline tender"
VISIBLE_COMMENT = "A published remark about the corridor talks."
HIDDEN_COMMENT = "A remark the moderators hid from everyone."
PENDING_COMMENT = "A first remark still waiting for a moderator."
COMMENTER_EMAIL = "commenter@test.example"
# The rest of a members-only and of a subscriber-only piece (after their opening).
MEMBERS_REST = "The members-only reckoning of the tender"
SUBSCRIBERS_REST = "The subscriber-only ledger of the tender"


def gated_body(rest: str) -> str:
    paragraph = "<p>The ministers met twice before the tender closed, and once after.</p>"
    return paragraph * 3 + f"<p>{rest}.</p>" + paragraph * 3


def build_world(people: dict) -> dict:
    now = timezone.now()
    other_writer = StaffFactory(email="other.writer@test.example", group="Writers")
    writer_profile = AuthorFactory(byline="Wanda Writer", user=people["writer"])
    article = ArticleFactory(headline=PUBLIC_HEADLINE, tags=["corridor talks"])
    BylineFactory(article=article, author=writer_profile)
    source = SourceFactory(name="Danube Wire")
    CitationFactory(article=article, source=source)
    actor_link = ArticleActorFactory(article=article, actor__name="Ilse Marek", role="main")
    ActorAliasFactory(actor=actor_link.actor, name="Marek")

    with reversion.create_revision():
        other_draft = ArticleFactory(
            headline=OTHER_DRAFT_TEXT,
            dek=OTHER_DRAFT_TEXT,
            body=f"<p>{OTHER_DRAFT_TEXT}.</p>",
            status=Article.Status.DRAFT,
            section=article.section,
            tags=["corridor talks"],
        )
        other_draft.created_by = other_writer
        other_draft.save()
    with reversion.create_revision():
        own_draft = ArticleFactory(
            headline=OWN_DRAFT_TEXT,
            body=f"<p>{OWN_DRAFT_TEXT}.</p>",
            status=Article.Status.DRAFT,
            section=article.section,
        )
        own_draft.created_by = people["writer"]
        own_draft.save()
    with reversion.create_revision():
        scheduled = ArticleFactory(
            headline=SCHEDULED_TEXT,
            body=f"<p>{SCHEDULED_TEXT}.</p>",
            publish_at=now + datetime.timedelta(days=2),
            section=article.section,
            tags=["corridor talks"],
        )
        scheduled.created_by = other_writer
        scheduled.save()
    with reversion.create_revision():
        deleted = ArticleFactory(
            headline=DELETED_TEXT, body=f"<p>{DELETED_TEXT}.</p>", status=Article.Status.DRAFT
        )
        deleted.created_by = other_writer
        deleted.save()
    deleted_version = Version.objects.get_for_object(deleted).get()
    deleted.delete()
    ArticleActorFactory(article=scheduled, actor=actor_link.actor)
    CitationFactory(article=scheduled, source=source)
    override = PublishOverride.objects.create(
        article=scheduled, user=people["editor"], reason="Embargo agreed.", codes=["missing_dek"]
    )

    members_piece = ArticleFactory(
        headline="The tender, for members",
        body=gated_body(MEMBERS_REST),
        access=Article.Access.MEMBERS,
        section=article.section,
        tags=["corridor talks"],
    )
    subscribers_piece = ArticleFactory(
        headline="The tender, for subscribers",
        body=gated_body(SUBSCRIBERS_REST),
        access=Article.Access.SUBSCRIBERS,
        section=article.section,
        tags=["corridor talks"],
    )
    for piece in (members_piece, subscribers_piece):
        BylineFactory(article=piece, author=writer_profile)
        ArticleActorFactory(article=piece, actor=actor_link.actor)
        CitationFactory(article=piece, source=source)

    commenter = subscribed(COMMENTER_EMAIL, display_name="Ilona")
    EmailAddress.objects.create(user=commenter, email=COMMENTER_EMAIL, verified=True, primary=True)
    visible = CommentFactory(article=article, member=commenter, body=VISIBLE_COMMENT)
    hidden = CommentFactory(
        article=article, member=commenter, body=HIDDEN_COMMENT, status=Comment.Status.HIDDEN
    )
    pending = CommentFactory(
        article=article, member=commenter, body=PENDING_COMMENT, status=Comment.Status.PENDING
    )
    action = ModerationAction.objects.create(
        moderator=people["moderator"],
        action=ModerationAction.Action.HIDDEN,
        comment=hidden,
        member=commenter,
        reason="Off topic.",
    )
    phrase = HeldPhrase.objects.create(phrase="corridor spam", added_by=people["moderator"])
    # The editor's appeal (one click on it) and a sponsor with a running placement.
    appeal = AppealFactory()
    sponsor = SponsorFactory(name="Harrow & Vane")
    # A newsletter the commenter's address receives, and an issue that went to it.
    newsletter = NewsletterFactory(name="The Daily Brief")
    recipient = RecipientFactory(email=COMMENTER_EMAIL, newsletters=[newsletter])
    issue = Issue.objects.create(newsletter=newsletter, subject="Corridor talks, week one")
    delivery = Delivery.objects.create(issue=issue, recipient=recipient)
    return {
        "article": article,
        "other_draft": other_draft,
        "members_piece": members_piece,
        "subscribers_piece": subscribers_piece,
        "gift_link": GiftLink.objects.create(giver=people["subscriber"], article=subscribers_piece),
        "metered_read": MeteredRead.objects.create(
            member=people["reader"], article=members_piece, month=now.date(), slot=1
        ),
        "own_draft": own_draft,
        "scheduled": scheduled,
        "section": article.section,
        "source": source,
        "actor": actor_link.actor,
        "author": writer_profile,
        "page": Page.objects.create(title="About us", published=True),
        "unpublished_page": Page.objects.create(title="Careers"),
        "slot": HomeSlot.objects.create(position=1, article=article),
        "tag": Tag.objects.get(name="corridor talks"),
        "visible": visible,
        "hidden": hidden,
        "pending": pending,
        "commenter": commenter,
        "email_address": EmailAddress.objects.get(user=commenter),
        "suspension": Suspension.objects.get(member=people["suspended"]),
        "phrase": phrase,
        "action": action,
        "override": override,
        "deleted_version": deleted_version,
        "other_draft_version": Version.objects.get_for_object(other_draft).get(),
        "own_draft_version": Version.objects.get_for_object(own_draft).get(),
        "group": Group.objects.get(name="Writers"),
        "plan": people["subscriber"].subscriptions.get().plan,
        "subscription": people["subscriber"].subscriptions.get(),
        "stripe_event": StripeEvent.objects.create(
            event_id="evt_1SXm0000000001LqT8vR4mZc",
            type="customer.subscription.updated",
            created=timezone.now(),
        ),
        "stripe_sync": StripeSync.objects.create(stripe_subscription_id="sub_1SXk3bLqT8vR4m"),
        "other_writer": other_writer,
        "appeal": appeal,
        "appeal_click": AppealClick.objects.create(appeal=appeal),
        "sponsor": sponsor,
        "placement": PlacementFactory(sponsor=sponsor),
        "newsletter": newsletter,
        "recipient": recipient,
        "signup": recipient.signups.get(),
        "issue": issue,
        "delivery": delivery,
        "unsubscribe_token": newsletters.readers.unsubscribe_token(recipient.pk, newsletter.pk),
        "confirm_token": newsletters.readers.confirmation_token("new@example.net", [newsletter]),
        "digest_token": newsletters.digests.unsubscribe_token(recipient.pk),
        "task_result": DBTaskResult.objects.create(
            task_path="newsletters.tasks.send_batch",
            args_kwargs={"args": [issue.pk], "kwargs": {}},
            backend_name="default",
            run_after=timezone.now(),
            exception_class_path="",
            traceback="",
        ),
    }


@contextmanager
def world_for_a_module(django_db_blocker):
    """The people and their world built once, for every test of a module.

    Each test runs in its own savepoint inside this transaction, so what a test changes is
    undone before the next; the whole is rolled back when the module is done.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db import transaction

    from tests.roles import make_people

    with django_db_blocker.unblock(), transaction.atomic():
        people = make_people()
        world = build_world(people)
        world["article_type"] = ContentType.objects.get_for_model(Article).pk
        cache.clear()
        yield people, world
        transaction.set_rollback(True)
