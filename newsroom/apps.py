from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from articles.models import Section

        from web import reader_cache
        from .context_processors import forget_nav_sections

        reader_cache.connect_invalidation()
        for signal in (post_save, post_delete):
            signal.connect(forget_nav_sections, sender=Section, dispatch_uid=f"nav-{signal}")
