"""Related coverage under an article: other public pieces about the same actors and topics.

Ranked by the main subjects both pieces share, then by all shared actors and tags together,
then by recency; computed in one query from what the article page already prefetched. The
pieces scored are the few hundred that share most (by actors, and by tags), so a piece
about a much-covered actor costs no more than any other.

The list is the same for every reader, so the article page keeps it in the cache
(``related_coverage``) until the piece or any list changes (publishing, editing or
unpublishing a piece, a change to an actor, tag or section), or a scheduled piece goes out.
"""

from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from taggit.models import TaggedItem

from web import reader_cache

from .caching import article_tag
from .models import Article, ArticleActor

RELATED_PIECES = 4
CANDIDATES = 300
CACHE_SECONDS = 3600


def _count(rows: QuerySet, group: str) -> Coalesce:
    counted = rows.order_by().values(group).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _article_tags() -> QuerySet:
    # Filtering through the content type's natural key keeps this inside the one query.
    return TaggedItem.objects.filter(
        content_type__app_label="articles", content_type__model="article"
    )


def related_articles(article: Article, limit: int = RELATED_PIECES) -> list[Article]:
    """Up to ``limit`` public pieces sharing actors or tags with ``article``, best first."""
    links = list(article.actor_links.all())
    actor_ids = [link.actor_id for link in links]
    main_ids = [link.actor_id for link in links if link.role == ArticleActor.Role.MAIN]
    tag_ids = [tag.pk for tag in article.tags.all()]
    if not actor_ids and not tag_ids:
        return []
    shared_actor_links = ArticleActor.objects.filter(article=OuterRef("pk"), actor_id__in=actor_ids)
    shared_main = (
        _count(
            ArticleActor.objects.filter(
                article=OuterRef("pk"), actor_id__in=main_ids, role=ArticleActor.Role.MAIN
            ),
            "article",
        )
        if main_ids
        else Value(0)
    )
    shared_tags = _count(
        _article_tags().filter(object_id=OuterRef("pk"), tag_id__in=tag_ids), "object_id"
    )
    # Scoring every piece that shares anything would read a popular actor's whole archive:
    # only the best-sharing few hundred by actors, and by tags, are scored exactly.
    by_actors = (
        ArticleActor.objects.filter(actor_id__in=actor_ids)
        .values("article_id")
        .annotate(
            main=Count("pk", filter=Q(role=ArticleActor.Role.MAIN, actor_id__in=main_ids)),
            links=Count("pk"),
        )
        .order_by("-main", "-links", "-article_id")
        .values("article_id")[:CANDIDATES]
    )
    by_tags = (
        _article_tags()
        .filter(tag_id__in=tag_ids)
        .values("object_id")
        .annotate(links=Count("pk"))
        .order_by("-links", "-object_id")
        .values("object_id")[:CANDIDATES]
    )
    if connection.features.supports_slicing_ordering_in_compound:
        # One IN over the union: the database joins the few candidates by primary key
        # instead of testing every article against two lists.
        candidates = Q(pk__in=by_actors.union(by_tags, all=True))
    else:  # SQLite cannot limit the parts of a UNION
        candidates = Q(pk__in=by_actors) | Q(pk__in=by_tags)
    return list(
        Article.objects.public()
        .for_cards()
        .filter(candidates)
        .exclude(pk=article.pk)
        .annotate(
            shared_main=shared_main,
            shared_links=_count(shared_actor_links, "article") + shared_tags,
        )
        .order_by("-shared_main", "-shared_links", "-publish_at", "-id")[:limit]
    )


def related_coverage(article: Article) -> list[Article]:
    """``related_articles(article)``, from the cache while nothing it depends on changed."""
    tags = (
        reader_cache.SITE,
        reader_cache.LISTS,
        article_tag(article.pk),
    )
    return reader_cache.remember(
        f"related-coverage:{article.pk}",
        tags,
        lambda: related_articles(article),
        timeout=lambda: reader_cache.lifetime(CACHE_SECONDS),
    )
