from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark corpus (``manage.py make_corpus``) that ``make bench`` measures."""

    name = "bench"
    verbose_name = "Benchmark"
