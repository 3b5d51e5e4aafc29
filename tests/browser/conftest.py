"""Headless Chromium through Playwright, on Debian's /usr/bin/chromium.

Locally the browser tests are skipped, with a message, when Chromium is missing; with
CI=true a missing Chromium is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory, StaffFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Playwright's sync API runs an event loop in this thread; the live server's database
# work happens in its own thread, so Django's async-safety guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    result = yield
    # Now that ``-m`` has chosen (``make test BROWSER_TESTS=no`` leaves them out), a missing
    # Chromium matters only when browser tests are still to run.
    if HAVE_CHROMIUM or not any("browser" in item.keywords for item in items):
        return result
    if IN_CI:
        raise pytest.UsageError(f"CI=true and Chromium is missing at {CHROMIUM}: failing.")
    skip = pytest.mark.skip(
        reason="Chromium not found: browser tests skipped (apt-get install chromium)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
    return result


FIGURES = pytest.StashKey[list]()


@pytest.fixture
def figures(request):
    """Record a table to print at the end of the run, whether the test passes or fails (CI
    logs show the figures): ``figures(title, lines)``."""
    tables = request.config.stash.setdefault(FIGURES, [])
    return lambda title, lines: tables.append((title, list(lines)))


def pytest_terminal_summary(terminalreporter, config):
    for title, lines in config.stash.get(FIGURES, []):
        terminalreporter.write_sep("-", title)
        for line in lines:
            terminalreporter.write_line(line)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_in_call = report.failed
    return report


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    if getattr(request.node, "failed_in_call", False):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()


# --- Editors on the article change form (edit conflicts, autosave, presence) ----------

PASSWORD = "a-long-reading-lamp"
BODY = (
    "<h2>Back channels</h2><p>The channel ran through Vienna for a decade.</p>"
    "<p>Nobody in Bratislava spoke of it in public.</p>"
)


@pytest.fixture
def piece(db):
    return ArticleFactory(
        headline="The quiet channel",
        dek="How two capitals talk.",
        body=BODY,
        status=Article.Status.DRAFT,
        publish_at=None,
    )


@pytest.fixture
def editors(db):
    return [
        StaffFactory(
            email=f"{name.lower()}@test.example",
            display_name=f"{name} Kovács",
            password=PASSWORD,
            # Superusers: the transactional test database has no groups (data migrations
            # are flushed). Writers and editors meet the same rule in test_edit_conflicts.py.
            is_superuser=True,
        )
        for name in ("Ana", "Bela")
    ]


@pytest.fixture
def contexts(browser):
    """Browser windows of their own (one per editor), closed before the server stops."""
    opened = []

    def new_context():
        opened.append(browser.new_context(viewport={"width": 1280, "height": 900}))
        return opened[-1]

    yield new_context
    for context in opened:
        context.close()


def open_change_form(new_context, live_server, editor, article):
    context = new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/{article.pk}/change/")
    page.fill("input[name=username]", editor.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#id_headline")).to_have_value(article.headline)
    return page
