"""Stripe's webhook: signed events only, each applied once, in whatever order they arrive,
from their own data; what they do to a member's access."""

import datetime
import io
import json
import logging
import threading
import time

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.utils import timezone

from members.billing.webhooks import process_event
from members.models import StripeEvent, StripeSync, Subscription
from members.subscriptions import is_subscriber
from tests.factories import ArticleFactory, CommentFactory, MemberFactory, PlanFactory
from tests.members import stripe_doubles as fake
from tests.members.stripe_doubles import CUSTOMER_ID, SUBSCRIPTION_ID, post_event

pytestmark = pytest.mark.django_db

MONTHLY_PRICE = "price_1SXjzqLqT8vR4mZcMonthly8"
ANNUAL_PRICE = "price_1SXk0bLqT8vR4mZcAnnual80"
DAY = 24 * 3600


def moment(timestamp: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)


@pytest.fixture(autouse=True)
def _keys(stripe_keys):
    """Online payment on for every test here."""


@pytest.fixture
def monthly(db):
    return PlanFactory(name="Monthly", price="8.00", stripe_price_id=MONTHLY_PRICE)


@pytest.fixture
def annual(db):
    return PlanFactory(name="Annual", price="80.00", interval="year", stripe_price_id=ANNUAL_PRICE)


@pytest.fixture
def member(db):
    return MemberFactory(email="priya@test.example", stripe_customer_id=CUSTOMER_ID)


def now() -> int:
    return int(timezone.now().timestamp())


def subscription_event(type_="customer.subscription.updated", *, created, **fields):
    fields.setdefault("price_id", MONTHLY_PRICE)
    fields.setdefault("period_start", created - DAY)
    fields.setdefault("period_end", created + 29 * DAY)
    return fake.event(type_, fake.subscription(**fields), created)


def invoice_event(type_, *, created, paid, period_end=None, **fields):
    return fake.event(
        type_,
        fake.invoice(
            price_id=MONTHLY_PRICE,
            period_start=created,
            period_end=period_end or created + 30 * DAY,
            paid=paid,
            **fields,
        ),
        created,
    )


def stored() -> Subscription:
    return Subscription.objects.get(stripe_subscription_id=SUBSCRIPTION_ID)


@pytest.fixture
def running(client, member, monthly):
    """A monthly subscription, started online twenty days ago and recorded from its events."""
    created = now() - 20 * DAY
    response = post_event(
        client, subscription_event("customer.subscription.created", created=created)
    )
    assert response.status_code == 200
    return stored()


# --- Signatures -----------------------------------------------------------------------------


def test_a_forged_signature_is_refused_and_changes_nothing(client, member, monthly):
    event = subscription_event("customer.subscription.created", created=now())
    response = post_event(client, event, secret="whsec_someone_else")
    assert response.status_code == 400
    assert not Subscription.objects.exists()
    assert not StripeEvent.objects.exists()


def test_a_request_without_a_signature_is_refused(client, member, monthly):
    response = post_event(
        client, subscription_event("customer.subscription.created", created=now()), signature=""
    )
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_a_signature_for_another_payload_is_refused(client, running):
    honest = json.dumps(subscription_event(created=now(), cancel_at_period_end=False)).encode()
    forged = subscription_event(created=now(), status="canceled", ended_at=now())
    response = post_event(client, forged, signature=fake.signature_header(honest))
    assert response.status_code == 400
    assert stored().status == "active"


def test_an_expired_signature_is_refused_even_when_it_was_genuine(client, running):
    event = subscription_event(created=now(), status="canceled", ended_at=now())
    response = post_event(client, event, timestamp=int(time.time()) - 10 * 60)
    assert response.status_code == 400
    assert stored().status == "active"


def test_a_signature_dated_in_the_future_is_refused_even_when_it_is_genuine(client, running):
    event = subscription_event(created=now(), status="canceled", ended_at=now())
    response = post_event(client, event, timestamp=int(time.time()) + 10 * 60)
    assert response.status_code == 400
    assert stored().status == "active"


@pytest.mark.parametrize("created", [10**12, -(10**12), 2**63])
def test_a_signed_event_created_at_an_impossible_time_is_refused(client, running, created):
    event = subscription_event(created=now(), status="canceled", ended_at=now())
    event["created"] = created
    response = post_event(client, event)
    assert response.status_code == 400
    assert stored().status == "active"


