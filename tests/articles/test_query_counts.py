"""Every public page runs a fixed number of SQL queries, whatever an article carries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
BUDGETS = {
    "home": 4,
    "article": 6,
    "section": 4,
    "tag": 4,
    "author": 4,
    "actor_index": 3,
    "actor": 6,
    "source_index": 3,
    "source": 4,
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
    }


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("page", list(BUDGETS))
@pytest.mark.parametrize("size", [1, 30])
def test_public_page_runs_its_pinned_number_of_queries(client, page, size):
    urls = build_newsroom(size)
    assert queries_for(client, urls[page]) == BUDGETS[page]
