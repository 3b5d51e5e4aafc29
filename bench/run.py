"""``make bench``: requests per second, latency and SQL queries of Newsroom's hot pages.

In one sitting, on this machine, against gunicorn (2 sync workers) with production settings
on PostgreSQL: a bare Django view as the yardstick, the anonymous article page with the
reader cache on and off, the home page, a subscriber's article page with 300 comments and
the search page; then search timings over the corpus and the mention finder. Prints one table
and writes the same figures as JSON under bench/results/.

The corpus lives in its own database (BENCH_DATABASE_URL, default newsroom_bench on the
local PostgreSQL) and is built once with ``make_corpus``; later runs reuse it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/newsroom_bench"
# Production settings redirect plain http to https unless the proxy in front says the
# reader's request came over https: every request to gunicorn here says so.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
SEARCH_QUERIES = [
    "summit",
    "budget promises",
    "quiet channel",
    "sanctions energy",
    "allies region",
    "elections",
    "ammunition brigades",
    "communiqué",
    "diplomats privately",
    "border guarantees",
]


def production_env(database_url: str, page_cache: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "REDIS_URL"}}
    env.update(
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-not-for-production-0123456789abcdef",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(ROOT / "bench" / "media"),
        PAGE_CACHE="true" if page_cache else "false",
        # wrk searches thousands of times a second from one address: measure search, not
        # the rate limit that would answer most of those requests with 429.
        RATE_LIMIT_SEARCH="",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=None,
        check=True,
    )
    return result.stdout


def ensure_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


class Gunicorn:
    """gunicorn (2 sync workers) serving ``app`` (in bench/wsgi.py) with ``env``, on
    127.0.0.1:``port``."""

    def __init__(self, env: dict[str, str], port: int = PORT, app: str = "application"):
        self.env = env
        self.app = app
        self.port = port
        self.base = f"http://127.0.0.1:{port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                f"bench.wsgi:{self.app}",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        for _ in range(100):
            try:
                ready = urllib.request.Request(
                    self.base + "/__bench__/bare/", headers=PROXY_HEADERS
                )
                urllib.request.urlopen(ready, timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        # Never leave a server behind (it would hold the port, and our output pipe).
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer on {self.base}")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_REQUESTS = re.compile(r"(\d+) requests in ")
WRK_PERCENTILE = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)")
WRK_SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)
# Printed by bench/status.lua: every answer other than 200 (wrk itself lets 3xx pass).
WRK_NOT_OK = re.compile(r"Responses other than 200: (\d+)")


def to_ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(
    path: str,
    duration: int,
    headers: dict[str, str] | None = None,
    *,
    base: str = BASE,
    connections: int = 16,
    count_statuses: bool = False,
) -> dict:
    """Run wrk on ``base + path`` and read its figures. With ``count_statuses``,
    bench/status.lua counts every answer that is not a 200 (redirects included)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    for name, value in {**PROXY_HEADERS, **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    if count_statuses:
        command += ["-s", str(ROOT / "bench" / "status.lua")]
    output = subprocess.run(
        [*command, base + path], text=True, capture_output=True, check=True
    ).stdout
    percentiles = {p: to_ms(v, u) for p, v, u in WRK_PERCENTILE.findall(output)}
    errors = [e for e in WRK_ERRORS.findall(output) if any(e)]
    socket_errors = WRK_SOCKET_ERRORS.search(output)
    not_ok = WRK_NOT_OK.search(output)
    return {
        "rps": float(WRK_RATE.search(output).group(1)),
        "requests": int(WRK_REQUESTS.search(output).group(1)),
        "p50_ms": percentiles.get("50"),
        "p99_ms": percentiles.get("99"),
        "errors": bool(errors),
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        "not_ok": int(not_ok.group(1)) if not_ok else None,
    }


def in_process_figures(env: dict[str, str]) -> dict:
    """Query counts per page, search timings and the mention finder, measured in-process."""
    script = ROOT / "bench" / "measure.py"
    result = subprocess.run(
        [PYTHON, str(script)], cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, check=True
    )
    return json.loads(result.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    args = parser.parse_args(argv)

    if not shutil.which("wrk"):
        print("make bench needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    ensure_database(database_url)
    env_on = production_env(database_url, page_cache=True)
    env_off = production_env(database_url, page_cache=False)

    print(f"Preparing {database_url} …", file=sys.stderr)
    manage(env_on, "migrate", "--noinput", "-v0")
    manage(env_on, "collectstatic", "--noinput", "-v0")
    if "corpus" not in manage(
        env_on,
        "shell",
        "-c",
        "from bench.corpus import corpus_exists; print('corpus' if corpus_exists() else '')",
    ):
        manage(env_on, "make_corpus", "--articles", str(args.articles))
    measured = in_process_figures(env_off)
    pages = measured["pages"]

    rows = []
    with Gunicorn(env_on):
        bare = wrk("/__bench__/bare/", args.duration)
        rows.append(("bare Django view", bare, 0))
        rows.append(
            (
                "article, anonymous, cache on",
                wrk(pages["article"], args.duration),
                measured["queries"]["article"],
            )
        )
        rows.append(
            ("home, anonymous, cache on", wrk("/", args.duration), measured["queries"]["home"])
        )
    with Gunicorn(env_off):
        rows.append(
            (
                "article, anonymous, cache off",
                wrk(pages["article"], args.duration),
                measured["queries"]["article"],
            )
        )
        rows.append(
            ("home, anonymous, cache off", wrk("/", args.duration), measured["queries"]["home"])
        )
        if pages.get("busy_article") and measured.get("subscriber_cookie"):
            rows.append(
                (
                    "article, subscriber, 300 comments, cache off",
                    wrk(
                        pages["busy_article"],
                        args.duration,
                        {"Cookie": measured["subscriber_cookie"]},
                    ),
                    measured["queries"].get("busy_article_subscriber"),
                )
            )
        rows.append(
            (
                "search page, anonymous, cache off",
                wrk(pages["search"], args.duration),
                measured["queries"]["search"],
            )
        )

    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "articles": measured["articles"],
        "pages": [
            {
                "page": name,
                **figures,
                "ratio_to_bare": figures["rps"] / bare["rps"],
                "queries": queries,
            }
            for name, figures, queries in rows
        ],
        "search": measured["search"],
        "mentions": measured["mentions"],
    }
    print_table(report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = report["when"].replace(":", "").replace("-", "")
    for path in (out / f"bench-{stamp}.json", out / "latest.json"):
        path.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nFigures written to {out / 'latest.json'}")
    return 0


def print_table(report: dict) -> None:
    print(f"\nNewsroom benchmark — {report['when']} — {report['articles']:,} public articles")
    print("gunicorn, 2 sync workers, production settings, PostgreSQL; wrk 2 threads × 16 conn.\n")
    header = f"{'page':<46}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'× bare':>8}{'SQL':>5}"
    print(header)
    print("-" * len(header))
    for row in report["pages"]:
        print(
            f"{row['page']:<46}{row['rps']:>9.0f}{row['p50_ms'] or 0:>9.1f}"
            f"{row['p99_ms'] or 0:>9.1f}{row['ratio_to_bare']:>8.1%}"
            f"{'' if row['queries'] is None else row['queries']:>5}"
        )
    search = report["search"]
    print(
        f"\nsearch over {report['articles']:,} articles: p50 {search['p50_ms']:.1f} ms, "
        f"p95 {search['p95_ms']:.1f} ms ({search['queries']} queries)"
    )
    mentions = report["mentions"]
    if mentions:
        print(
            f"mention finder, {mentions['words']:,} words × {mentions['actors']:,} actors: "
            f"median {mentions['median_ms']:.1f} ms, max {mentions['max_ms']:.1f} ms"
        )


if __name__ == "__main__":
    sys.exit(main())
