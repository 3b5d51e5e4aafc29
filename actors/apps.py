from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "Actors"

    def ready(self):
        # The mention index is rebuilt when actors, sources or their aliases change.
        from .mention_index import rebuild_when_names_change

        rebuild_when_names_change()
