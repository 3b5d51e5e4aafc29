"""Send today's follow digests: at most one e-mail a day to each member who follows
something, with what was published since their previous one. Safe to run again (or after
a crash): no member gets two digests the same day."""

from django.core.management.base import BaseCommand

from newsletters import digests


class Command(BaseCommand):
    help = "Send today's follow digests (at most one per member a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the sending as a task for the worker instead of sending now.",
        )

    def handle(self, *args, queue=False, **options):
        if queue:
            from newsletters.tasks import send_follow_digests

            send_follow_digests.enqueue()
            self.stdout.write("Queued today's follow digests.")
            return
        outcome = digests.send_all()
        self.stdout.write(
            f"Sent {outcome.sent} digest(s); {outcome.already} already sent today, "
            f"{outcome.nothing_new} with nothing new, {outcome.unreachable} unreachable, "
            f"{outcome.failed} refused by the mail server."
        )
