from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments"

    def ready(self):
        from articles.caching import article_tag
        from web.reader_cache import stale_when_changed

        from .models import Comment

        # A comment shows on its article's page only (its count included).
        stale_when_changed(Comment, lambda comment: (article_tag(comment.article_id),))
