"""The task queue: the database queue by default, run by ``manage.py worker``; RQ when
REDIS_URL (or TASKS_BACKEND=rq) says so, tried on the local Redis when there is one; a
wrong TASKS_BACKEND refused by name."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.core.cache import cache
from django.core.management import call_command
from django_tasks import TaskResultStatus

from tests.newsroom.queued import leave_note
from tests.newsroom.test_settings_and_health import settings_under

ROOT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_the_embedded_default_queues_in_the_database_and_redis_switches_to_rq():
    result = settings_under({}, "[s.TASKS_BACKEND, s.TASKS['default']['BACKEND']]")
    assert json.loads(result.stdout) == ["database", "django_tasks_db.DatabaseBackend"]
    result = settings_under(
        {"REDIS_URL": "redis://r:6379/1"},
        "[s.TASKS['default']['BACKEND'], 'django_rq' in s.INSTALLED_APPS]",
    )
    assert json.loads(result.stdout) == ["django_tasks_rq.RQBackend", True]


def test_a_wrong_backend_or_rq_without_redis_is_refused_by_name():
    wrong = settings_under({"TASKS_BACKEND": "celery"}, "s.TASKS")
    assert wrong.returncode != 0 and "TASKS_BACKEND must be one of" in wrong.stderr
    no_redis = settings_under({"TASKS_BACKEND": "rq"}, "s.TASKS")
    assert no_redis.returncode != 0 and "needs REDIS_URL" in no_redis.stderr


# The worker closes its database connection after each task, as a long-running process
# should: the test's data is committed rather than held in a transaction it would end.
@pytest.mark.django_db(transaction=True)
def test_a_queued_task_waits_for_the_worker_and_runs_once(settings):
    settings.TASKS = DATABASE_QUEUE
    result = leave_note.enqueue("from the queue")
    assert result.status == TaskResultStatus.READY
    assert cache.get("queued-note") is None, "nothing runs in the caller"

    call_command("worker", batch=True, verbosity=0)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert cache.get("queued-note") == "from the queue"
    cache.delete("queued-note")
    call_command("worker", batch=True, verbosity=0)
    assert cache.get("queued-note") is None, "a finished task is not run again"


REDIS = "redis://127.0.0.1:6379/14"


def _redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _run(env: dict[str, str], *args: str) -> str:
    """A fresh process under ``env`` (settings are read once per process): its output."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _django(env: dict[str, str], code: str) -> str:
    return _run(env, "-c", f"import django; django.setup(); {code}")


@pytest.mark.skipif(not _redis_answers(), reason="no Redis on 127.0.0.1:6379: RQ not tried")
def test_on_redis_a_task_waits_for_an_rq_worker_and_runs_once(tmp_path):
    env = {"REDIS_URL": REDIS, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    note = "from django.core.cache import cache; print(cache.get('queued-note'))"
    redis.Redis.from_url(REDIS).flushdb()
    try:
        task_id = _django(
            env,
            "from tests.newsroom.queued import leave_note; print(leave_note.enqueue('via rq').id)",
        )
        assert _django(env, note) == "None", "nothing runs in the caller"

        _run(env, "manage.py", "worker", "--batch", "--verbosity", "0")

        assert _django(env, note) == "via rq"
        status = _django(
            env,
            "from tests.newsroom.queued import leave_note; "
            f"print(leave_note.get_result({task_id!r}).status)",
        )
        assert status == "SUCCESSFUL"
        _django(env, "from django.core.cache import cache; cache.delete('queued-note')")
        _run(env, "manage.py", "worker", "--batch", "--verbosity", "0")
        assert _django(env, note) == "None", "a finished task is not run again"
    finally:
        redis.Redis.from_url(REDIS).flushdb()
