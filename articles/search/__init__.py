"""Search: public articles ranked for a reader's query, with filters.

The result set always starts from ``Article.objects.public()``; nothing else (drafts,
scheduled pieces, comments) can reach a search page. Which database technique runs is
decided once, in ``backends.search_backend()``.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

from web.paging import requested_page

from ..models import SEARCH_COLUMNS, Article
from . import backends
from .actors import NamedActors, actors_named
from .backends import plain_headline, search_backend
from .suggestions import SUGGEST_BELOW, suggestion
from .text import clean_query, fold, name_needles

__all__ = [
    "SearchCriteria",
    "SearchResults",
    "clean_query",
    "fold",
    "index_articles",
    "matching_names",
    "name_needles",
    "search",
    "search_articles",
]


@dataclass(frozen=True)
class SearchCriteria:
    """What a reader asked for: the cleaned query and the filters that applied."""

    query: str = ""
    section: str = ""
    kind: str = ""
    since: datetime.date | None = None
    until: datetime.date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.query or self.section or self.kind or self.since or self.until)


@dataclass
class SearchResults:
    criteria: SearchCriteria
    page: Page

    @cached_property
    def suggestion(self) -> str | None:
        """A spelling to search for instead, looked for only when the query found (almost)
        nothing."""
        if not self.criteria.query or self.page.paginator.count >= SUGGEST_BELOW:
            return None
        return suggestion(self.criteria.query)

    @property
    def more_than(self) -> int | None:
        """``MAX_COUNTED`` when there are more matches than were counted, else None."""
        limit = backends.MAX_COUNTED
        return limit if self.page.paginator.count > limit else None


class CappedPaginator(Paginator):
    """Counts matches up to ``MAX_COUNTED`` + 1: beyond that, readers narrow their search."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            limit = backends.MAX_COUNTED + 1
            return self.object_list.order_by().values("pk")[:limit].count()
        return self.object_list.count()


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def search_articles(criteria: SearchCriteria, named: NamedActors | None = None):
    """Public articles matching the criteria: best match first, or newest first without a
    query. A QuerySet, or on PostgreSQL with a query a sliceable ``RankedMatches``.

    With a query, the pieces about the actors it names (``named``, found when not given)
    are among the matches."""
    # Results quote the body in their excerpts: load it with the cards.
    articles = Article.objects.public().for_cards().defer(None).defer(*SEARCH_COLUMNS)
    if criteria.section:
        articles = articles.filter(section__slug=criteria.section)
    if criteria.kind:
        articles = articles.filter(kind=criteria.kind)
    if criteria.since:
        articles = articles.filter(publish_at__gte=_day_start(criteria.since))
    if criteria.until:
        articles = articles.filter(
            publish_at__lt=_day_start(criteria.until + datetime.timedelta(days=1))
        )
    if criteria.query:
        if named is None:
            named = actors_named(criteria.query)
        articles = search_backend().match(articles, criteria.query, named)
    return articles


def search(
    criteria: SearchCriteria, page_number=None, per_page: int | None = None
) -> SearchResults:
    """One page of results, each with ``headline_html`` and ``excerpt_html`` safe to show."""
    named = actors_named(criteria.query)
    articles = Article.objects.none() if criteria.is_empty else search_articles(criteria, named)
    per_page = per_page or settings.ARTICLES_PER_PAGE
    if isinstance(articles, backends.RankedMatches):
        articles.read_up_to(requested_page(page_number) * per_page)
    paginator = CappedPaginator(articles, per_page)
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    if criteria.query:
        search_backend().decorate(page.object_list, criteria.query, named)
    else:
        for article in page.object_list:
            plain_headline(article)
    return SearchResults(criteria, page)


def matching_names(queryset: QuerySet, query: str, field: str = "name") -> QuerySet:
    """Rows of ``queryset`` where a word of ``field`` starts with one of ``name_needles``,
    accents and case folded on both sides (for sources: "francaise" finds "Française")."""
    needles = name_needles(query)
    if not needles:
        return queryset.none()
    condition = Q()
    for needle in needles:
        condition |= Q(folded_name__startswith=needle) | Q(folded_name__contains=" " + needle)
    return queryset.alias(folded_name=search_backend().fold(field)).filter(condition)


def index_articles(articles: QuerySet) -> None:
    """Bring the stored search column of ``articles`` up to date with their text and tags."""
    search_backend().index(articles)
