"""How articles are matched and ranked: PostgreSQL full-text search, or an accent-folded word
match on SQLite (the embedded default).

``search_backend()`` is the one place that picks between them. Both keep their own stored
column on Article current (``search_vector`` on PostgreSQL, ``search_text`` on SQLite) and
answer the same three questions: how to index, how to match and rank, and how to show a
highlighted headline and excerpt.
"""

import datetime
import re

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    DateTimeField,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, StrIndex
from django.db.models.lookups import GreaterThan, LessThan
from django.utils.html import escape
from django.utils.safestring import mark_safe
from taggit.models import TaggedItem

from ..access import open_body
from ..models import Article, ArticleActor
from .actors import NamedActors
from .text import (
    MARK_END,
    MARK_START,
    MAX_QUERY_WORDS,
    excerpt,
    folded_words,
    highlight,
    marked_html,
    plain_text,
)

# English stemming with accents folded, created by the migration that adds the index.
POSTGRES_CONFIG = "english_unaccent"
SQLITE_FOLD_FUNCTION = "newsroom_fold"
NO_ACTORS = NamedActors()
# Beyond this many matches a search says "more than" and offers no further pages.
MAX_COUNTED = 1000
# The newest pieces a body-tier search walks in date order before it asks the GIN index.
BODY_WALK = 2000
# The tiers are counted up to this many, or as far as the page asked for reaches.
TIER_HITS = 100
# A head tier larger than this is ranked recent first: the matches among the newest
# HEAD_WINDOW pieces, best first, then the older ones (ranking every headline match of a
# word found in thousands of headlines is what a search would spend its time on).
HEAD_RANKED = 1000
HEAD_WINDOW = 5000
EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def _article_tag_names() -> Subquery:
    """The article's tag names as one string, for the UPDATE that builds its vector."""
    names = (
        TaggedItem.objects.filter(
            content_type__app_label="articles",
            content_type__model="article",
            object_id=OuterRef("pk"),
        )
        .values("object_id")
        .annotate(names=StringAgg("tag__name", delimiter=" "))
        .values("names")
    )
    return Subquery(names, output_field=TextField())


def _plain_body() -> Func:
    """The body without tags (and without the highlighter's sentinels), computed in SQL."""
    untagged = Func(F("body"), Value("<[^>]*>"), Value(" "), Value("g"), function="regexp_replace")
    return Func(
        untagged,
        Value(MARK_START + MARK_END),
        Value(""),
        function="translate",
        output_field=TextField(),
    )


class PostgresSearch:
    """Full-text search over two stored vectors: ``search_vector`` (headline A, dek and tags
    B, body C) decides what matches; ``search_head`` (headline, dek and tags only) ranks.

    Pieces whose headline, standfirst or topics match come first, best ``ts_rank`` first;
    pieces that only mention the words in their body follow, newest first. Ranking reads
    only the small head vector, and each tier is fetched through its own index (GIN, or
    the publish time for the body tier), so a word found in half the archive costs about
    as much as a rare one (see ``RankedMatches``).
    """

    name = "postgresql"

    def fold(self, expression: Expression | str) -> Func:
        if isinstance(expression, str):
            expression = F(expression)
        return Func(Lower(expression), function="unaccent", output_field=TextField())

    def head_vector(self):
        return (
            SearchVector("headline", config=POSTGRES_CONFIG, weight="A")
            + SearchVector("dek", config=POSTGRES_CONFIG, weight="B")
            + SearchVector(_article_tag_names(), config=POSTGRES_CONFIG, weight="B")
        )

    def vector(self):
        return self.head_vector() + SearchVector(_plain_body(), config=POSTGRES_CONFIG, weight="C")

    def index(self, articles: QuerySet) -> None:
        public = Article.Access.PUBLIC
        articles.filter(access=public).update(
            search_vector=self.vector(), search_head=self.head_vector()
        )
        # A gated piece is found by its opening only (articles.access): the rest is not
        # for every reader, so no word of it may find the piece or be quoted.
        for article in articles.exclude(access=public).only("pk", "body", "access"):
            opening = SearchVector(
                Value(plain_text(open_body(article))), config=POSTGRES_CONFIG, weight="C"
            )
            Article.objects.filter(pk=article.pk).update(
                search_vector=self.head_vector() + opening, search_head=self.head_vector()
            )

    def match(
        self, articles: QuerySet, query: str, named: NamedActors = NO_ACTORS
    ) -> "RankedMatches":
        # websearch syntax accepts anything a reader types ("quoted phrases", -minus, or)
        # without ever raising a syntax error.
        tsquery = SearchQuery(query, config=POSTGRES_CONFIG, search_type="websearch")
        for name in named.names:
            tsquery |= SearchQuery(name, config=POSTGRES_CONFIG, search_type="phrase")
        return RankedMatches(
            articles,
            tsquery,
            negated=bool(set(query) & set("-!")),
            linked_to=named.actor_ids,
        )

    def decorate(self, articles: list, query: str, named: NamedActors = NO_ACTORS) -> None:
        for article in articles:
            article.headline_html = marked_html(article.headline_marked)
            # Cut from stored HTML: entities are decoded, then everything is escaped again.
            if article.is_gated:
                article.excerpt_html = _opening_excerpt(article, query)
                continue
            text = " ".join(article.excerpt_marked.split())
            marked = marked_html(text, decode_entities=True)
            article.excerpt_html = marked if MARK_START in article.excerpt_marked else ""


