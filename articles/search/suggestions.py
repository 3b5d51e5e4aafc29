""" "Did you mean …": a spelling the newsroom knows, offered when a search finds nothing or
little ("kissinjer" → Kissinger, "orbn" → Orbán).

The words a suggestion may use are the names and aliases of actors, the public tags and
the sections: the names a reader is most likely to misspell, and nothing an unpublished
piece alone carries. Each word of the query that is not one of them is replaced by the
closest one, if any is close enough.

Where the closest names come from depends on the database: on PostgreSQL a trigram
similarity query (``pg_trgm``) picks a few candidate names in one query; elsewhere a
vocabulary of their words, kept in the cache until an actor, a list or a section changes,
is compared in Python. Either way a suggestion is looked for only when the search found
fewer than ``SUGGEST_BELOW`` pieces, and compares a bounded number of words.
"""

import difflib
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Count, FloatField, QuerySet
from django.db.models.functions import Greatest

from actors.models import Actor, ActorAlias
from web import reader_cache

from ..models import Section
from ..tags import public_tags
from .actors import NAMES_TAG
from .backends import POSTGRES
from .text import WORD, fold, folded_words, query_words

# A search finding fewer pieces than this gets a suggestion, when one is close enough.
# Only one that finds nothing: it reads no page of results, so the trigram query takes
# that query's place and the search page's count of queries stays the same.
SUGGEST_BELOW = 1
# How alike (difflib's ratio) a known word must be to a word of the query to replace it:
# one letter wrong in a five-letter word is 0.8, one missing in a four-letter word 0.89.
CLOSE_ENOUGH = 0.75
# Words of the query looked at, and how much longer or shorter a replacement may be.
MAX_CORRECTED_WORDS = 6
MAX_LENGTH_CHANGE = 2
# The vocabulary holds the words of at most this many tags, the most used first.
VOCABULARY_TAGS = 2000
# On PostgreSQL: the candidate names a trigram query keeps, and how alike they must be.
TRIGRAM_CANDIDATES = 20
TRIGRAM_THRESHOLD = 0.3
VOCABULARY_SECONDS = 60 * 60 * 24


@dataclass
class Vocabulary:
    """Known words, folded, each with the spelling a reader is shown ("orban": "Orbán")."""

    shown: dict[str, str] = field(default_factory=dict)
    by_length: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, names) -> "Vocabulary":
        vocabulary = cls()
        for name in names:
            for word in WORD.findall(name or ""):
                folded = fold(word)
                if len(folded) >= 3 and not folded.isdigit() and folded not in vocabulary.shown:
                    vocabulary.shown[folded] = word
                    vocabulary.by_length.setdefault(len(folded), []).append(folded)
        return vocabulary

    def closest(self, word: str) -> str | None:
        """The known word closest to ``word`` when it is not known itself, else None."""
        if word in self.shown:
            return None
        nearby = [
            known
            for length in range(len(word) - MAX_LENGTH_CHANGE, len(word) + MAX_LENGTH_CHANGE + 1)
            for known in self.by_length.get(length, ())
        ]
        found = difflib.get_close_matches(word, nearby, n=1, cutoff=CLOSE_ENOUGH)
        return found[0] if found else None


def suggestion(query: str) -> str | None:
    """The query with its unknown words replaced by the closest known ones; None when no
    word needs replacing (or none is close enough)."""
    words = [w for w in query_words(query) if len(w) >= 3 and not w.isdigit()]
    words = words[:MAX_CORRECTED_WORDS]
    if not words:
        return None
    vocabulary = _candidates(words) if connection.vendor == "postgresql" else _vocabulary()
    replaced = {word: known for word in words if (known := vocabulary.closest(word))}
    if not replaced:
        return None
    tokens = []
    for token in query.split():
        token_words = folded_words(token)
        if len(token_words) == 1 and token_words[0] in replaced:
            token = vocabulary.shown[replaced[token_words[0]]]
        tokens.append(token)
    suggested = " ".join(tokens)
    return suggested if suggested != query else None


def _names() -> list[QuerySet]:
    """Where known words come from: one queryset with a ``name`` per kind of name."""
    return [
        Actor.objects.order_by(),
        ActorAlias.objects.order_by(),
        Section.objects.order_by(),
        public_tags().order_by(),
    ]


def _vocabulary() -> Vocabulary:
    """The cached vocabulary of every known word (two queries when it is built)."""
    return reader_cache.remember(
        "search:vocabulary",
        (NAMES_TAG, reader_cache.LISTS, reader_cache.SITE),
        _build_vocabulary,
        lambda: reader_cache.lifetime(VOCABULARY_SECONDS),
    )


def _build_vocabulary() -> Vocabulary:
    actors, aliases, sections, tags = _names()
    untagged = actors.values_list("name", flat=True).union(
        aliases.values_list("name", flat=True), sections.values_list("name", flat=True), all=True
    )
    frequent = tags.annotate(uses=Count("taggit_taggeditem_items")).order_by("-uses", "pk")
    return Vocabulary.of([*untagged, *frequent.values_list("name", flat=True)[:VOCABULARY_TAGS]])


def _candidates(words: list[str]) -> Vocabulary:
    """On PostgreSQL, the words of the few names most like one of ``words`` (one query)."""
    parts = []
    for names in _names():
        scores = [TrigramWordSimilarity(word, POSTGRES.fold("name")) for word in words]
        score = scores[0] if len(scores) == 1 else Greatest(*scores, output_field=FloatField())
        parts.append(
            names.annotate(score=score)
            .filter(score__gte=TRIGRAM_THRESHOLD)
            .values_list("name", "score")
        )
    best = parts[0].union(*parts[1:], all=True).order_by("-score")[:TRIGRAM_CANDIDATES]
    return Vocabulary.of(name for name, _ in best)
