"""Production settings: check --deploy is clean, HTTPS is enforced behind a proxy, every
response carries the security headers, static files collect, errors carry request ids."""

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-secret-key-for-the-test-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "news.example.org",
}


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "STATIC_ROOT"}
        # set by the browser tests for themselves; check --deploy rightly refuses it
        and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_reports_nothing_in_production_settings():
    result = manage(PRODUCTION, "check", "--deploy", "--fail-level", "DEBUG")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_would_complain_about_the_embedded_default():
    result = manage({}, "check", "--deploy")
    assert "security.W018" in result.stderr  # DEBUG on: the check itself works


def test_collectstatic_works_in_production_settings(tmp_path):
    result = manage({**PRODUCTION, "STATIC_ROOT": str(tmp_path)}, "collectstatic", "--noinput")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("css/site.*.css"))  # hashed names
    assert list(tmp_path.glob("django_prose_editor/editor.*.js"))
    assert list(tmp_path.glob("css/site.*.css.gz"))  # compressed


SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def assert_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        assert response[name] == value, name
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "nonce-" not in policy


@pytest.mark.django_db
def test_every_kind_of_response_carries_the_security_headers(client, settings):
    settings.PAGE_CACHE = True
    article = ArticleFactory()
    first = client.get(article.get_absolute_url())
    cached = client.get(article.get_absolute_url())
    assert cached["X-Reader-Cache"] == "hit"
    responses = [
        first,
        cached,
        client.get("/no-such-page/"),
        client.get("/static/css/site.css"),
        client.get("/accounts/login/"),
        client.get("/healthz"),
        client.get("/feeds/latest/"),
    ]
    for response in responses:
        assert_security_headers(response)


@pytest.mark.django_db
def test_public_pages_allow_our_stylesheet_only(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "style-src 'self';" in policy + ";"


@pytest.mark.django_db
def test_the_article_desk_may_run_its_editors_import_map_and_nothing_else(client, settings):
    from tests.factories import StaffFactory

    client.force_login(StaffFactory(is_superuser=True))
    article = ArticleFactory()
    response = client.get(f"/admin/articles/article/{article.pk}/change/")
    html = response.content.decode()
    assert '<script type="importmap"' in html
    policy = response["Content-Security-Policy"]
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert script_src.split()[1:] == ["'self'", script_src.split()[2]]
    assert script_src.split()[2].startswith("'sha256-")
    assert "unsafe-eval" not in policy


def test_no_template_of_ours_holds_inline_script_or_event_handlers():
    import re

    inline = re.compile(r"<script(?![^>]*(src=|application/ld\+json))[^>]*>|\son[a-z]+=\"", re.I)
    for path in (ROOT / "templates").rglob("*.html"):
        assert not inline.search(path.read_text()), path


# --- HTTPS behind a proxy ---------------------------------------------------------------


@pytest.fixture
def https_enforced(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, https_enforced):
    response = client.get("/actors/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/actors/"


@pytest.mark.django_db
def test_the_proxys_https_is_trusted_and_answered_with_hsts(client, https_enforced):
    response = client.get("/actors/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    assert "includeSubDomains" in response["Strict-Transport-Security"]


@pytest.mark.django_db
def test_load_balancers_may_probe_the_health_check_over_http(client, https_enforced):
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_cookies_are_secure_behind_the_proxy(client, https_enforced):
    response = client.get("/accounts/login/", headers={"X-Forwarded-Proto": "https"})
    assert response.cookies["csrftoken"]["secure"]


def test_production_turns_https_enforcement_on_and_the_default_leaves_it_off():
    expression = (
        "[s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER]"
    )
    code = f"import json, newsroom.settings as s; print(json.dumps({expression}))"
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    run = lambda env: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True
    ).stdout.decode()
    assert run(PRODUCTION).strip() == (
        '[true, 31536000, true, true, ["HTTP_X_FORWARDED_PROTO", "https"]]'
    )
    assert run({}).strip().startswith("[false, 0, false, false")


# --- Request ids and errors ---------------------------------------------------------------


@pytest.mark.django_db
def test_every_response_has_its_own_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


@pytest.mark.django_db
def test_without_a_trusted_proxy_the_clients_request_id_is_replaced(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    response = client.get("/healthz", headers={"X-Request-ID": "forged-by-the-client-01"})
    assert response["X-Request-ID"] != "forged-by-the-client-01"
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_a_sane_request_id_from_the_proxy_is_kept_and_anything_else_replaced(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a9c21-0001"})
    assert kept["X-Request-ID"] == "lb-7f3a9c21-0001"
    for hostile in ["<script>alert(1)</script>", "a b c d e f g h", "x" * 200, "short"]:
        response = client.get("/healthz", headers={"X-Request-ID": hostile})
        assert response["X-Request-ID"] != hostile
        assert len(response["X-Request-ID"]) == 32


@pytest.fixture
def server_error(monkeypatch, client):
    from articles.views import HomeView

    def explode(self, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(HomeView, "get_context_data", explode)
    client.raise_request_exception = False
    return client


@pytest.fixture
def console_log():
    """What the configured console handler writes (the LOGGING of settings.py)."""
    handler = logging.getLogger("django.request").handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_server_error_is_logged_with_the_request_id_shown_on_the_500_page(
    server_error, console_log, settings
):
    settings.TRUSTED_PROXY_COUNT = 1  # the id comes from our proxy
    response = server_error.get("/", headers={"X-Request-ID": "reader-report-0042"})
    assert response.status_code == 500
    assert "reader-report-0042" in response.content.decode()
    assert response["X-Request-ID"] == "reader-report-0042"
    logged = console_log.getvalue()
    assert "[reader-report-0042]" in logged
    assert "Internal Server Error: /" in logged and "RuntimeError: secret internals" in logged
    assert "secret internals" not in response.content.decode()


def test_log_lines_outside_a_request_carry_a_dash():
    from web.request_id import RequestIdFilter

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_with_stripe_on_forms_may_lead_to_checkout_and_the_billing_portal_only():
    # Our subscribe and account forms are answered with a 303 to Stripe, and browsers hold
    # the redirect of a form to form-action too.
    shown = manage(
        {**PRODUCTION, "STRIPE_SECRET_KEY": "sk_test_x", "STRIPE_WEBHOOK_SECRET": "whsec_x"},
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; "
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']))",
    )
    assert shown.stdout.split() == [
        "'self'",
        "https://checkout.stripe.com",
        "https://billing.stripe.com",
    ]
