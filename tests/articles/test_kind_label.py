"""A reader sees what kind of piece they are reading, opinion set apart from reporting, on
the article page and on every list of cards."""

import re

import pytest
from django.core.cache import cache

from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

LABEL = re.compile(r'<span class="kind-label kind-label--(\w+)">([^<]+)</span>')


def labels(html: str) -> list[tuple[str, str]]:
    return LABEL.findall(html)


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        ("opinion", "Opinion"),
        ("analysis", "Analysis"),
        ("news", "News"),
        ("explainer", "Explainer"),
    ],
)
def test_the_article_page_names_the_kind_above_the_headline(client, kind, shown):
    article = ArticleFactory(kind=kind, headline="Europe needs a vote")

    html = client.get(article.get_absolute_url()).text

    header = html.split('<header class="article__header">', 1)[1].split("</h1>", 1)[0]
    assert labels(header) == [(kind, shown)]
    assert header.index("kind-label") < header.index('class="article__headline"')


def test_an_opinion_piece_is_labelled_even_without_a_section(client):
    article = ArticleFactory(kind="opinion", section=None)

    html = client.get(article.get_absolute_url()).text

    assert ("opinion", "Opinion") in labels(html.split("</h1>", 1)[0])


@pytest.fixture
def opinion_and_news():
    cache.clear()
    section = SectionFactory(name="Europe")
    author = AuthorFactory(byline="Martin Halloway")
    actor = ActorFactory(name="Viktor Orbán")
    pieces = [
        ArticleFactory(kind="opinion", section=section, headline="Orbán must be outvoted"),
        ArticleFactory(kind="news", section=section, headline="Orbán vetoes the package"),
    ]
    for article in pieces:
        BylineFactory(article=article, author=author)
        ArticleActorFactory(article=article, actor=actor, role="main")
        article.tags.add("unanimity")
    return section, author, actor


@pytest.mark.parametrize(
    "page",
    [
        "/",
        "/sections/europe/",
        "/tags/unanimity/",
        "/authors/martin-halloway/",
        "/actors/viktor-orban/",
        "/search/?q=Orb%C3%A1n",
    ],
)
def test_every_list_of_pieces_labels_each_piece_with_its_kind(client, opinion_and_news, page):
    html = client.get(page).text

    items = re.findall(
        r'<article class="card.*?</article>|<li class="search-result">.*?</li>', html, re.S
    )
    by_headline = {
        re.sub(r"<[^>]+>", "", headline): labels(item)
        for item in items
        for headline in re.findall(r'__headline"><a [^>]*>(.*?)</a>', item)
    }
    assert by_headline["Orbán must be outvoted"] == [("opinion", "Opinion")]
    assert by_headline["Orbán vetoes the package"] == [("news", "News")]
