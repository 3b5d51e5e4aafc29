"""The articles app's models, by meaning: the catalogue (sections, author profiles), articles
and bylines, their links to actors and sources, what the desk records, and the
publication's standing pages (about, masthead, policies)."""

from .article import SEARCH_COLUMNS, Article, ArticleAuthor, ArticleQuerySet
from .catalogue import AuthorProfile, Section
from .desk import EditStamp, PendingChanges, PublishOverride, SharedPreview
from .links import ArticleActor, Citation, DismissedActor
from .pages import Page

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
    "Page",
    "PendingChanges",
    "PublishOverride",
    "Section",
    "SharedPreview",
]
