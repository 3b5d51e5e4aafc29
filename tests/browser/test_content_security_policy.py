"""The Content-Security-Policy holds in Chromium: public pages and the article desk (with
its rich-text editor) run without a single violation."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from tests.factories import (
    ArticleActorFactory,
    ArticleFactory,
    CommentFactory,
    MemberFactory,
    StaffFactory,
    SubscriptionFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery"
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, recording CSP violations (events and the console's 'Refused to …')."""
    console = []
    page.context.add_init_script(LISTEN)
    page.on("console", lambda message: console.append(message.text))

    def violations():
        events = page.evaluate("window.__violations")
        refused = [text for text in console if "Content Security Policy" in text]
        return events + refused

    page.violations = violations
    return page


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return response


def test_public_pages_run_without_a_policy_violation(watched, live_server):
    article = ArticleFactory(headline="The quiet channel", dek="Two capitals talk.")
    link = ArticleActorFactory(article=article, role="main")
    pages = [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        link.actor.get_absolute_url(),
        "/actors/graph/",
        "/search/?q=quiet",
        "/accounts/login/",
        "/accounts/signup/",
    ]
    for url in pages:
        response = visit(watched, live_server.url + url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert watched.violations() == []


def test_a_subscriber_reads_and_comments_without_a_policy_violation(watched, live_server):
    article = ArticleFactory(headline="The quiet channel")
    member = MemberFactory(email="priya@test.example", password=PASSWORD)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    SubscriptionFactory(member=member)
    CommentFactory(article=article, created_at=timezone.now() - datetime.timedelta(hours=1))
    visit(watched, f"{live_server.url}/accounts/login/")
    watched.fill("input[name=login]", member.email)
    watched.fill("input[name=password]", PASSWORD)
    watched.locator("form.account-form button[type=submit]").first.click()
    watched.wait_for_load_state("networkidle")
    visit(watched, live_server.url + article.get_absolute_url())
    assert watched.locator("#comments textarea").count() >= 1
    assert watched.violations() == []


def test_the_article_desk_and_its_editor_run_without_a_policy_violation(watched, live_server):
    # A superuser: the transactional test database has no groups (data migrations are flushed).
    StaffFactory(email="editor@test.example", is_superuser=True, password=PASSWORD)
    article = ArticleFactory(headline="The quiet channel")
    visit(watched, f"{live_server.url}/admin/login/")
    watched.fill("#id_username", "editor@test.example")
    watched.fill("#id_password", PASSWORD)
    watched.click("input[type=submit]")
    watched.wait_for_load_state("networkidle")
    response = visit(watched, f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert response.status == 200
    # The editor's module scripts ran: its toolbar is drawn around the body.
    assert watched.locator(".prose-editor .prose-menubar").count() >= 1
    assert "'unsafe-eval'" not in response.headers["content-security-policy"]
    visit(watched, f"{live_server.url}/admin/articles/article/add/")
    assert watched.violations() == []
