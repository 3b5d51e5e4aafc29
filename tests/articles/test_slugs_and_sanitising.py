import pytest

from actors.models import Actor
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_slug_folds_accents_from_the_headline():
    article = ArticleFactory(headline="Orbán meets Fico in Bratislava")
    assert article.slug == "orban-meets-fico-in-bratislava"


def test_actor_slug_folds_accents():
    assert Actor.objects.create(name="Viktor Orbán").slug == "viktor-orban"


def test_slugs_stay_unique_when_headlines_repeat():
    first = ArticleFactory(headline="The week in Europe")
    second = ArticleFactory(headline="The week in Europe")
    assert first.slug == "the-week-in-europe"
    assert second.slug == "the-week-in-europe-2"


def test_slug_survives_a_headline_change():
    article = ArticleFactory(headline="First headline")
    article.headline = "A better headline"
    article.save()
    article.refresh_from_db()
    assert article.slug == "first-headline"


HOSTILE = [
    ("<p>Fine</p><script>alert(1)</script>", "<script"),
    ('<p onclick="alert(1)">Click</p>', "onclick"),
    ('<p><a href="javascript:alert(1)">link</a></p>', "javascript:"),
    ('<p><img src=x onerror="alert(1)"></p>', "<img"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ('<p style="position:fixed">overlay</p>', "style="),
    ("<svg><script>alert(1)</script></svg>", "<svg"),
    ("<h1>Second headline</h1>", "<h1"),
    ('<p><a href="data:text/html,<script>alert(1)</script>">x</a></p>', "data:"),
]


@pytest.mark.parametrize("html,forbidden", HOSTILE)
def test_body_is_sanitised_on_save_whatever_was_sent(html, forbidden):
    article = ArticleFactory(body=html)
    article.refresh_from_db()
    assert forbidden not in article.body


def test_sanitising_keeps_the_markup_editors_use():
    body = (
        "<h2>Part one</h2><h3>Detail</h3><p><strong>Bold</strong> and <em>em</em> "
        '<a href="https://example.org/report">a link</a></p><ul><li>one</li></ul>'
        "<ol><li>two</li></ol><blockquote><p>quoted</p></blockquote>"
    )
    article = ArticleFactory(body=body)
    article.refresh_from_db()
    for fragment in [
        "<h2>Part one</h2>",
        "<h3>Detail</h3>",
        "<strong>Bold</strong>",
        "<em>em</em>",
        'href="https://example.org/report"',
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
        "<blockquote><p>quoted</p></blockquote>",
    ]:
        assert fragment in article.body


@pytest.mark.parametrize(
    "href",
    [
        "//evil.example/login",
        "  //evil.example",
        "\\\\evil.example",
        "/\\evil.example",
        "/\t/evil.example",
    ],
)
def test_sanitising_removes_scheme_relative_links_to_other_sites(href):
    article = ArticleFactory(body=f'<p><a href="{href}">the report</a></p>')
    article.refresh_from_db()
    assert "evil.example" not in article.body
    assert "the report" in article.body


def test_sanitising_drops_rel_opener_and_keeps_the_other_link_types():
    body = '<p><a href="https://example.org/" rel="opener nofollow">a</a></p>'
    article = ArticleFactory(body=body)
    article.refresh_from_db()
    assert "opener" not in article.body.replace("noopener", "")
    assert 'rel="nofollow"' in article.body


def test_sanitising_keeps_links_within_the_site():
    article = ArticleFactory(body='<p><a href="/articles/earlier-piece/">earlier</a></p>')
    article.refresh_from_db()
    assert 'href="/articles/earlier-piece/"' in article.body


def test_hostile_body_never_reaches_the_page(client):
    body = '<p>Text</p><script>alert("x")</script><p onmouseover="x()">y</p>'
    article = ArticleFactory(body=body)
    response = client.get(article.get_absolute_url())
    assert 'alert("x")' not in response.text
    assert "onmouseover" not in response.text


def test_reading_time_counts_the_words_of_the_body():
    article = ArticleFactory(body="<p>" + "word " * 700 + "</p>")
    assert article.reading_minutes == 4


def test_published_article_gets_a_publish_time_and_first_published_time():
    article = Article.objects.create(headline="Now", status=Article.Status.PUBLISHED)
    assert article.publish_at is not None
    assert article.first_published_at == article.publish_at


def test_rescheduling_a_piece_that_has_not_gone_out_moves_its_first_publication():
    import datetime

    from django.utils import timezone

    soon = timezone.now() + datetime.timedelta(days=2)
    later = soon + datetime.timedelta(days=5)
    article = ArticleFactory(publish_at=soon)
    article.publish_at = later
    article.save()
    assert article.first_published_at == later