def test_a_signed_body_that_is_not_an_event_is_refused(client):
    for payload in (b"not json at all", b"[1, 2, 3]", b'{"id": "evt_1", "type": "x"}', b"\xff\xfe"):
        response = client.post(
            fake.WEBHOOK_URL,
            data=payload,
            content_type="application/json",
            headers={"Stripe-Signature": fake.signature_header(payload)},
        )
        assert response.status_code == 400


def test_the_webhook_answers_only_posts(client):
    assert client.get(fake.WEBHOOK_URL).status_code == 405


def test_without_a_webhook_secret_every_event_is_refused(client, settings, member, monthly):
    settings.STRIPE_WEBHOOK_SECRET = ""
    event = subscription_event("customer.subscription.created", created=now())
    assert post_event(client, event, secret="").status_code == 400
    assert not Subscription.objects.exists()


# --- Once, and in any order -------------------------------------------------------------------


def test_a_replayed_event_answers_200_and_changes_nothing(client, running):
    cancel = subscription_event(created=now(), cancel_at_period_end=True)
    resume = subscription_event(created=now() + 60, cancel_at_period_end=False)
    assert post_event(client, cancel).status_code == 200
    assert post_event(client, resume).status_code == 200

    replay = post_event(client, cancel)
    assert replay.status_code == 200
    assert replay.json()["outcome"] == "already processed"
    assert stored().cancel_at_period_end is False
    assert StripeEvent.objects.filter(event_id=cancel["id"]).count() == 1


def test_an_older_update_arriving_late_does_not_undo_a_newer_one(client, running):
    t = now()
    newer = subscription_event(created=t, period_end=t + 30 * DAY)
    older = subscription_event(created=t - 3600, status="past_due", period_end=t - 3600 + DAY)
    post_event(client, newer)
    response = post_event(client, older)

    assert response.status_code == 200
    subscription = stored()
    assert subscription.status == "active"
    assert subscription.ends_at == moment(t + 30 * DAY)
    assert subscription.payment_failed_at is None


def test_the_first_news_of_a_subscription_never_overrides_later_news_of_the_same_second(
    client, member, monthly
):
    t = now()
    post_event(client, subscription_event("customer.subscription.updated", created=t))
    post_event(
        client,
        subscription_event("customer.subscription.created", created=t, status="incomplete"),
    )
    assert stored().status == "active"
    assert is_subscriber(member)


def test_a_cancelled_subscription_stays_cancelled_whatever_older_news_arrives(client, running):
    t = now()
    post_event(
        client,
        subscription_event(
            "customer.subscription.deleted", created=t, status="canceled", ended_at=t, canceled_at=t
        ),
    )
    post_event(client, subscription_event(created=t - 60))
    post_event(client, invoice_event("invoice.paid", created=t - 30, paid=True))
    assert stored().status == "cancelled"
    assert not is_subscriber(stored().member)


def test_a_late_payment_failure_does_not_override_a_later_payment(client, running):
    t = now()
    post_event(client, invoice_event("invoice.paid", created=t, paid=True))
    post_event(client, invoice_event("invoice.payment_failed", created=t - 600, paid=False))
    assert stored().status == "active"
    assert stored().payment_failed_at is None


# --- What the events do to access -------------------------------------------------------------


def test_a_cancellation_keeps_access_until_the_end_of_the_paid_period(client, running, clock):
    period_end = now() + 10 * DAY
    response = post_event(
        client,
        subscription_event(
            created=now(), period_end=period_end, cancel_at_period_end=True, canceled_at=now()
        ),
    )
    assert response.status_code == 200
    member = running.member
    assert stored().cancel_at_period_end

    clock.set(moment(period_end) - datetime.timedelta(seconds=1))
    assert is_subscriber(member)
    clock.set(moment(period_end))
    assert not is_subscriber(member)  # even before Stripe's "deleted" arrives

    post_event(
        client,
        subscription_event(
            "customer.subscription.deleted",
            created=period_end,
            status="canceled",
            period_end=period_end,
            cancel_at_period_end=True,
            canceled_at=period_end - 10 * DAY,
            ended_at=period_end,
        ),
    )
    assert stored().status == "cancelled"
    assert stored().ends_at == moment(period_end)
    assert not is_subscriber(member)


