"""The parts of an article page that every reader sees alike (header and body, author box,
actors, topics, sources, related coverage, link previews) come from the cache, for logged-in
readers and, with the page cache off, for anonymous ones; each is drawn afresh the moment
what it shows changes, and a preview's text is never kept for readers."""

import pytest
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import previews
from articles.models import PendingChanges
from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CitationFactory,
    CommentFactory,
    MemberFactory,
    SectionFactory,
    SourceFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(db):
    return SectionFactory(name="Diplomacy")


@pytest.fixture
def actor(db):
    return ActorFactory(name="Anna Weber", title="Foreign Minister of Austria")


@pytest.fixture
def source(db):
    return SourceFactory(name="Vienna Wire")


@pytest.fixture
def author(db):
    return AuthorFactory(byline="Jo Lindqvist", bio="Covers Central Europe from Vienna.")


@pytest.fixture
def piece(section, actor, source, author):
    article = ArticleFactory(
        headline="Talks in Vienna end quietly",
        body="<p>The ministers met on Tuesday and agreed nothing of note.</p>",
        section=section,
        tags=["Neutrality"],
    )
    BylineFactory(article=article, author=author)
    ArticleActorFactory(article=article, actor=actor, role="main")
    CitationFactory(article=article, source=source)
    return article


@pytest.fixture(params=["anonymous", "member"])
def reader(request, db):
    client = Client()
    if request.param == "member":
        client.force_login(MemberFactory(email="reader@test.example"))
    return client


