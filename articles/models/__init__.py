"""The articles app's models, by meaning: the catalogue (sections, author profiles), articles
and bylines, their links to actors and sources, what the desk records, the home page's
slots, and the publication's standing pages (about, masthead, policies)."""

from .article import SEARCH_COLUMNS, Article, ArticleAuthor, ArticleQuerySet
from .catalogue import AuthorProfile, Section
from .desk import (
    ArticlePresence,
    ArticleWorkingCopy,
    EditStamp,
    PendingChanges,
    PublishOverride,
    ReturnNote,
    SharedPreview,
)
from .home import HomeSlot
from .links import ArticleActor, Citation, DismissedActor
from .pages import Page

__all__ = [
    "SEARCH_COLUMNS",
    "Article",
    "ArticleActor",
    "ArticleAuthor",
    "ArticlePresence",
    "ArticleQuerySet",
    "ArticleWorkingCopy",
    "AuthorProfile",
    "Citation",
    "DismissedActor",
    "EditStamp",
    "HomeSlot",
    "Page",
    "PendingChanges",
    "PublishOverride",
    "ReturnNote",
    "Section",
    "SharedPreview",
]
