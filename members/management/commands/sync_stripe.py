"""manage.py sync_stripe: make the calls to Stripe that wait outside requests (cron it)."""

from django.core.management.base import BaseCommand, CommandError

from members.billing import stripe_configured
from members.billing.sync import run_due_syncs


class Command(BaseCommand):
    help = (
        "Fetch from Stripe the subscriptions the webhook asked about, retrying the calls "
        "that failed. Run it every few minutes."
    )

    def handle(self, *args, **options):
        if not stripe_configured():
            raise CommandError(
                "Online payment is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET."
            )
        report = run_due_syncs()
        self.stdout.write(
            f"Synced {report.synced}, failed {report.failed} (tried again later), "
            f"given up {report.given_up}."
        )
