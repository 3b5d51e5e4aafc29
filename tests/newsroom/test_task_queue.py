"""The task queue: the database queue by default, run by ``manage.py worker``; RQ when
REDIS_URL (or TASKS_BACKEND=rq) says so; a wrong TASKS_BACKEND refused by name."""

import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django_tasks import TaskResultStatus

from tests.newsroom.queued import leave_note
from tests.newsroom.test_settings_and_health import settings_under

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
