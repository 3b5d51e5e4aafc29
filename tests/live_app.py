"""The application as production runs it, for tests that need real concurrency: gunicorn,
two worker processes with several threads each, over the test database.

On PostgreSQL the server uses the test database itself (tests that use it must be
transactional, so that it sees what they wrote). SQLite's test database lives in memory,
where no other process can reach it: it is copied to a file for the server and copied back
when the server stops, so the test reads what the server wrote either way.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url(tmp_path: Path) -> str:
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        server = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        return f"postgres://{credentials}@{server}/{db['NAME']}"
    if connection.vendor == "sqlite":
        path = tmp_path / "live.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=WAL")
        copy.close()
        return f"sqlite:///{path}"
    raise NotImplementedError(connection.vendor)


def _copy_back(url: str) -> None:
    if connection.vendor != "sqlite":
        return
    served = sqlite3.connect(url.removeprefix("sqlite:///"))
    connection.ensure_connection()
    served.backup(connection.connection)
    served.close()


@contextmanager
def app_server(tmp_path: Path, **environment: str):
    """Serve the app on a free local port and yield its base URL; ``environment`` overrides
    settings read from the environment (e.g. ``COMMENTS_MIN_INTERVAL_SECONDS="20"``)."""
    port = _free_port()
    database_url = _database_url(tmp_path)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DATABASE_REPLICA_URL")
    }
    env.update(
        DATABASE_URL=database_url,
        CONN_MAX_AGE="0",
        DEBUG="true",
        PAGE_CACHE="false",
        SECRET_KEY=settings.SECRET_KEY,
        **environment,
    )
    log = open(tmp_path / "server.log", "w+")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--worker-class=gthread",
            "--threads=8",
            "--timeout=60",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server, log)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    _copy_back(database_url)


def _wait_until_up(base: str, server: subprocess.Popen, log, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"The app server stopped:\n{log.read()}")
        try:
            if Browser(base).get("/robots.txt").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("The app server did not answer within 30 seconds.")


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    text: str
    seconds: float


@dataclass
class Browser:
    """One visitor: keeps cookies, never follows redirects, one connection per request."""

    base: str
    cookies: dict[str, str] = field(default_factory=dict)

    def _send(self, method: str, path: str, body: bytes | None = None, headers=None) -> Reply:
        netloc = urlsplit(self.base).netloc
        started = time.monotonic()
        conn = http.client.HTTPConnection(netloc, timeout=60)
        try:
            sent = {"Host": netloc, **(headers or {})}
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    for name, morsel in SimpleCookie(value).items():
                        self.cookies[name] = morsel.value
            headers = {k.lower(): v for k, v in response.getheaders()}
            return Reply(response.status, headers, text, time.monotonic() - started)
        finally:
            conn.close()

    def get(self, path: str) -> Reply:
        return self._send("GET", path)

    def post(self, path: str, data) -> Reply:
        body = urlencode(data, doseq=True).encode()
        return self._send("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})


def csrf_token(page: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, "no CSRF token on the page"
    return match.group(1)


def session_of(member) -> dict[str, str]:
    """The cookies of a visitor logged in as ``member``, made with a test client of its own
    (logging another member in on the same client would end the first one's session).
    Call it before the server starts: on SQLite it serves a copy of the database taken
    then."""
    client = Client()
    client.force_login(member)
    name = settings.SESSION_COOKIE_NAME
    return {name: client.cookies[name].value}