def test_a_cancellation_at_a_set_date_ends_access_then(client, running, clock):
    """The billing portal may set ``cancel_at`` instead of ``cancel_at_period_end``."""
    cancel_at = now() + 5 * DAY
    post_event(client, subscription_event(created=now(), cancel_at=cancel_at))
    assert stored().cancel_at_period_end
    assert stored().ends_at == moment(cancel_at)
    clock.set(moment(cancel_at))
    assert not is_subscriber(running.member)


def test_a_failed_payment_keeps_access_for_the_grace_period_only(client, running, clock, settings):
    settings.SUBSCRIPTION_GRACE_DAYS = 7
    failed_at = now()
    post_event(
        client,
        subscription_event(
            created=failed_at,
            status="past_due",
            period_start=failed_at,
            period_end=failed_at + 30 * DAY,
        ),
    )
    post_event(client, invoice_event("invoice.payment_failed", created=failed_at, paid=False))
    member = running.member
    assert stored().status == "past_due"
    assert stored().payment_failed_at == moment(failed_at)

    clock.set(moment(failed_at + 7 * DAY) - datetime.timedelta(seconds=1))
    assert is_subscriber(member)
    clock.set(moment(failed_at + 7 * DAY))
    assert not is_subscriber(member)


def test_stripe_retrying_the_payment_does_not_lengthen_the_grace_period(client, running):
    first = now() - 3 * DAY
    post_event(client, invoice_event("invoice.payment_failed", created=first, paid=False))
    post_event(client, invoice_event("invoice.payment_failed", created=first + 2 * DAY, paid=False))
    assert stored().payment_failed_at == moment(first)


def test_a_payment_that_goes_through_at_last_ends_the_grace_period(client, running, clock):
    failed_at = now() - 9 * DAY
    post_event(client, invoice_event("invoice.payment_failed", created=failed_at, paid=False))
    member = running.member
    assert not is_subscriber(member)  # the seven days are over

    paid_at = now()
    post_event(
        client,
        invoice_event("invoice.paid", created=paid_at, paid=True, period_end=paid_at + 30 * DAY),
    )
    assert stored().status == "active"
    assert stored().payment_failed_at is None
    assert stored().ends_at == moment(paid_at + 30 * DAY)
    assert is_subscriber(member)


def test_a_plan_changed_in_the_billing_portal_moves_the_subscription(client, running, annual):
    post_event(client, subscription_event(created=now(), price_id=ANNUAL_PRICE))
    assert stored().plan == annual


def test_complimentary_access_outlasts_the_end_of_a_paid_subscription(client, running):
    member = running.member
    Subscription.objects.create(
        member=member, plan=running.plan, source="complimentary", ends_at=None
    )
    t = now()
    post_event(
        client,
        subscription_event(
            "customer.subscription.deleted", created=t, status="canceled", ended_at=t, canceled_at=t
        ),
    )
    assert stored().status == "cancelled"
    assert is_subscriber(member)
    assert member.subscriptions.get(source="complimentary").status == "active"


# --- Unknown things ---------------------------------------------------------------------------


def test_an_event_about_an_unknown_customer_answers_200_and_is_logged(client, monthly, caplog):
    event = subscription_event(
        "customer.subscription.created", created=now(), customer="cus_Nobody0000000"
    )
    with caplog.at_level(logging.WARNING, logger="members.billing.webhooks"):
        response = post_event(client, event)
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert "cus_Nobody0000000" in caplog.text
    assert (
        StripeEvent.objects.get(event_id=event["id"]).outcome
        == "unknown customer cus_Nobody0000000"
    )


@pytest.mark.parametrize("type_", ["invoice.paid", "invoice.payment_failed"])
def test_an_invoice_for_an_unknown_subscription_answers_200_and_is_logged(client, type_, caplog):
    event = invoice_event(type_, created=now(), paid=True, subscription_id="sub_Unknown00000")
    with caplog.at_level(logging.WARNING, logger="members.billing.webhooks"):
        assert post_event(client, event).status_code == 200
    assert "sub_Unknown00000" in caplog.text


def test_a_deleted_subscription_never_seen_answers_200(client, member, monthly):
    t = now()
    event = subscription_event(
        "customer.subscription.deleted", created=t, status="canceled", ended_at=t
    )
    assert post_event(client, event).status_code == 200
    assert not Subscription.objects.exists()


