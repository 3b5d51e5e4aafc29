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

        # Kept pages of threads show their authors' public names (comments.threads).
        from .threads import keep_authors_fresh

        keep_authors_fresh()

        from .gate import keep_suspensions_fresh

        keep_suspensions_fresh()

        # Reported comments on the desk, the admin's first page, after the articles' blocks.
        from web.desk import contribute

        from .admin.overview import reported_comments_block

        contribute("comments", reported_comments_block, order=50)
