"""The sending benchmark: one issue to N readers (100,000 by default) into a local SMTP
sink, with the real plan, batches and SMTP client; reports time and peak memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsletter_bench \\
        python -m bench.newsletter --readers 100000

The database must be one of its own: readers are created there (and left for the next
run). The sink (aiosmtpd, in this process's thread) accepts and counts every message. The
batches run one after the other in this process, as one worker runs them; more workers
divide the time. Peak memory is the process's maximum resident set (the sink included).
"""

import argparse
import os
import resource
import socket
import sys
import threading
import time


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += len(envelope.rcpt_tos)
        return "250 OK"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=100_000)
    args = parser.parse_args(argv)

    import logging

    from aiosmtpd.controller import Controller

    # The sink's log line per SMTP command would cost more than the sending measured.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    logging.getLogger("django_tasks").setLevel(logging.WARNING)

    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    os.environ.update(
        {
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "EMAIL_USE_TLS": "false",
            "TASKS_BACKEND": "immediate",
        }
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article
    from newsletters import sending
    from newsletters.models import Issue, IssuePiece, Newsletter, Recipient, Signup

    call_command("migrate", verbosity=0)
    newsletter, _ = Newsletter.objects.get_or_create(
        name="Benchmark Brief", defaults={"description": "The sending benchmark's newsletter."}
    )
    have = Signup.objects.filter(newsletter=newsletter).count()
    if have < args.readers:
        print(f"Creating {args.readers - have} readers…", flush=True)
        now = timezone.now()
        for start in range(have, args.readers, 5000):
            stop = min(start + 5000, args.readers)
            recipients = Recipient.objects.bulk_create(
                [
                    Recipient(email=f"bench{i}@example.org", confirmed_at=now)
                    for i in range(start, stop)
                ],
                ignore_conflicts=True,
            )
            ids = Recipient.objects.filter(email__in=[r.email for r in recipients]).values_list(
                "pk", flat=True
            )
            Signup.objects.bulk_create(
                [Signup(recipient_id=pk, newsletter=newsletter) for pk in ids],
                ignore_conflicts=True,
            )
    article = Article.objects.public().order_by("-publish_at").first()
    if article is None:
        article = Article.objects.create(
            headline="The benchmark piece",
            dek="What a typical issue carries.",
            body="<p>" + "A paragraph of analysis. " * 60 + "</p>" * 1,
            status=Article.Status.PUBLISHED,
        )
    issue = Issue.objects.create(newsletter=newsletter, subject=f"Benchmark {timezone.now()}")
    IssuePiece.objects.create(issue=issue, article=article)

    started = time.perf_counter()
    sending.start_sending(issue)  # autocommit: the plan (and with it every batch) runs now
    elapsed = time.perf_counter() - started
    controller.stop()

    progress = sending.progress(issue)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"database: {connection.vendor}")
    print(f"readers: {progress.total}, sent: {progress.sent}, failed: {progress.failed}")
    print(f"received by the sink: {sink.count}")
    print(f"time: {elapsed:.1f} s ({progress.sent / elapsed:.0f} messages/s)")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0 if progress.sent == args.readers == sink.count else 1


if __name__ == "__main__":
    sys.exit(main())
