"""``manage.py seed_demo``: load The Meridian Review's demo accounts and content.

Safe to run on every start (``make run`` does): a second run duplicates nothing and ends with
the same content. ``--password`` sets the password of every demo account; without it they get
``DEFAULT_PASSWORD``, which the Makefile imports from here to print. This module imports no
models at load time, so reading the constant needs no configured Django.
"""

import time

from django.core.management.base import BaseCommand, CommandError

DEFAULT_PASSWORD = "newsroom-demo"


class Command(BaseCommand):
    help = "Load the demo accounts and content of The Meridian Review (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f'Password for every demo account (default: "{DEFAULT_PASSWORD}").',
        )

    def handle(self, *args, password, verbosity, **options):
        from demo.loader import load_demo

        if not password:
            raise CommandError("The demo accounts need a non-empty password.")
        started = time.monotonic()
        result = load_demo(password)
        elapsed = time.monotonic() - started
        if verbosity == 0:
            return

        counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
        self.stdout.write(f"Demo content loaded in {elapsed:.1f} s: {counts}.")
        self.stdout.write("")
        width = max(len(account.email) for account in result.accounts) + 2
        self.stdout.write(self.style.MIGRATE_HEADING(f"{'E-mail':<{width}}Role"))
        for account in result.accounts:
            self.stdout.write(f"{account.email:<{width}}{account.role}")
        self.stdout.write("")
        self.stdout.write(f"Password for every demo account: {password}")
