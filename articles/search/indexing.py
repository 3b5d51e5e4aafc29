"""Keeping the stored search column current: on every save of an article, whenever its
tags change, and when a tag is renamed. Bulk writes (``bulk_create``, ``update``) bypass
these signals; ``manage.py update_search_index`` rebuilds the column for them.

Also registers, on every new SQLite connection, the accent-folding SQL function the
folded-text backend uses to match actor and source names.
"""

from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from ..models import Article
from . import index_articles
from .backends import SQLITE_FOLD_FUNCTION
from .text import fold

INDEXED_FIELDS = {"headline", "dek", "body", "access"}


@receiver(connection_created, dispatch_uid="articles_search_sqlite_fold")
def register_sqlite_fold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FOLD_FUNCTION, 1, fold, deterministic=True)


@receiver(post_save, sender=Article, dispatch_uid="articles_search_index_on_save")
def index_saved_article(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and not INDEXED_FIELDS & set(update_fields):
        return
    index_articles(Article.objects.filter(pk=instance.pk))


@receiver(m2m_changed, sender=TaggedItem, dispatch_uid="articles_search_index_on_tags")
def index_retagged_article(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Article):
        index_articles(Article.objects.filter(pk=instance.pk))


def _articles_tagged(tag) -> list[int]:
    return list(
        TaggedItem.objects.filter(
            tag=tag, content_type__app_label="articles", content_type__model="article"
        ).values_list("object_id", flat=True)
    )


@receiver(post_save, sender=Tag, dispatch_uid="articles_search_index_on_tag_rename")
def index_articles_of_renamed_tag(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    if ids := _articles_tagged(instance):
        index_articles(Article.objects.filter(pk__in=ids))


@receiver(pre_delete, sender=Tag, dispatch_uid="articles_search_note_tag_deletion")
def note_articles_of_deleted_tag(sender, instance, **kwargs):
    instance._tagged_article_ids = _articles_tagged(instance)


@receiver(post_delete, sender=Tag, dispatch_uid="articles_search_index_on_tag_deletion")
def index_articles_of_deleted_tag(sender, instance, **kwargs):
    if ids := getattr(instance, "_tagged_article_ids", None):
        index_articles(Article.objects.filter(pk__in=ids))
