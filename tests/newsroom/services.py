"""Real services the outage tests stop and start, without touching the shared servers.

``TcpProxy`` stands between the app and a server (PostgreSQL, Redis): closing it cuts
every open connection and refuses new ones, as a stopped server does; opening it again on
the same port is the server coming back. ``RedisServer`` is a private ``redis-server`` on
a free port, killed and started again by the test.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from wsgiref.util import setup_testing_defaults

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, *, open_: bool = True, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if open_:
                    return
        except OSError:
            if not open_:
                return
        time.sleep(0.02)
    raise TimeoutError(f"port {port} did not {'open' if open_ else 'close'}")


class TcpProxy:
    """Forwards 127.0.0.1:<port> to ``upstream``; ``stop()`` is an outage."""

    def __init__(self, upstream_host: str, upstream_port: int):
        self.upstream = (upstream_host, upstream_port)
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> TcpProxy:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        wait_for_port(self.port, open_=False)

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class RedisServer:
    """A private redis-server that keeps nothing on disk."""

    def __init__(self, tmp_path):
        self.port = free_port()
        self.dir = tmp_path
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            message = "redis-server not found (apt-get install redis-server)"
            if IN_CI:
                pytest.fail(message)
            pytest.skip(message)
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None
        wait_for_port(self.port, open_=False)


@dataclass
class Served:
    status: int
    headers: dict[str, str]
    text: str


class WsgiServer:
    """Requests through Django's WSGI handler, as a real server sends them.

    The test client keeps one database connection for the whole test (it switches off
    Django's connection checks between requests); a server does not, and recovering from a
    database outage depends on those checks.
    """

    def __init__(self):
        from django.core.handlers.wsgi import WSGIHandler

        self.handler = WSGIHandler()

    def get(self, path: str, query: str = "") -> Served:
        environ: dict = {}
        setup_testing_defaults(environ)
        environ.update(PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET")
        started = {}

        def start_response(status, headers, exc_info=None):
            started.update(status=int(status.split()[0]), headers=dict(headers))

        result = self.handler(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()
        return Served(started["status"], started["headers"], body.decode())
