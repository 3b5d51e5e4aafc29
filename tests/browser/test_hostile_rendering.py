"""The hostile corpus in real Chromium: no script runs, no dialog opens.

Every string of ``tests/hostile.py`` that is markup or a script address lands in the
fields of a few pieces (headlines, standfirsts, bodies, captions, credits, tags, actors,
sources, bylines, display names and comments); every page that shows them is loaded as an
anonymous visitor and as a subscriber. The payloads set ``window.__hostile`` or call
``alert``: the flag must stay unset and no dialog may open.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from django.utils.html import escape

from actors.models import ActorAlias
from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    CommentFactory,
    MemberFactory,
    SectionFactory,
    SourceFactory,
    SubscriptionFactory,
)
from tests.hostile import FLAG, STORABLE, fit

pytestmark = pytest.mark.django_db(transaction=True)

PAYLOADS = [
    text
    for text in STORABLE
    if any(mark in text.lower() for mark in (FLAG, "alert", "<", "javascript", "data:"))
    and len(text) < 500
]


@pytest.fixture
def hostile_site(settings):
    settings.COMMENTS_PREMODERATE_FIRST = False
    section = SectionFactory(name="Hostile desk")
    author = AuthorFactory(byline=fit(PAYLOADS[0], 120))
    subscriber = MemberFactory(email="subscriber@test.example", display_name=PAYLOADS[1][:60])
    SubscriptionFactory(member=subscriber)
    pieces = []
    for n in range(0, len(PAYLOADS), 10):
        batch = PAYLOADS[n : n + 10]
        text = batch[0]
        article = ArticleFactory(
            headline=fit(text, 200),
            dek=" ".join(batch),
            body="".join(f"<p>{escape(t)}</p>{t}" for t in batch),
            section=section,
            lead_image_caption=fit(batch[-1], 300),
            lead_image_credit_text=fit(batch[1 % len(batch)], 200),
            tags=[fit(t, 100) for t in batch],
        )
        BylineFactory(article=article, author=author)
        for m, payload in enumerate(batch):
            actor = ActorFactory(name=fit(payload, 200), title=fit(payload, 200))
            ActorAlias.objects.create(actor=actor, name=fit(f"{payload} alias", 200))
            ArticleActorFactory(article=article, actor=actor)
            CitationFactory(
                article=article,
                source=SourceFactory(name=fit(f"{n + m} {payload}", 200)),
                note=fit(payload, 300),
            )
            commenter = MemberFactory(email=f"c{n + m}@test.example", display_name=fit(payload, 60))
            CommentFactory(article=article, member=commenter, body=payload)
        pieces.append(article)
    return {"section": section, "author": author, "subscriber": subscriber, "pieces": pieces}


def pages_of(site) -> list[str]:
    first = site["pieces"][0]
    actor = first.actor_links.first().actor
    source = first.citations.first().source
    tag = first.tags.first()
    urls = [
        "/",
        site["section"].get_absolute_url(),
        site["author"].get_absolute_url(),
        "/actors/",
        actor.get_absolute_url(),
        "/sources/",
        source.get_absolute_url(),
        f"/tags/{tag.slug}/",
        "/search/?q=" + quote(PAYLOADS[0]),
        "/search/?q=script",
    ]
    return urls + [piece.get_absolute_url() for piece in site["pieces"]]


def visit_all(page, base: str, urls: list[str]) -> list[str]:
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran = []
    for url in urls:
        response = page.goto(base + url, wait_until="load")
        assert response.status < 500, url
        if page.evaluate(f"() => Boolean(window.{FLAG})"):
            ran.append(url)
    assert not dialogs, f"dialogs opened: {dialogs}"
    return ran


def test_no_hostile_string_runs_script_for_anonymous_visitors(page, live_server, hostile_site):
    assert len(PAYLOADS) >= 100
    ran = visit_all(page, live_server.url, pages_of(hostile_site))
    assert not ran, f"script ran on {ran}"


def test_no_hostile_string_runs_script_in_the_discussion(page, live_server, hostile_site):
    client = Client()
    client.force_login(hostile_site["subscriber"])
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    urls = [piece.get_absolute_url() for piece in hostile_site["pieces"]]

    ran = visit_all(page, live_server.url, urls)

    assert not ran, f"script ran on {ran}"
    # The discussion was there to be attacked: the subscriber read the comments.
    assert page.locator(".comment-list .comment").count() >= 1
