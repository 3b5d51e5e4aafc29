"""The newsletters' tasks, run by the queue's workers (``manage.py worker``); what they do
is ``newsletters.sending``."""

from django_tasks import task

from . import sending


@task
def plan_issue(issue_id: int) -> int:
    return sending.plan(issue_id)


@task
def send_batch(issue_id: int) -> int:
    return sending.send_batch(issue_id)


@task
def send_test(issue_id: int, member_id: int) -> None:
    sending.send_test(issue_id, member_id)


@task
def send_follow_digests() -> int:
    """Today's follow digests (run once a day: see docs/newsletters.md, "Follows")."""
    from . import digests

    return digests.send_all().sent