def _opening_excerpt(article, query: str) -> str:
    """A gated piece's excerpt, quoted from its opening only, the query's words marked."""
    words = [word for needle in FOLDED_TEXT.terms(query)[0] for word in needle.split()]
    text = plain_text(open_body(article))
    return excerpt(text, words) if text and words else ""


def _linked_articles(actor_ids: tuple[int, ...], role: str | None = None) -> QuerySet:
    """The ids of the pieces linked to these actors (in ``role`` only, when given)."""
    links = ArticleActor.objects.filter(actor_id__in=actor_ids)
    return (links.filter(role=role) if role else links).values("article_id")


def _unindexed(expression) -> ExpressionWrapper:
    """The same value, in a form no index can produce in order. Walking the publish-time
    index newest first and testing each piece against the query looks cheap to the planner
    but reads every body until enough match, seconds for a rare word; the GIN index then
    a sort of the matches costs at most the matches."""
    return ExpressionWrapper(
        expression + Value(datetime.timedelta(0)), output_field=DateTimeField()
    )


class RankedMatches:
    """Matching articles in rank order, for a Paginator: ``count()`` and slices.

    The order has two tiers. Pieces whose headline, standfirst or topics match (the head
    tier) come first, best ``ts_rank`` first, then newest; pieces that only mention the
    words follow, newest first. Pieces linked to an actor the query names (``linked_to``)
    match too: as main subject in the head tier, otherwise with the mentions.

    Each tier is read in a bounded way, so a word found in half the archive costs about
    as much as a rare one:

    - A head tier of more than ``HEAD_RANKED`` pieces is ranked recent first: the
      matches among the newest ``HEAD_WINDOW`` pieces, best first, then the older ones,
      best first. Ranking every headline match of a common word is what made it slow; a
      smaller head tier is ranked whole.
    - The body tier, when the newest ``BODY_WALK`` pieces hold enough of it for the
      slice, is read by walking the publish-time index; otherwise through the GIN index.

    ``count()`` is one query: the matches up to ``MAX_COUNTED`` + 1 (pages beyond are
    not offered), and the sizes of those parts, counted only as far as the slice asked
    for (``reach``) needs, which decide how a slice reads. A slice is one more query: the
    ids of the first ``stop`` pieces of each part (a UNION of limited subqueries), then
    those rows in order, with highlighted headline and excerpt for the rows shown only.
    The order is the same on every path, so pages follow one another.
    """

    def __init__(
        self,
        articles: QuerySet,
        tsquery: SearchQuery,
        negated: bool = True,
        linked_to: tuple[int, ...] = (),
    ):
        self.articles = articles
        self.tsquery = tsquery
        self.negated = negated  # the query has a NOT (-word)
        self.in_vector = Q(search_vector=tsquery)
        self.in_head = Q(search_head=tsquery)
        if linked_to:
            # One set of ids from two indexes (GIN, links by actor): an OR of the two
            # conditions would have the planner test every row against the query.
            model = articles.model
            self.in_vector = Q(
                pk__in=model.objects.filter(search_vector=tsquery)
                .values("pk")
                .union(_linked_articles(linked_to))
            )
            self.in_head = Q(
                pk__in=model.objects.filter(search_head=tsquery)
                .values("pk")
                .union(_linked_articles(linked_to, ArticleActor.Role.MAIN))
            )
        self.reach = TIER_HITS
        self._count: int | None = None
        self._tiers: tuple[int, int, int] | None = None

    def read_up_to(self, stop: int) -> None:
        """The slice that will be read ends at ``stop``: count the tiers that far (a deep
        page then walks the newest pieces too, instead of ranking every match)."""
        self.reach = max(1, min(stop, MAX_COUNTED + TIER_HITS))

    def count(self) -> int:
        """Matches up to ``MAX_COUNTED`` + 1, and in the same query the sizes of the tiers
        (see ``_tier_sizes``). Every head-tier match is a match: when the head tier alone
        passes ``MAX_COUNTED``, the full vectors are not read to count (PostgreSQL runs
        the CASE's subquery only when its branch is taken)."""
        if self._count is None:
            total = self.articles.filter(self.in_vector).order_by().values("pk")
            head, window, walk = self._tier_parts()
            parts = [total[: MAX_COUNTED + 1], window, walk, head]
            (total_sql, window_sql, walk_sql, head_sql), params = zip(
                *(part.query.sql_with_params() for part in parts), strict=True
            )
            sql = (
                f"SELECT heads.n, CASE WHEN heads.n > %s THEN %s "
                f"ELSE (SELECT COUNT(*) FROM ({total_sql}) part) END, "
                f"(SELECT COUNT(*) FROM ({window_sql}) part), "
                f"(SELECT COUNT(*) FROM ({walk_sql}) part) "
                f"FROM (SELECT COUNT(*) AS n FROM ({head_sql}) part) heads"
            )
            params = [MAX_COUNTED, MAX_COUNTED + 1, *(p for ps in params for p in ps)]
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                head_hits, self._count, window_hits, walk_hits = cursor.fetchone()
            self._tiers = (head_hits, window_hits, walk_hits)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _tier_parts(self) -> list[QuerySet]:
        """What ``_tier_sizes`` counts, each a limited query of ids."""
        return [
            self._in_head().order_by().values("pk")[: max(HEAD_RANKED + 1, self.reach)],
            self._in_head().filter(self._in_window()).order_by().values("pk")[: self.reach],
            self._recent_body_only().order_by().values("pk")[: self.reach],
        ]

    def _tier_sizes(self) -> tuple[int, int, int]:
        """Head-tier matches (up to ``HEAD_RANKED`` + 1 or ``reach``), those among the
        newest ``HEAD_WINDOW`` pieces, and body-only matches among the newest ``BODY_WALK``
        pieces (each up to ``reach``). Counted with ``count()`` when the paginator asked
        first."""
        if self._tiers is None:
            self._tiers = tuple(part.count() for part in self._tier_parts())
        return self._tiers

    def _head_rank(self):
        return SearchRank(F("search_head"), self.tsquery)

    def _window_start(self, size: int) -> Subquery:
        """The publish time of the ``size``-th newest piece (of those filtered)."""
        return Subquery(
            self.articles.order_by("-publish_at", "-id").values("publish_at")[size - 1 : size]
        )

    def _in_window(self) -> Q:
        """Among the newest ``HEAD_WINDOW`` pieces: all of them when there are fewer."""
        start = Coalesce(self._window_start(HEAD_WINDOW), Value(EARLIEST))
        return Q(publish_at__gte=start)

    def _recent_body_only(self) -> QuerySet:
        """Body-only matches among the newest ``BODY_WALK`` pieces: a prefix of the body
        tier's newest-first order, read through the publish-time index."""
        return self._body_only().filter(publish_at__gte=self._window_start(BODY_WALK))

    def _body_only(self) -> QuerySet:
        return self.articles.filter(self.in_vector).exclude(self.in_head)

    def _in_head(self) -> QuerySet:
        in_head = self.articles.filter(self.in_head)
        # Without NOT, a query the head vector matches is matched by the full one too:
        # leave the large full vector unread.
        return in_head.filter(self.in_vector) if self.negated else in_head

    def _ranked_ids(self, head: QuerySet, stop: int) -> QuerySet:
        return (
            head.annotate(rank=self._head_rank())
            .order_by("-rank", "-publish_at", "-id")
            .values("pk")[:stop]
        )

    def _head_ids(self, stop: int) -> list[QuerySet]:
        """The ids of the first ``stop`` pieces of the head tier, one query per part read.

        A large head tier is ranked recent first: the newest pieces' matches, and only
        when they do not fill the slice the older ones too."""
        head_hits, window_hits, _ = self._tier_sizes()
        if not head_hits:
            return []
        if head_hits <= HEAD_RANKED:
            return [self._ranked_ids(self._in_head(), stop)]
        parts = [self._ranked_ids(self._in_head().filter(self._in_window()), stop)]
        if window_hits < stop:
            parts.append(self._ranked_ids(self._in_head().exclude(self._in_window()), stop))
        return parts

    def _body_ids(self, stop: int) -> QuerySet:
        """The ids of the ``stop`` newest pieces that mention the words in their body only.

        A common word fills a page from the newest pieces alone: walk the publish-time
        index over the newest ``BODY_WALK`` pieces. Only when that window holds fewer than
        ``stop`` matches (a rare word, a deep page) does the GIN index answer. The window is
        a prefix of the newest-first order, so both give the same rows.
        """
        if self._tier_sizes()[2] >= stop:
            return self._recent_body_only().order_by("-publish_at", "-id").values("pk")[:stop]
        return (
            self._body_only()
            .order_by(_unindexed(F("publish_at")).desc(), "-id")
            .values("pk")[:stop]
        )

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        q = self.tsquery
        parts = self._head_ids(stop)
        # A head tier that fills the slice leaves the body tier unread.
        if self._tier_sizes()[0] < stop:
            parts.append(self._body_ids(stop))
        if not parts:
            return []
        ids = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        # The candidates in order, cut to the slice; only the rows shown get the (costly)
        # highlighted headline and excerpt.
        shown = self._in_order(self.articles.filter(pk__in=ids)).values("pk")[start:stop]
        rows = self._in_order(self.articles.filter(pk__in=shown)).annotate(
            headline_marked=SearchHeadline(
                "headline",
                q,
                config=POSTGRES_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                highlight_all=True,
            ),
            # Gated pieces are quoted from their opening, in Python (``decorate``).
            excerpt_marked=SearchHeadline(
                Case(
                    When(access=Article.Access.PUBLIC, then=_plain_body()),
                    default=Value(""),
                    output_field=TextField(),
                ),
                q,
                config=POSTGRES_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=40,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        return list(rows)

    def _in_order(self, rows: QuerySet) -> QuerySet:
        """``rows`` in the tiers' order."""
        rows = rows.annotate(
            tier=Case(When(self.in_head, then=Value(1)), default=Value(0)),
            rank=Case(
                When(search_head=self.tsquery, then=self._head_rank()),
                default=Value(0.0),
                output_field=FloatField(),
            ),
        )
        if self._tier_sizes()[0] <= HEAD_RANKED:
            return rows.order_by("-tier", "-rank", "-publish_at", "-id")
        rows = rows.annotate(recent=Case(When(self._in_window(), then=Value(1)), default=Value(0)))
        return rows.order_by("-tier", "-recent", "-rank", "-publish_at", "-id")


def light_stem(word: str) -> str:
    """A plural's stem, so "sanctions" also finds "sanction" (the match is by word prefix)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _name_needles(names: tuple[str, ...]) -> list[str]:
    """What the stored text contains where it names one of ``names``: the start of words
    like any needle, but a short name ("eu") as a whole word. A name that holds a shorter
    one ("viktor orban", "orban") is left out: the shorter finds it, and each needle is one
    more scan of the text."""
    needles: list[str] = []
    for name in sorted(names, key=len):
        if len(name) < 4:
            needles += [f" {name} ", f" {name}\n"]
        elif not any(needle in f" {name} " for needle in needles):
            needles.append(f" {name}")
    return needles


def _in_headline(text: str) -> Q:
    """The folded ``text`` stands in the headline: before the stored text's line break."""
    position = StrIndex(F("search_text"), Value(text))
    return Q(GreaterThan(position, 0)) & Q(
        LessThan(position, StrIndex(F("search_text"), Value("\n")))
    )


_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


class FoldedTextSearch:
    """Every query word must start a word of the folded text; headline hits rank first."""

    name = "sqlite"

    def fold(self, expression: Expression | str) -> Func:
        if isinstance(expression, str):
            expression = F(expression)
        return Func(expression, function=SQLITE_FOLD_FUNCTION, output_field=TextField())

    @staticmethod
    def document(article) -> str:
        """The stored text: the headline's words, a line break, then dek, tags and body."""
        head = " ".join(folded_words(article.headline))
        rest = " ".join(
            folded_words(
                " ".join([article.dek or "", *article.tag_names, plain_text(open_body(article))])
            )
        )
        return f" {head}\n {rest} "

    def index(self, articles: QuerySet) -> None:
        rows = list(
            articles.only("pk", "headline", "dek", "body", "access").prefetch_related("tags")
        )
        for article in rows:
            article.tag_names = [tag.name for tag in article.tags.all()]
            article.search_text = self.document(article)
        articles.model.objects.bulk_update(rows, ["search_text"], batch_size=500)

    def terms(self, query: str) -> tuple[list[str], list[str]]:
        """(required, excluded) needles, in the spirit of PostgreSQL's websearch syntax:
        "a quoted phrase" matches as a phrase, -word leaves pieces with it out, "or" is
        ignored (every other word is required)."""
        required: list[str] = []
        excluded: list[str] = []
        for match in _QUERY_TOKEN.finditer(query):
            minus, phrase, bare = match.group(1) or match.group(3), match.group(2), match.group(4)
            words = folded_words(phrase if phrase is not None else bare)
            if not words or (bare is not None and words == ["or"]):
                continue
            if phrase is not None:
                needles = [" ".join(words)]
            else:
                needles = [light_stem(word) for word in words]
            target = excluded if minus else required
            target.extend(n for n in needles if n not in target)
        # A lone letter (the "s" of "Fico's") would match nearly every piece.
        longer = [needle for needle in required if len(needle) > 1]
        return (longer or required)[:MAX_QUERY_WORDS], excluded[:MAX_QUERY_WORDS]

    def match(self, articles: QuerySet, query: str, named: NamedActors = NO_ACTORS) -> QuerySet:
        required, excluded = self.terms(query)
        if not required:
            return articles.none()
        headline_end = StrIndex(F("search_text"), Value("\n"))
        in_text, rank = Q(), Value(0)
        for needle in required:
            in_text &= Q(search_text__contains=" " + needle)
            rank = rank + Case(
                When(
                    LessThan(StrIndex(F("search_text"), Value(" " + needle)), headline_end),
                    then=Value(3),
                ),
                default=Value(1),
                output_field=IntegerField(),
            )
        if named:
            # Pieces that name the actors otherwise, or are linked to them, come after the
            # text matches of the same weight (text ranks doubled): as main subject or
            # named in the headline, just below a headline match; otherwise as the least
            # of mentions. PostgreSQL orders its tiers the same way.
            about, in_head = (
                Q(pk__in=_linked_articles(named.actor_ids)),
                Q(pk__in=_linked_articles(named.actor_ids, ArticleActor.Role.MAIN)),
            )
            for needle in _name_needles(named.names):
                about |= Q(search_text__contains=needle)
                in_head |= _in_headline(needle)
            rank = Case(
                When(in_text, then=rank * 2),
                When(in_head, then=Value(5)),
                default=Value(1),
                output_field=IntegerField(),
            )
            in_text |= about
        articles = articles.filter(in_text)
        for needle in excluded:
            articles = articles.exclude(search_text__contains=" " + needle)
        return articles.annotate(rank=rank).order_by("-rank", "-publish_at", "-id")

    def decorate(self, articles: list, query: str, named: NamedActors = NO_ACTORS) -> None:
        terms = [word for needle in self.terms(query)[0] for word in needle.split()]
        # A one-word name is marked wherever it stands; the words of a longer one ("Ukrainian
        # President") would be marked alone too, so they are not.
        terms += [name for name in named.names if " " not in name and name not in terms]
        for article in articles:
            article.headline_html = highlight(article.headline, terms)
            body = plain_text(open_body(article))
            article.excerpt_html = excerpt(body, terms) if body else ""


POSTGRES = PostgresSearch()
FOLDED_TEXT = FoldedTextSearch()


def search_backend() -> PostgresSearch | FoldedTextSearch:
    """PostgreSQL's full-text search where the database is PostgreSQL, else folded text."""
    return POSTGRES if connection.vendor == "postgresql" else FOLDED_TEXT


def plain_headline(article) -> None:
    """A result listed without a query (filters only): nothing to highlight."""
    article.headline_html = mark_safe(escape(article.headline))
    article.excerpt_html = ""
