"""The articles app's models, by meaning: the catalogue (sections, author profiles), articles
and bylines, their links to actors and sources, and what the desk records."""

from .article import SEARCH_COLUMNS, Article, ArticleAuthor, ArticleQuerySet
from .catalogue import AuthorProfile, Section
from .desk import EditStamp, PublishOverride
from .links import ArticleActor, Citation, DismissedActor

__all__ = [
    "SEARCH_COLUMNS",
    "Article",
    "ArticleActor",
    "ArticleAuthor",
    "ArticleQuerySet",
    "AuthorProfile",
    "Citation",
    "DismissedActor",
    "EditStamp",
    "PublishOverride",
    "Section",
]
