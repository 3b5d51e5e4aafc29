"""The in-process half of ``make bench``: SQL queries per page, search timings, mentions.

Run by bench/run.py with the benchmark's environment; prints one JSON object.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.search import search  # noqa: E402
from articles.search.forms import SearchForm  # noqa: E402
from bench.run import PROXY_HEADERS, SEARCH_QUERIES  # noqa: E402

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def queries(client: Client, url: str) -> int:
    client.get(url)  # warm: renditions, caches of the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[max(0, round(len(values) * share) - 1)]


def main() -> None:
    client = Client(headers=PROXY_HEADERS)
    public = Article.objects.public()
    article = public.order_by("-publish_at").first()
    pages = {"article": article.get_absolute_url(), "search": "/search/?q=summit+budget"}
    figures = {
        "articles": public.count(),
        "pages": pages,
        "queries": {
            "article": queries(client, pages["article"]),
            "home": queries(client, "/"),
            "search": queries(client, pages["search"]),
        },
    }

    subscriber = _subscriber_session()
    if subscriber:
        busy_url, cookie, session_client = subscriber
        pages["busy_article"] = busy_url
        figures["subscriber_cookie"] = cookie
        figures["queries"]["busy_article_subscriber"] = queries(session_client, busy_url)

    reader = _reader_session()
    if reader:
        cookie, session_client = reader
        figures["reader_cookie"] = cookie
        figures["queries"]["article_reader"] = queries(session_client, pages["article"])

    # The search itself, ranked afresh every time: the search page keeps the results of a
    # query (articles.views.search_results_part), which wrk's repeated requests measure.
    timings = []
    for _ in range(5):
        for query in SEARCH_QUERIES:
            criteria = SearchForm({"q": query}).criteria()
            started = time.perf_counter()
            results = search(criteria)
            timings.append((time.perf_counter() - started) * 1000)
            assert results.page.object_list
    figures["search"] = {
        "queries": len(timings),
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
    }
    figures["mentions"] = _mentions()
    print(json.dumps(figures))


def _subscriber_session():
    """The corpus's busiest article and a logged-in subscriber's session cookie, if both exist."""
    try:
        from bench.corpus import busy_article_and_subscriber
    except ImportError:
        return None
    found = busy_article_and_subscriber()
    if not found:
        return None
    article, member = found
    return (article.get_absolute_url(), *_logged_in(member))


def _reader_session():
    """A logged-in reader's session cookie: a free account, who is shown no comments."""
    try:
        from bench.corpus import free_reader
    except ImportError:
        return None
    member = free_reader()
    return _logged_in(member) if member else None


def _logged_in(member):
    """A session cookie for ``member`` (for wrk) and a test client logged in with it."""
    session_client = Client(headers=PROXY_HEADERS)
    session_client.force_login(member)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={session_client.cookies[name].value}", session_client


def _mentions():
    try:
        from actors.benchmark import measure
    except ImportError:
        return None
    return measure(actors=10_000, words=5_000, runs=30)


if __name__ == "__main__":
    main()