def read(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.text


def test_a_piece_taken_down_is_gone_at_once_though_it_was_kept(reader, piece):
    assert "agreed nothing of note" in read(reader, piece)
    piece.status = piece.Status.DRAFT
    piece.save()
    assert reader.get(piece.get_absolute_url()).status_code == 404


def test_an_edited_body_is_read_at_once(reader, piece):
    assert "agreed nothing of note" in read(reader, piece)
    piece.body = "<p>The ministers met on Tuesday and agreed a second round.</p>"
    piece.save()
    page = read(reader, piece)
    assert "agreed a second round" in page
    assert "agreed nothing of note" not in page


def test_a_new_headline_is_read_in_the_page_and_its_link_previews(reader, piece):
    read(reader, piece)
    piece.headline = "Vienna talks open a second round"
    piece.save()
    page = read(reader, piece)
    assert '<h1 class="article__headline">Vienna talks open a second round</h1>' in page
    assert '<meta property="og:title" content="Vienna talks open a second round">' in page
    assert '"headline":"Vienna talks open a second round"' in page


def test_a_renamed_actor_is_read_on_the_chip(reader, piece, actor):
    assert "Anna Weber" in read(reader, piece)
    actor.name = "Anna Lindner"
    actor.save()
    page = read(reader, piece)
    assert '<span class="chip__name">Anna Lindner</span>' in page
    assert "Anna Weber" not in page


def test_an_actor_linked_afterwards_gets_a_chip(reader, piece):
    read(reader, piece)
    ArticleActorFactory(article=piece, actor=ActorFactory(name="Karl Huber"), role="mentioned")
    assert '<span class="chip__name">Karl Huber</span>' in read(reader, piece)


def test_a_renamed_source_is_read_among_the_sources(reader, piece, source):
    read(reader, piece)
    source.name = "Danube Wire"
    source.save()
    page = read(reader, piece)
    assert ">Danube Wire</a>" in page
    assert "Vienna Wire" not in page


def test_a_new_citation_is_read_among_the_sources(reader, piece):
    read(reader, piece)
    CitationFactory(article=piece, source=SourceFactory(name="Alpine Herald"))
    assert ">Alpine Herald</a>" in read(reader, piece)


def test_an_author_s_new_bio_is_read_in_the_author_box(reader, piece, author):
    read(reader, piece)
    author.bio = "Now covers the Balkans from Belgrade."
    author.save()
    page = read(reader, piece)
    assert "Now covers the Balkans from Belgrade." in page
    assert "Covers Central Europe from Vienna." not in page


def test_a_new_topic_is_read_at_once(reader, piece):
    read(reader, piece)
    piece.tags.add("Energy security")
    assert ">Energy security</a>" in read(reader, piece)


def test_a_renamed_section_is_read_above_the_headline(reader, piece, section):
    read(reader, piece)
    section.name = "Foreign affairs"
    section.save()
    assert f'<a href="{section.get_absolute_url()}">Foreign affairs</a>' in read(reader, piece)


def test_a_new_related_piece_is_read_under_the_piece(reader, piece, actor):
    assert "Related coverage" not in read(reader, piece)
    other = ArticleFactory(headline="Austria weighs its neutrality")
    ArticleActorFactory(article=other, actor=actor, role="main")
    page = read(reader, piece)
    assert "Related coverage" in page
    assert "Austria weighs its neutrality" in page


def test_a_related_piece_unpublished_leaves_the_page(reader, piece, actor):
    other = ArticleFactory(headline="Austria weighs its neutrality")
    ArticleActorFactory(article=other, actor=actor, role="main")
    assert "Austria weighs its neutrality" in read(reader, piece)
    other.status = other.Status.DRAFT
    other.save()
    assert "Austria weighs its neutrality" not in read(reader, piece)


def test_a_new_comment_is_counted_while_the_piece_comes_from_the_cache(client, piece):
    assert "0 comments" in read(client, piece)
    CommentFactory(article=piece)
    with CaptureQueriesContext(connection) as captured:
        page = read(client, piece)
    assert "1 comment<" in page
    assert "agreed nothing of note" in page
    # The count: the piece (kept until a piece changes) and its parts were not read again.
    assert len(captured) == 1


def test_the_pending_version_is_previewed_and_never_kept_for_readers(client, piece):
    editor = StaffFactory()
    PendingChanges.objects.create(
        article=piece,
        fields={**PendingChanges.values_of(piece), "body": "<p>A second round is agreed.</p>"},
        saved_by=editor,
        saved_at=timezone.now(),
    )
    link = previews.share(piece, by=editor)
    assert "agreed nothing of note" in read(client, piece)
    preview = client.get(link).text
    assert "A second round is agreed." in preview
    assert "agreed nothing of note" not in preview
    page = read(client, piece)
    assert "agreed nothing of note" in page
    assert "A second round is agreed." not in page


# --- The template tag ---------------------------------------------------------------------


def draw(source: str, **context) -> str:
    request = RequestFactory().get("/articles/talks/")
    return Template("{% load fragments %}" + source).render(
        Context({"request": request, **context})
    )


def test_a_teaser_is_never_served_as_the_whole_piece_nor_the_reverse(piece):
    teaser = '{% fragment "article-main" article "teaser" %}{{ text }}{% endfragment %}'
    full = '{% fragment "article-main" article "full" %}{{ text }}{% endfragment %}'
    assert draw(teaser, article=piece, text="the opening") == "the opening"
    assert draw(full, article=piece, text="the whole piece") == "the whole piece"
    # Each is kept under its own variant.
    assert draw(teaser, article=piece, text="drawn again") == "the opening"
    assert draw(full, article=piece, text="drawn again") == "the whole piece"


def test_a_page_naming_no_variant_keeps_nothing(piece):
    part = '{% fragment "article-main" article variant %}{{ text }}{% endfragment %}'
    assert draw(part, article=piece, variant="", text="first") == "first"
    assert draw(part, article=piece, variant="", text="second") == "second"


def test_a_live_block_is_drawn_on_every_request_inside_a_kept_part(piece):
    part = (
        '{% fragment "article-main" article "full" %}'
        "[{{ n }}]{% live %}({{ n }}){% endlive %}{% endfragment %}"
    )
    assert draw(part, article=piece, n=1) == "[1](1)"
    assert draw(part, article=piece, n=2) == "[1](2)"


def test_a_live_block_inside_a_loop_of_a_part_is_refused():
    with pytest.raises(TemplateSyntaxError):
        Template(
            "{% load fragments %}"
            '{% fragment "front-page" %}{% for x in xs %}{% live %}{{ x }}{% endlive %}'
            "{% endfor %}{% endfragment %}"
        )


def test_a_piece_s_part_must_name_the_piece_and_its_variant():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load fragments %}{% fragment "article-main" %}x{% endfragment %}')
