"""``manage.py make_corpus --articles N``: a large corpus for ``make bench``.

Meant for a database of its own (``make bench`` uses ``newsroom_bench``); it refuses to
run twice on the same database.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from bench.corpus import CorpusBuilder, corpus_exists


class Command(BaseCommand):
    help = "Build a large, realistic corpus with bulk inserts (for benchmarks, not production)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--actors", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, articles, actors, seed, **options):
        if articles < 1 or actors < 10:
            raise CommandError("Use at least 1 article and 10 actors.")
        if corpus_exists():
            raise CommandError("This database already holds a corpus; use a fresh database.")
        started = time.monotonic()
        counts = CorpusBuilder(articles=articles, actors=actors, seed=seed).build()
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n:,} {name}" for name, n in counts.items())
        self.stdout.write(f"Corpus built in {elapsed:.0f} s: {summary}.")
