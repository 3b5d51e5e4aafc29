"""A real worker process (``manage.py worker``) killed with SIGKILL while it sends an issue,
then the sending resumed: every reader receives the issue once at most, and all of them
but the one being handed over at the moment of the kill exactly once."""

import ast
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tests.newsletters.smtp import smtp_server

ROOT = Path(__file__).resolve().parents[2]
READERS = 60

SETUP = f"""
from articles.models import Article
from newsletters import sending
from newsletters.models import Issue, IssuePiece, Newsletter
from newsletters.readers import PendingSignup, confirm
letter = Newsletter.objects.create(name="The Daily Brief", description="Daily.")
for i in range({READERS}):
    confirm(PendingSignup(f"reader{{i}}@example.org", [letter]))
piece = Article.objects.create(headline="Talks resume", body="<p>Text.</p>", status="published")
issue = Issue.objects.create(newsletter=letter, subject="Monday")
IssuePiece.objects.create(issue=issue, article=piece)
sending.start_sending(issue)
"""

REPORT = """
from collections import Counter
from newsletters.models import Delivery
print(dict(Counter(Delivery.objects.values_list("status", flat=True))))
"""


def manage(env, *args, timeout=120):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def test_a_killed_worker_sends_nobody_the_issue_twice(tmp_path):
    with smtp_server(delay=0.03) as inbox:
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}},
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "TASKS_BACKEND": "database",
            "NEWSLETTER_BATCH_SIZE": "20",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(inbox.port),
            "EMAIL_USE_TLS": "false",
            "LOG_LEVEL": "WARNING",
        }
        manage(env, "migrate", "-v0")
        manage(env, "shell", "-c", SETUP)

        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "-v0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        while len(inbox.messages) < 25 and time.monotonic() < deadline:
            time.sleep(0.01)
        worker.kill()  # SIGKILL: nothing of the worker runs after this
        worker.wait(timeout=30)
        received_before = len(inbox.messages)
        assert 25 <= received_before < READERS, "killed in the middle of the sending"

        manage(env, "resume_sending", "--stale-minutes", "0")
        manage(env, "worker", "--batch", "-v0")
        report = manage(env, "shell", "-c", REPORT).stdout.strip().splitlines()[-1]
        statuses = ast.literal_eval(report)

    counts = Counter(inbox.recipients)
    assert max(counts.values()) == 1, "nobody received the issue twice"
    assert len(counts) >= READERS - 1
    assert statuses.get("failed", 0) <= 1, "at most the one being handed over"
    assert statuses.get("sent", 0) + statuses.get("failed", 0) == READERS
    assert statuses.get("sent") == len(counts) or statuses.get("sent") == len(counts) - 1
