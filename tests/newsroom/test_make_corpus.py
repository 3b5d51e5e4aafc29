"""`make_corpus` builds a benchmark corpus that the site serves like real content."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from bench.corpus import busy_article_and_subscriber
from members.subscriptions import is_subscriber

pytestmark = pytest.mark.django_db


def make(articles=60, actors=20):
    call_command("make_corpus", articles=articles, actors=actors, stdout=io.StringIO())


def test_corpus_has_articles_actors_and_one_busy_discussion(client):
    make()
    assert Article.objects.count() == 60
    assert Article.objects.public().count() < 60  # a few drafts, never shown
    article, subscriber = busy_article_and_subscriber()
    assert article.comments.count() == 300
    assert is_subscriber(subscriber)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "300 comments" in response.text


def test_corpus_articles_are_searchable(client):
    make()
    response = client.get("/search/", {"q": "summit"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count > 0


def test_corpus_is_built_once_per_database():
    make(articles=5)
    with pytest.raises(CommandError, match="already holds a corpus"):
        make(articles=5)


def test_corpus_has_a_free_reader_who_is_shown_no_comments(client):
    from bench.corpus import free_reader

    make()
    reader = free_reader()
    assert reader is not None and not is_subscriber(reader)
    article, _ = busy_article_and_subscriber()
    client.force_login(reader)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "your account has none running" in response.text
    assert 'id="comment-' not in response.text
