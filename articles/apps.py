from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        # Keeps the stored search column current on save and on tag changes.
        from .search import indexing  # noqa: F401
