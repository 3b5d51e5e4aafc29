from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        # Every tag gets a slug its page's address accepts (tags); the stored search
        # column is kept current on save and on tag changes (indexing).
        from . import caching, tags  # noqa: F401
        from .search import indexing  # noqa: F401

        # What this app's changes (and those of the actors, sources and tags its pages
        # show) make stale in the reader cache.
        caching.register()

        # Drafts, reviews and the schedule on the desk, the admin's first page.
        from web.desk import contribute

        from .admin.overview import article_blocks

        contribute("articles", article_blocks, order=10)