def test_an_event_of_another_kind_is_recorded_and_ignored(client):
    event = fake.event("customer.updated", {"id": CUSTOMER_ID, "object": "customer"}, now())
    response = post_event(client, event)
    assert response.status_code == 200
    assert StripeEvent.objects.get(event_id=event["id"]).outcome == "not handled"


# --- Checkout and the subscription's own events ----------------------------------------------


def test_checkout_completed_first_then_the_subscription_events_give_the_real_period(
    client, member, monthly, stripe_api
):
    t = now()
    session = fake.checkout_session(member_id=member.pk, plan_id=monthly.pk)
    assert (
        post_event(client, fake.event("checkout.session.completed", session, t)).status_code == 200
    )
    assert is_subscriber(member)
    estimated = stored().ends_at

    real_end = t + 28 * DAY
    post_event(
        client,
        subscription_event(
            "customer.subscription.created", created=t - 1, period_start=t, period_end=real_end
        ),
    )
    assert Subscription.objects.count() == 1
    assert stored().ends_at == moment(real_end) != estimated
    assert stripe_api.calls == []  # the webhook never asked Stripe anything


def test_the_subscription_events_first_then_checkout_completed_makes_one_subscription(
    client, member, monthly
):
    t = now()
    post_event(
        client,
        subscription_event(
            "customer.subscription.created",
            created=t,
            status="incomplete",
            metadata={"member_id": str(member.pk), "plan_id": str(monthly.pk)},
        ),
    )
    assert not is_subscriber(member)
    session = fake.checkout_session(member_id=member.pk, plan_id=monthly.pk)
    post_event(client, fake.event("checkout.session.completed", session, t + 1))
    assert Subscription.objects.count() == 1
    assert is_subscriber(member)


def test_the_member_is_found_by_the_checkout_metadata_when_the_customer_is_new(client, monthly):
    member = MemberFactory()  # no Stripe customer on record yet
    session = fake.checkout_session(member_id=member.pk, plan_id=monthly.pk)
    post_event(client, fake.event("checkout.session.completed", session, now()))
    member.refresh_from_db()
    assert member.stripe_customer_id == CUSTOMER_ID
    assert is_subscriber(member)


def test_sync_stripe_fetches_the_subscription_the_webhook_could_not_know(
    client, member, monthly, stripe_api
):
    session = fake.checkout_session(member_id=member.pk, plan_id=monthly.pk)
    post_event(client, fake.event("checkout.session.completed", session, now()))
    assert StripeSync.objects.filter(done_at__isnull=True).count() == 1

    stripe_api.answer("GET", f"/v1/subscriptions/{SUBSCRIPTION_ID}", "subscription_retrieved.json")
    call_command("sync_stripe", stdout=io.StringIO())

    assert stored().ends_at == moment(1766725260)  # current_period_end of the recording
    assert StripeSync.objects.get().done_at is not None


def test_a_sync_that_cannot_reach_stripe_is_tried_again_later(client, member, monthly, stripe_api):
    session = fake.checkout_session(member_id=member.pk, plan_id=monthly.pk)
    post_event(client, fake.event("checkout.session.completed", session, now()))
    stripe_api.fail("GET", f"/v1/subscriptions/{SUBSCRIPTION_ID}")
    call_command("sync_stripe", stdout=io.StringIO())

    job = StripeSync.objects.get()
    assert job.done_at is None and job.attempts == 1
    assert job.next_attempt_at > timezone.now()
    assert is_subscriber(member)  # the estimate stands meanwhile

    call_command("sync_stripe", stdout=io.StringIO())  # not due yet: no call
    assert len(stripe_api.calls_to("GET", f"/v1/subscriptions/{SUBSCRIPTION_ID}")) == 1


def test_a_sync_for_a_subscription_stripe_does_not_know_is_given_up(
    client, member, monthly, stripe_api
):
    session = fake.checkout_session(member_id=member.pk, plan_id=monthly.pk)
    post_event(client, fake.event("checkout.session.completed", session, now()))
    stripe_api.answer(
        "GET", f"/v1/subscriptions/{SUBSCRIPTION_ID}", "subscription_missing.json", status=404
    )
    call_command("sync_stripe", stdout=io.StringIO())
    job = StripeSync.objects.get()
    assert job.done_at is not None
    assert "No such subscription" in job.last_error


# --- Done when -----------------------------------------------------------------------------------


