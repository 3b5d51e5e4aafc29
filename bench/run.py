"""``make bench``: requests per second, latency and SQL queries of Newsroom's hot pages.

In one sitting, on this machine, against gunicorn (2 sync workers) with production settings
on PostgreSQL, measured with wrk (2 threads × 16 connections): the yardstick, a separate
bare Django project (``bench/yardstick/``: only ``SecurityMiddleware`` and
``CommonMiddleware``, one view answering 20 kB of HTML); our own stack answering an empty
view; the anonymous article and home pages with the reader cache on and off; a logged-in
reader's article page (a free account: no comments shown); a subscriber's article page
with 300 comments; and the search page (one query, repeated: its kept results). Every page
is measured in each of ``--rounds`` rounds, the yardstick first in each, and its ratio to
the yardstick is taken within its round. Then, in-process, search itself over the corpus
(ranked afresh every time) and the mention finder. Prints one table and writes the same
figures as JSON under bench/results/.

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
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
# The three servers of one run: the yardstick, and ours with the reader cache on and off.
YARDSTICK_PORT, CACHE_ON_PORT, CACHE_OFF_PORT = 8764, 8765, 8766
YARDSTICK_APP = "bench.yardstick.wsgi:application"
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
    """gunicorn (2 sync workers) serving ``app`` (in bench/wsgi.py, or a whole
    ``module:app`` such as the yardstick's) with ``env``, on 127.0.0.1:``port``; ready once
    ``ready_path`` answers."""

    def __init__(
        self,
        env: dict[str, str],
        port: int = PORT,
        app: str = "application",
        ready_path: str = "/__bench__/bare/",
    ):
        self.env = env
        self.app = app if ":" in app else f"bench.wsgi:{app}"
        self.port = port
        self.ready_path = ready_path
        self.base = f"http://127.0.0.1:{port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                self.app,
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
                ready = urllib.request.Request(self.base + self.ready_path, headers=PROXY_HEADERS)
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


class Row:
    """One line of the table: a page, the server that answers it, what wrk sends."""

    def __init__(self, name, base, path, queries=None, headers=None):
        self.name, self.base, self.path = name, base, path
        self.queries, self.headers = queries, headers or {}
        self.rounds: list[dict] = []

    def measure(self, duration: int) -> dict:
        return wrk(self.path, duration, self.headers, base=self.base)

    def warm(self) -> None:
        """Fill both workers' caches (the reader cache, renditions, compiled templates) and
        check that every answer is a 200: a redirect to the log-in page measures nothing."""
        figures = wrk(
            self.path, 2, self.headers, base=self.base, connections=4, count_statuses=True
        )
        if figures["not_ok"] or figures["socket_errors"]:
            raise RuntimeError(f"{self.name}: {self.path} does not answer 200 every time")


def figures_of(row: Row) -> dict:
    """The row's figures over the rounds: the median round's latency, requests per second
    and ratio to the yardstick as median and minimum, and every round kept."""
    rates = [r["rps"] for r in row.rounds]
    ratios = [r["ratio_to_bare"] for r in row.rounds]
    median_round = sorted(row.rounds, key=lambda r: r["rps"])[len(row.rounds) // 2]
    return {
        "page": row.name,
        **median_round,
        "rps": statistics.median(rates),
        "rps_min": min(rates),
        "requests": sum(r["requests"] for r in row.rounds),
        "p50_ms": statistics.median(r["p50_ms"] or 0 for r in row.rounds),
        "p99_ms": statistics.median(r["p99_ms"] or 0 for r in row.rounds),
        "errors": any(r["errors"] for r in row.rounds),
        "socket_errors": sum(r["socket_errors"] for r in row.rounds),
        "ratio_to_bare": statistics.median(ratios),
        "ratio_to_bare_min": min(ratios),
        "queries": row.queries,
        "rounds": row.rounds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument(
        "--rounds", type=int, default=3, help="times every page is measured (default 3)"
    )
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
    pages, queries = measured["pages"], measured["queries"]

    yardstick = Gunicorn(env_off, YARDSTICK_PORT, YARDSTICK_APP, ready_path="/")
    cache_on = Gunicorn(env_on, CACHE_ON_PORT)
    cache_off = Gunicorn(env_off, CACHE_OFF_PORT)
    bare = Row("yardstick: bare Django project, 20 kB page", yardstick.base, "/", 0)
    rows = [
        bare,
        Row("our stack, empty view (2 bytes)", cache_off.base, "/__bench__/bare/", 0),
        Row("article, anonymous, cache on", cache_on.base, pages["article"], queries["article"]),
        Row("home, anonymous, cache on", cache_on.base, "/", queries["home"]),
        Row("article, anonymous, cache off", cache_off.base, pages["article"], queries["article"]),
        Row("home, anonymous, cache off", cache_off.base, "/", queries["home"]),
    ]
    if measured.get("reader_cookie"):
        rows.append(
            Row(
                "article, logged-in reader (free account)",
                cache_on.base,
                pages["article"],
                queries.get("article_reader"),
                {"Cookie": measured["reader_cookie"]},
            )
        )
    if pages.get("busy_article") and measured.get("subscriber_cookie"):
        rows.append(
            Row(
                "article, subscriber, 300 comments",
                cache_on.base,
                pages["busy_article"],
                queries.get("busy_article_subscriber"),
                {"Cookie": measured["subscriber_cookie"]},
            )
        )
    rows.append(
        Row(
            "search page, anonymous, a repeated query",
            cache_off.base,
            pages["search"],
            queries["search"],
        )
    )

    load_before = os.getloadavg()
    with yardstick, cache_on, cache_off:
        for row in rows:
            row.warm()
        for number in range(1, args.rounds + 1):
            print(f"Round {number} of {args.rounds} …", file=sys.stderr)
            for row in rows:
                figures = row.measure(args.duration)
                if row is not bare:
                    figures["ratio_to_bare"] = figures["rps"] / bare.rounds[-1]["rps"]
                else:
                    figures["ratio_to_bare"] = 1.0
                row.rounds.append(figures)

    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "articles": measured["articles"],
        "rounds": args.rounds,
        "duration_s": args.duration,
        "load_average": {"before": load_before[0], "after": os.getloadavg()[0]},
        "cpus": os.cpu_count(),
        "pages": [figures_of(row) for row in rows],
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
    print(
        "gunicorn, 2 sync workers, production settings, PostgreSQL; wrk 2 threads × 16 conn., "
        f"{report['duration_s']} s × {report['rounds']} rounds; load average "
        f"{report['load_average']['before']:.1f} before, {report['load_average']['after']:.1f} "
        f"after, on {report['cpus']} CPUs."
    )
    print("req/s, p50, p99: median of the rounds; × bare: ratio to the yardstick within each")
    print("round, median (minimum).\n")
    header = (
        f"{'page':<44}{'req/s':>8}{'min':>7}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'× bare':>8}{'(min)':>8}{'SQL':>5}"
    )
    print(header)
    print("-" * len(header))
    for row in report["pages"]:
        print(
            f"{row['page']:<44}{row['rps']:>8.0f}{row['rps_min']:>7.0f}{row['p50_ms']:>8.1f}"
            f"{row['p99_ms']:>8.1f}{row['ratio_to_bare']:>8.1%}{row['ratio_to_bare_min']:>8.1%}"
            f"{'' if row['queries'] is None else row['queries']:>5}"
        )
    search = report["search"]
    print(
        f"\nsearch over {report['articles']:,} articles, ranked afresh: "
        f"p50 {search['p50_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms "
        f"({search['queries']} queries)"
    )
    mentions = report["mentions"]
    if mentions:
        print(
            f"mention finder, {mentions['words']:,} words × {mentions['actors']:,} actors: "
            f"median {mentions['median_ms']:.1f} ms, max {mentions['max_ms']:.1f} ms"
        )


if __name__ == "__main__":
    sys.exit(main())
