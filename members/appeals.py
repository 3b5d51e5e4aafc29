"""The editor's appeal: which one an article shows, and what came of it.

- Which: ``appeal_for(section_id)`` — among the appeals running now, one for the article's
  section before one for every section, then the one started last. The appeals that have
  not ended are kept in the cache (no query on a warm page) and forgotten whenever an
  appeal or a signing author changes; pages that show an appeal are refreshed too.
- Who sees it: ``members.subscriptions.sees_appeal`` (readers who do not subscribe).
- Clicks: the appeal's link goes through ``/appeals/<id>/follow/``, which records an
  ``AppealClick`` and sends the reader on to ``/subscribe/``. The click carries the member
  when they are logged in, or when they log in later in the same browser (a signed cookie
  of its own, never a session).
- Conversions: whatever creates or updates a subscription (the desk in the admin, the
  payment system), the first save that gives a member access links their latest
  unconverted click of the ``ATTRIBUTION_DAYS`` days before it started.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from web import reader_cache
from web.bots import counts
from web.schedules import CachedSchedule

from .models import Appeal, AppealClick, Subscription
from .subscriptions import current_subscription

ATTRIBUTION_DAYS = 30
SCHEDULE = CachedSchedule(
    "members:appeals", "appeals", lambda: Appeal.objects.select_related("signed_by")
)
PAGE_TAG = SCHEDULE.page_tag
CLICK_COOKIE = "appeal_click"


# --- Which appeal a page shows ----------------------------------------------------------------


def appeal_for(section_id: int | None, at: datetime | None = None) -> Appeal | None:
    """The appeal an article of section ``section_id`` shows at ``at`` (default: now)."""
    at = at or timezone.now()
    candidates = [
        appeal
        for appeal in SCHEDULE.unended(at)
        if appeal.is_running(at) and (not appeal.section_ids or section_id in appeal.section_ids)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda a: (bool(a.section_ids), a.starts_at, a.pk))


def next_appeal_change(at: datetime | None = None) -> datetime | None:
    """The next moment an appeal starts or ends: a stored page is kept no longer."""
    return SCHEDULE.next_change(at or timezone.now())


# --- Clicks and conversions ---------------------------------------------------------------------


def record_click(request, appeal: Appeal) -> AppealClick | None:
    """Count one follow of ``appeal``'s link (a reader's, see ``web.bots.counts``)."""
    if not counts(request):
        return None
    member = request.user if request.user.is_authenticated else None
    return AppealClick.objects.create(appeal=appeal, member=member)


def remember_click(response, click: AppealClick) -> None:
    """Keep an anonymous reader's click in a signed cookie of its own, for their log-in.

    Not in the session: a session cookie would take the reader off the cached pages for as
    long as it lasts."""
    response.set_signed_cookie(
        CLICK_COOKIE,
        str(click.pk),
        salt=CLICK_COOKIE,
        max_age=ATTRIBUTION_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def claim_click(sender, request, user, **kwargs) -> None:
    """On log-in (``user_logged_in``): the click remembered in this browser is the member's."""
    if request is None:
        return
    click_id = request.get_signed_cookie(
        CLICK_COOKIE, default="", salt=CLICK_COOKIE, max_age=ATTRIBUTION_DAYS * 24 * 3600
    )
    if not click_id.isdigit():
        return
    AppealClick.objects.filter(pk=int(click_id), member__isnull=True).update(member=user)
    attribute_subscription_of(user)


def attribute_subscription(subscription: Subscription, at: datetime | None = None) -> None:
    """Link the member's latest unconverted appeal click to ``subscription`` once it makes
    them a subscriber, and only once per subscription. Only a click made before the
    subscription started counts: a subscriber who follows the link later (logged out, say)
    was not brought in by it."""
    at = at or timezone.now()
    # The saved subscription itself must give access now (not an old one saved again).
    if not Subscription.objects.current(at).filter(pk=subscription.pk).exists():
        return
    if AppealClick.objects.filter(subscription=subscription).exists():
        return
    click = (
        AppealClick.objects.filter(
            member_id=subscription.member_id,
            subscription__isnull=True,
            clicked_at__gt=subscription.starts_at - timedelta(days=ATTRIBUTION_DAYS),
            clicked_at__lte=subscription.starts_at,
        )
        .order_by("-clicked_at", "-pk")
        .first()
    )
    if click is None:
        return
    AppealClick.objects.filter(pk=click.pk, subscription__isnull=True).update(
        subscription=subscription, converted_at=at
    )


def attribute_subscription_of(member, at: datetime | None = None) -> None:
    """A member already subscribed when their click is claimed at log-in (rare: they paid
    in another session first) has that subscription linked too."""
    subscription = current_subscription(member, at)
    if subscription is not None:
        attribute_subscription(subscription, at)


def subscription_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        attribute_subscription(instance)


def connect() -> None:
    """Wire the signals (called once, from ``MembersConfig.ready``)."""
    from django.contrib.auth.signals import user_logged_in
    from django.db.models.signals import post_save

    from articles.models import AuthorProfile

    def shown_appeals(changed):
        # Pages showing an appeal, and the cached list of appeals, go stale together.
        return (PAGE_TAG,)

    # The signature shows the author's byline and title.
    for model in (Appeal, AuthorProfile):
        reader_cache.stale_when_changed(model, shown_appeals)
    reader_cache.stale_when_m2m_changed(Appeal.sections.through, shown_appeals)
    post_save.connect(subscription_saved, sender=Subscription, dispatch_uid="appeals-conversion")
    user_logged_in.connect(claim_click, dispatch_uid="appeals-claim-click")
