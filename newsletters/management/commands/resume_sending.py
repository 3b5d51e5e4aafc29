"""``manage.py resume_sending [issue id …]``: pick up issues whose workers stopped.

Claims older than ``--stale-minutes`` go back to the queue; a reader whose message was being
handed to the mail server when the worker stopped is counted as failed, never sent twice
(``newsletters.sending.resume``). Without ids, every issue still Sending is resumed.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from ...models import Issue
from ...sending import STALE_CLAIM, resume


class Command(BaseCommand):
    help = "Resume the sending of issues whose workers stopped."

    def add_arguments(self, parser):
        parser.add_argument("issues", nargs="*", type=int, help="Issue ids (default: all sending).")
        parser.add_argument(
            "--stale-minutes",
            type=float,
            default=STALE_CLAIM.total_seconds() / 60,
            help="Claims at least this old belong to a stopped worker (default: %(default)s).",
        )

    def handle(self, *args, issues, stale_minutes, **options):
        found = Issue.objects.filter(status=Issue.Status.SENDING)
        if issues:
            found = found.filter(pk__in=issues)
        for issue in found:
            batches = resume(issue, stale_after=timedelta(minutes=stale_minutes))
            self.stdout.write(f"{issue.pk} {issue}: {batches} batch(es) queued.")
        if not found:
            self.stdout.write("No issue is being sent.")
