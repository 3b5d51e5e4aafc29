"""Following in Chromium: an anonymous reader is invited to sign up, a member follows an
actor from its page with the button (no script needed) and unfollows it, and the digest
that follows is read as a mail client would show its HTML."""

import datetime
import os
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import expect

from newsletters import digests
from newsletters.models import Follow
from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    MemberFactory,
    SectionFactory,
)

# Transactional: the live server reads what the test writes.
pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
SHOTS = Path(os.environ.get("FOLLOW_SHOTS", "/tmp/follows"))
WIDTHS = (390, 1280)


def shoot(page, name: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"{name}-{width}.png")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def actor():
    actor = ActorFactory(name="Olena Marchenko", title="Foreign minister")
    section = SectionFactory(name="Diplomacy")
    piece = ArticleFactory(
        headline="Talks resume in Geneva",
        section=section,
        publish_at=timezone.now() - datetime.timedelta(days=2),
    )
    ArticleActorFactory(article=piece, actor=actor)
    return actor


def test_a_member_follows_an_actor_and_receives_the_digest(page, live_server, actor, mailoutbox):
    url = f"{live_server.url}{actor.get_absolute_url()}"
    page.goto(url)
    invite = page.get_by_role("link", name="Sign up to follow")
    expect(invite).to_be_visible()
    shoot(page, "actor-anonymous")

    member = MemberFactory(email="reader@example.com", password=PASSWORD)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    page.goto(f"{live_server.url}/accounts/login/?next={actor.get_absolute_url()}")
    page.fill("input[name=login]", member.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(actor.get_absolute_url())))

    page.get_by_role("button", name="Follow", exact=True).click()
    expect(page).to_have_url(url)
    following = page.get_by_role("button", name="Following Olena Marchenko: unfollow")
    expect(following).to_be_visible()
    shoot(page, "actor-following")
    assert Follow.objects.filter(member=member, actor=actor).exists()

    Follow.objects.update(created_at=timezone.now() - datetime.timedelta(days=1))
    new = ArticleFactory(headline="A ceasefire map, line by line", section=SectionFactory())
    ArticleActorFactory(article=new, actor=actor)
    assert digests.send_all().sent == 1
    [message] = mailoutbox
    html = message.alternatives[0][0]
    page.goto("about:blank")  # out of the site's Content-Security-Policy, as a mail client
    page.set_content(html)
    expect(page.get_by_role("link", name="A ceasefire map, line by line")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Talks resume in Geneva")
    shoot(page, "digest-email")

    page.goto(url)
    following.click()
    expect(page.get_by_role("button", name="Follow", exact=True)).to_be_visible()
    assert not Follow.objects.exists()
