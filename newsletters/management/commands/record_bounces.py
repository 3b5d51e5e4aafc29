"""``manage.py record_bounces <file>``: mark addresses that bounce or complain as dead.

The file holds one address a line, optionally followed by a comma and the reason (as a mail
provider's export of bounces gives them); blank lines and lines starting with # are skipped.
A dead address gets no newsletter until its owner confirms a sign-up again.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...readers import mark_dead


class Command(BaseCommand):
    help = "Mark the addresses listed in a file (one a line, then optionally ', reason') dead."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The list of addresses; - reads standard input.")

    def handle(self, *args, file, **options):
        try:
            text = self.stdin.read() if file == "-" else Path(file).read_text()
        except OSError as problem:
            raise CommandError(f"Cannot read {file}: {problem.strerror}.") from problem
        marked = missing = 0
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            email, _, reason = line.partition(",")
            if mark_dead(email, reason or "bounce"):
                marked += 1
            else:
                missing += 1
        plural = "es" if marked != 1 else ""
        self.stdout.write(
            f"{marked} address{plural} marked unreachable; {missing} not found among the readers."
        )

    @property
    def stdin(self):
        import sys

        return sys.stdin