def test_from_the_subscribe_page_to_the_discussion_and_out_again(client, stripe_api, monthly):
    """A reader goes to Checkout; a signed checkout.session.completed makes them a subscriber
    who reads the comments; a signed customer.subscription.deleted ends it; a forged event
    is refused and a replay is harmless."""
    reader = MemberFactory(email="reader@test.example")
    article = ArticleFactory()
    CommentFactory(article=article, body="Only subscribers read this remark.")
    stripe_api.answer("POST", "/v1/customers", "customer_created.json")
    stripe_api.answer("POST", "/v1/checkout/sessions", "checkout_session_created.json")
    client.force_login(reader)

    assert "Subscribe" in client.get("/subscribe/").content.decode()
    to_checkout = client.post("/subscribe/checkout/", {"plan": monthly.pk})
    assert to_checkout.status_code == 303
    assert to_checkout["Location"].startswith("https://checkout.stripe.com/")
    assert "Only subscribers read this remark." not in client.get(article.get_absolute_url()).text

    session = fake.checkout_session(member_id=reader.pk, plan_id=monthly.pk)
    completed = fake.event("checkout.session.completed", session, now())
    assert post_event(client, completed).status_code == 200
    assert "Only subscribers read this remark." in client.get(article.get_absolute_url()).text

    t = now() + 1
    deleted = subscription_event(
        "customer.subscription.deleted", created=t, status="canceled", ended_at=t, canceled_at=t
    )
    forged = post_event(client, deleted, secret="whsec_not_the_real_one")
    assert forged.status_code == 400
    assert "Only subscribers read this remark." in client.get(article.get_absolute_url()).text

    assert post_event(client, deleted).status_code == 200
    assert "Only subscribers read this remark." not in client.get(article.get_absolute_url()).text
    assert post_event(client, completed).status_code == 200  # a replay brings nothing back
    assert "Only subscribers read this remark." not in client.get(article.get_absolute_url()).text


# --- The same event twice at once ----------------------------------------------------------------


# Real transactions, committed; the database is emptied afterwards, as after every
# transactional test (flushing runs the post-migrate work again: content types, permissions,
# roles). SQLite has one writer.
concurrent_writers = pytest.mark.django_db(transaction=True)
if connection.vendor != "postgresql":
    concurrent_writers = pytest.mark.skip(reason="concurrent writers need PostgreSQL")


def deliver_at_once(*events) -> list[str]:
    """Process ``events`` in as many threads, released together (separate connections)."""
    from django.db import connections

    start = threading.Barrier(len(events))
    outcomes = []

    def deliver(event):
        try:
            start.wait()
            outcomes.append(process_event(event))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver, args=(event,)) for event in events]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@concurrent_writers
def test_the_same_event_delivered_twice_at_once_is_applied_once(monthly):
    member = MemberFactory(stripe_customer_id=CUSTOMER_ID)
    event = subscription_event("customer.subscription.created", created=now())

    outcomes = deliver_at_once(event, event)

    assert sorted(o == "already processed" for o in outcomes) == [False, True]
    assert Subscription.objects.filter(member=member).count() == 1
    assert StripeEvent.objects.count() == 1


@concurrent_writers
def test_checkout_and_subscription_events_at_once_make_one_subscription(monthly):
    member = MemberFactory(stripe_customer_id=CUSTOMER_ID)
    t = now()
    session = fake.checkout_session(member_id=member.pk, plan_id=monthly.pk)

    outcomes = deliver_at_once(
        fake.event("checkout.session.completed", session, t),
        subscription_event("customer.subscription.created", created=t),
    )

    assert len(outcomes) == 2
    assert Subscription.objects.filter(member=member).count() == 1
    assert StripeEvent.objects.count() == 2
    assert is_subscriber(member)


def test_an_event_the_database_refuses_answers_503_and_is_applied_when_sent_again(
    client, member, monthly, monkeypatch
):
    event = subscription_event("customer.subscription.created", created=now())

    def refuse(self, *args, **kwargs):
        raise IntegrityError("new row violates a check constraint")

    with monkeypatch.context() as patched:
        patched.setattr(Subscription, "save", refuse)
        response = post_event(client, event)
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert not StripeEvent.objects.filter(event_id=event["id"]).exists()
    assert post_event(client, event).status_code == 200
    assert stored().member == member
