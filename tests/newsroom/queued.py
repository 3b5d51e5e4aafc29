"""A task for the queue's own tests: it leaves a note in the cache."""

from django.core.cache import cache
from django_tasks import task


@task
def leave_note(text: str) -> str:
    cache.set("queued-note", text)
    return text
