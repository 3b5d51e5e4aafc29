"""Every public page runs a fixed number of SQL queries, whatever an article carries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Page
from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    SectionFactory,
    SourceFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

# The budget of each page, pinned. A change here is a change to the product's speed.
# Measured warm (see queries_for): the navigation comes from the cache.
BUDGETS = {
    # The front page's pieces come from the cache until a list changes (then three queries
    # and one for the next scheduled piece: test_the_front_page_drawn_afresh_...).
    "home": 0,
    # The piece, the number of visible comments (comments.threads.visible_count) and what
    # every reader sees alike (header, body, chips, sources, related coverage) come from
    # the cache: test_the_article_page_drawn_afresh_after_a_change_runs_a_fixed_number_of_queries.
    "article": 0,
    "section": 3,
    "tag": 3,
    "author": 3,
    "actor_index": 2,
    # The charts (coverage per month, "appears with") come from the cache, kept no longer
    # than the next scheduled piece's publish time.
    "actor": 4,
    "source_index": 2,
    "source": 3,
    # Search: a page of results is kept until a piece or a name changes (the queries it
    # runs when drawn afresh are pinned in FRESH_SEARCH below).
    "search": 0,
    "search_actor": 0,
    "search_misspelt": 0,
    "search_filters_only": 0,
    # The actor network, its layout cached until links change or a scheduled piece goes out.
    "actor_graph": 0,
    # The publication's own pages (about, masthead, policies): the page itself.
    "publication_page": 1,
    "feed_latest": 3,
    "feed_section": 4,
    "feed_tag": 4,
    "feed_actor": 4,
    "feed_author": 4,
    # The index counts the pages of each of the six sitemaps (and two latest changes).
    "sitemap_index": 8,
    "sitemap_articles": 2,
    "sitemap_actors": 2,
    "news_sitemap": 1,
}


def build_newsroom(n: int) -> dict[str, str]:
    """An article with ``n`` actors, tags, citations and bylines, among a few others."""
    section = SectionFactory(name="Diplomacy")
    SectionFactory(name="Security")
    article = ArticleFactory(headline="The measured piece", section=section, featured=True)
    article.lead_image.save("lead.jpg", image_file(), save=True)
    actors = [ActorFactory(name=f"Actor {i}") for i in range(n)]
    sources = [SourceFactory(name=f"Source {i}") for i in range(n)]
    for i in range(n):
        role = "main" if i == 0 else "mentioned"
        ArticleActorFactory(article=article, actor=actors[i], role=role)
        CitationFactory(article=article, source=sources[i])
        BylineFactory(article=article, author=AuthorFactory(byline=f"Author {i}"))
        article.tags.add(f"tag {i}")
    for i in range(n):
        other = ArticleFactory(headline=f"Other piece {i}", section=section)
        ArticleActorFactory(article=other, actor=actors[0])
        if i:
            ArticleActorFactory(article=other, actor=actors[i])
        CitationFactory(article=other, source=sources[0])
        other.tags.add("tag 0")
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "section": section.get_absolute_url(),
        "tag": "/tags/tag-0/",
        "author": article.bylines.first().author.get_absolute_url(),
        "actor_index": "/actors/",
        "actor": actors[0].get_absolute_url(),
        "source_index": "/sources/",
        "source": sources[0].get_absolute_url(),
        "search": "/search/?q=piece",
        "search_actor": "/search/?q=actor+0",
        "search_misspelt": "/search/?q=actr",
        "search_filters_only": f"/search/?section={section.slug}&kind=analysis",
        "actor_graph": "/actors/graph/",
        "publication_page": Page.objects.create(
            title="About us", published=True
        ).get_absolute_url(),
        "feed_latest": "/feeds/latest/",
        "feed_section": f"/feeds/sections/{section.slug}/",
        "feed_tag": "/feeds/tags/tag-0/",
        "feed_actor": f"/feeds/actors/{actors[0].slug}/",
        "feed_author": f"/feeds/authors/{article.bylines.first().author.slug}/",
        "sitemap_index": "/sitemap.xml",
        "sitemap_articles": "/sitemap-articles.xml",
        "sitemap_actors": "/sitemap-actors.xml",
        "news_sitemap": "/news-sitemap.xml",
    }


# A search drawn afresh (a query no reader has asked since the lists last changed). Each
# ends with one query for the next scheduled piece, which the results may not outlive.
FRESH_SEARCH = {
    # The count, the page of results, matching actors, matching sources (the actors'
    # folded names are cached until an actor or alias changes).
    "search": 5,
    # A query naming an actor also finds the pieces linked to it: the same queries (the
    # names it goes by come from the cached index).
    "search_actor": 5,
    # A search that finds nothing (so no page of results to read) looks for a spelling to
    # offer: on PostgreSQL one trigram query over the names; elsewhere from the vocabulary,
    # rebuilt after the change (two queries).
    "search_misspelt": 5 if connection.vendor == "postgresql" else 6,
    "search_filters_only": 3,
}


def queries_for(client, url: str) -> int:
    """Queries of one request as production serves it: after a first request has warmed
    what the cache keeps between requests (the navigation, sessions, the actor network)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("page", list(BUDGETS))
@pytest.mark.parametrize("size", [1, 30])
def test_public_page_runs_its_pinned_number_of_queries(client, page, size):
    urls = build_newsroom(size)
    assert queries_for(client, urls[page]) == BUDGETS[page]


@pytest.mark.parametrize("size", [1, 30])
def test_the_front_page_drawn_afresh_after_a_change_runs_a_fixed_number_of_queries(client, size):
    urls = build_newsroom(size)
    client.get(urls["home"])
    ArticleFactory(headline="Just published")  # any change to the lists
    with CaptureQueriesContext(connection) as captured:
        response = client.get(urls["home"])
    assert "Just published" in response.text
    # Featured, latest, the newest of each section, and the next scheduled piece.
    assert len(captured) == 4


@pytest.mark.parametrize("page", list(FRESH_SEARCH))
@pytest.mark.parametrize("size", [1, 30])
def test_a_search_drawn_afresh_after_a_change_runs_a_fixed_number_of_queries(client, page, size):
    urls = build_newsroom(size)
    client.get(urls[page])
    ArticleFactory(headline="Just published")  # any change to the lists
    with CaptureQueriesContext(connection) as captured:
        response = client.get(urls[page])
    assert response.status_code == 200
    assert len(captured) == FRESH_SEARCH[page]


@pytest.mark.parametrize("size", [1, 30])
def test_the_article_page_drawn_afresh_after_a_change_runs_a_fixed_number_of_queries(client, size):
    urls = build_newsroom(size)
    client.get(urls["article"])
    article = Article.objects.get(headline="The measured piece")
    article.dek = "A new standfirst."
    article.save()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(urls["article"])
    assert "A new standfirst." in response.text
    # The piece, its bylines, actor links, citations and tags, related coverage, the next
    # scheduled piece and the number of comments.
    assert len(captured) == 8
