"""``make load``: wrk with 64 connections for 60 seconds on the article and home pages.

gunicorn (2 sync workers) with production settings on PostgreSQL — the database named by
LOAD_DATABASE_URL (default newsroom_load on the local server), holding the demo publication
(``seed_demo``, safe to run again). Every request says ``X-Forwarded-Proto: https``, as the
production proxy does. Prints requests per second, latency p50 and p99 and the errors of each
page, and exits with status 1 when there is any error: an answer other than 200 (redirects
included) or a socket error (connect, read, write, timeout).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import urllib.request

import psycopg

from bench.run import PORT, PROXY_HEADERS, Gunicorn, ensure_database, manage, production_env, wrk

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/newsroom_load"
NEWEST_ARTICLE = (
    "from articles.models import Article; "
    "print(Article.objects.public().order_by('-publish_at').first().get_absolute_url())"
)


def prepare(database_url: str) -> tuple[dict[str, str], str]:
    """Migrate, collect static files and load the demo; the environment and the article."""
    ensure_database(database_url)
    env = production_env(database_url, page_cache=True)
    print(f"Preparing {database_url} …", file=sys.stderr)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "seed_demo", "-v0")
    article = manage(env, "shell", "-v0", "-c", NEWEST_ARTICLE).strip()
    return env, article


def answers_200(url: str) -> bool:
    request = urllib.request.Request(url, headers=PROXY_HEADERS)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status == 200 and response.url == url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per page")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args(argv)

    if not shutil.which("wrk"):
        print("make load needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    database_url = os.environ.get("LOAD_DATABASE_URL", DEFAULT_DB)
    try:
        env, article = prepare(database_url)
    except psycopg.OperationalError as error:
        print(f"make load needs PostgreSQL at {database_url}: {error}", file=sys.stderr)
        return 2
    pages = [("article", article), ("home", "/")]

    rows = []
    with Gunicorn(env, port=args.port) as server:
        for name, path in pages:
            if not answers_200(server.base + path):
                print(f"{path} does not answer 200 before the load: failing.", file=sys.stderr)
                return 1
            print(f"wrk on {path} …", file=sys.stderr)
            figures = wrk(
                path,
                args.duration,
                base=server.base,
                connections=args.connections,
                count_statuses=True,
            )
            rows.append((f"{name} {path}", figures))

    print(
        f"\nmake load — gunicorn, 2 sync workers, production settings, PostgreSQL, demo content;"
        f"\nwrk 2 threads × {args.connections} connections × {args.duration} s per page, "
        f"X-Forwarded-Proto: https.\n"
    )
    header = (
        f"{'page':<56}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'not 200':>9}{'socket':>8}"
    )
    print(header)
    print("-" * len(header))
    failed = False
    for name, figures in rows:
        print(
            f"{name:<56}{figures['requests']:>10}{figures['rps']:>9.0f}"
            f"{figures['p50_ms'] or 0:>9.1f}{figures['p99_ms'] or 0:>9.1f}"
            f"{figures['not_ok']:>9}{figures['socket_errors']:>8}"
        )
        failed = failed or bool(figures["not_ok"] or figures["socket_errors"])
    errors = sum(f["not_ok"] + f["socket_errors"] for _, f in rows)
    print(f"\n{errors} errors.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
