"""``manage.py worker``: run the tasks queued by the site (newsletters going out), with
the worker of the configured queue (``TASKS_BACKEND``).

"database" runs django-tasks' database worker (``db_worker``) over our own database; "rq"
runs an RQ worker on REDIS_URL with the job class django-tasks needs. Start as many as the
sending needs, on as many machines: each takes the next task nobody else holds. Stops on
Ctrl-C or SIGTERM once its current task is over.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run the task worker of the configured queue (TASKS_BACKEND)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run every task waiting now, then stop (RQ's burst mode on the RQ queue).",
        )

    def handle(self, *args, batch=False, **options):
        verbosity = options["verbosity"]
        if settings.TASKS_BACKEND == "database":
            call_command(
                "db_worker",
                queue_name="*",
                reload=False,
                batch=batch,
                startup_delay=False,
                verbosity=verbosity,
            )
        elif settings.TASKS_BACKEND == "rq":
            call_command(
                "rqworker",
                *settings.RQ_QUEUES,
                job_class="django_tasks_rq.Job",
                burst=batch,
                verbosity=verbosity,
            )
        else:
            raise CommandError(
                f"TASKS_BACKEND={settings.TASKS_BACKEND} runs tasks where they are queued: "
                "there is no worker to start."
            )
