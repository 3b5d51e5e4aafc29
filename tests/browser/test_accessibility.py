"""Every kind of page, read by axe-core in Chromium: no serious or critical violation.

The demo publication is loaded once; every public page kind, the account forms and the
comment forms (post, reply, edit, delete, report, each opened) are checked in the light and dark
colour schemes at desktop and phone widths. A table of violations per page and impact is
printed at the end of the run, pass or fail.
"""

import collections
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from comments.models import Comment
from demo.loader import load_demo
from members.models import Member

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-reading-lamp"
SUBSCRIBER = "subscriber@example.com"
IMPACTS = ("critical", "serious", "moderate", "minor")
BLOCKING = {"critical", "serious"}
MODES = [
    ("light", 1280),
    ("dark", 1280),
    ("light", 390),
    ("dark", 390),
]


@pytest.fixture
def publication():
    """The demo publication, plus a fresh reply of the subscriber's in the first thread (so
    an edit form shows), and the address of one page of every kind."""
    load_demo(PASSWORD)
    subscriber = Member.objects.get(email=SUBSCRIBER)
    article = max(
        Article.objects.public().select_related("section"),
        key=lambda piece: Comment.objects.filter(article=piece).count(),
    )
    first_thread = Comment.objects.visible().filter(article=article, parent=None).first()
    Comment.objects.create(
        article=article,
        parent=first_thread,
        member=subscriber,
        body="A careful piece; the second half persuaded me.",
        created_at=timezone.now(),
    )
    actor = article.actor_links.select_related("actor").first().actor
    citation = article.citations.select_related("source").first()
    author = article.authors.first()
    tag = article.tags.first()
    word = actor.name.split()[-1]
    return {
        "public": [
            ("home", "/"),
            ("article", article.get_absolute_url()),
            ("section", article.section.get_absolute_url()),
            ("tag", f"/tags/{tag.slug}/"),
            ("author", author.get_absolute_url()),
            ("actor index", "/actors/"),
            ("actor", actor.get_absolute_url()),
            ("actor graph", "/actors/graph/"),
            ("source index", "/sources/"),
            ("source", citation.source.get_absolute_url()),
            ("search, results", f"/search/?q={word}"),
            ("search, none", "/search/?q=zzyzx+quillwort"),
            ("subscribe", "/subscribe/"),
            ("404", "/articles/no-such-piece/"),
            ("footer page", "/pages/about/"),
            ("log-in", "/accounts/login/"),
            ("sign-up", "/accounts/signup/"),
            ("password reset", "/accounts/password/reset/"),
        ],
        "article": article.get_absolute_url(),
    }


def violations(page) -> list[dict]:
    return Axe().run(page).response["violations"]


def test_no_page_or_form_has_a_serious_or_critical_axe_violation(
    browser, live_server, publication, figures
):
    found = collections.defaultdict(collections.Counter)  # page -> impact -> nodes
    blocking = []

    def check(page, label, mode):
        # Closed <details> hide the reply, edit, delete and report forms from axe: open them.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        for violation in violations(page):
            found[label][violation["impact"]] += len(violation["nodes"])
            if violation["impact"] in BLOCKING:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                blocking.append(
                    f"{label} ({mode}): {violation['id']} [{violation['impact']}] "
                    f"{violation['help']} — {targets}"
                )
        found[label]["checked"] += 1

    for scheme, width in MODES:
        mode = f"{scheme}, {width}px"
        context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        for label, url in publication["public"]:
            page.goto(live_server.url + url)
            check(page, label, mode)

        # A log-in refused: the form with its error.
        page.goto(live_server.url + "/accounts/login/")
        page.fill("input[name=login]", f"nobody-{scheme}-{width}@example.com")
        page.fill("input[name=password]", "not-the-password")
        page.locator("form.account-form button[type=submit]").click()
        page.locator(".errorlist, [role=alert]").first.wait_for()
        check(page, "log-in, refused", mode)

        # The subscriber: the article with its discussion and every comment form, the profile.
        page.fill("input[name=login]", SUBSCRIBER)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form.account-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/accounts/profile/"))
        check(page, "profile", mode)
        page.goto(live_server.url + publication["article"])
        page.get_by_label("Add a comment").wait_for()
        # The forms open on demand (comments.js fetches each under its comment): a reply
        # under the first thread, the subscriber's own reply in edit, a report under the
        # second thread; then the deletion question in place of the edit.
        threads = page.locator("#comment-list > .comment-thread")
        threads.nth(0).locator("[data-action=reply]").first.click()
        own = page.locator("article.comment", has=page.locator("[data-action=edit]"))
        own.locator("[data-action=edit]").click()
        threads.nth(1).locator("[data-action=report]").first.click()
        expect(page.get_by_label(re.compile("^Your reply to"))).to_have_count(1)
        expect(page.get_by_label("Edit your comment")).to_have_count(1)
        expect(page.get_by_label("Why should a moderator look at this comment?")).to_have_count(1)
        check(page, "article, subscriber, comment forms", mode)
        own.locator("[data-action=delete]").click()
        expect(page.get_by_text("Delete this comment?")).to_be_visible()
        check(page, "article, subscriber, delete question", mode)
        context.close()

    rows = [
        f"{label:<36}" + "".join(f"{counts[impact]:>10}" for impact in IMPACTS)
        for label, counts in found.items()
    ]
    totals = collections.Counter()
    for counts in found.values():
        totals.update(counts)
    figures(
        f"axe-core: violations (elements) per page, {len(MODES)} modes each "
        f"({'; '.join(f'{s} {w}px' for s, w in MODES)})",
        [
            f"{'page':<36}" + "".join(f"{impact:>10}" for impact in IMPACTS),
            *rows,
            f"{'all ' + str(totals['checked']) + ' checks':<36}"
            + "".join(f"{totals[impact]:>10}" for impact in IMPACTS),
        ],
    )
    assert not blocking, "\n".join(blocking)
