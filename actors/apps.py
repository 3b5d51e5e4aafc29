from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "Actors"

    def ready(self):
        # Cached actor networks are redrawn when links change (signals); the mention
        # index is rebuilt when actors, sources or their aliases change (linking).
        from . import linking, signals  # noqa: F401
