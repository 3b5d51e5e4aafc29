"""Hostile text stored in every field a public page shows, then every such page rendered.

For each string of ``tests/hostile.py`` (in batches, each built once for every test of the
batch): an article whose headline, standfirst, body, caption, alt text and credit carry it,
with an author, an actor and its alias, a source and its alias, a tag and a commenter's
name and comment all carrying it too. Every
public page that shows them (article, lists, actor, source, tag, author and search pages,
feeds, sitemaps, JSON-LD) must answer without error, carry no markup the string tried to
smuggle in, and show the stored text exactly as it was stored.
"""

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
from django.utils.html import escape

from actors.models import ActorAlias
from articles.models import Article, AuthorProfile
from members.names import clean_display_name
from sources.models import SourceAlias
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
    SubscriptionFactory,
    image_file,
)
from tests.hostile import STORABLE, fit, markup_problems, visible_text, words

pytestmark = pytest.mark.django_db

BATCH = 30
BATCHES = [STORABLE[n : n + BATCH] for n in range(0, len(STORABLE), BATCH)]
XML_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def max_length(model, name):
    return model._meta.get_field(name).max_length


def the_same(model, name, text):
    return fit(text, max_length(model, name))


@pytest.fixture(scope="module")
def hostile_media(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, hostile_media):
    """Every test of a batch reads the lead image its module stored (the suite's own
    fixture of this name gives each test an empty folder)."""
    settings.MEDIA_ROOT = hostile_media


@pytest.fixture(
    scope="module",
    # In a parallel run (``--dist loadgroup``) each batch's tests share one worker, so the
    # batch is built once.
    params=[
        pytest.param(n, marks=pytest.mark.xdist_group(f"hostile-content-{n}"))
        for n in range(len(BATCHES))
    ],
    ids=lambda n: f"batch{n}",
)
def batch(request, django_db_setup, django_db_blocker, hostile_media):
    """One article per string of the batch, everything around it named by the same string:
    built once for every test of the batch, rolled back when they are done."""
    from django.core.cache import cache
    from django.db import transaction
    from django.test import override_settings

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=hostile_media),
        transaction.atomic(),
    ):
        built = build_hostile_newsroom(BATCHES[request.param])
        cache.clear()
        yield built
        transaction.set_rollback(True)


def build_hostile_newsroom(strings):
    section = SectionFactory(name="Hostile desk")
    lead = Article(headline="lead").lead_image.field.storage.save(
        "articles/lead.jpg", image_file(size=(48, 27))
    )
    reader = MemberFactory(email="subscriber@test.example", display_name="Reader")
    SubscriptionFactory(member=reader)
    made = []
    for n, text in enumerate(strings):
        article = ArticleFactory(
            headline=the_same(Article, "headline", text),
            dek=text,
            # Typed text, escaped as the editor would send it, then the same text raw:
            # the first must come back word for word, the second must lose its markup.
            body=f"<p>{escape(text)}</p><p>{text}</p>",
            section=section,
            lead_image=lead,
            lead_image_caption=the_same(Article, "lead_image_caption", text),
            lead_image_alt=the_same(Article, "lead_image_alt", text),
            lead_image_credit_text=the_same(Article, "lead_image_credit_text", text),
            tags=[fit(text, 100) or f"empty {n}"],
        )
        author = AuthorFactory(byline=the_same(AuthorProfile, "byline", text))
        BylineFactory(article=article, author=author)
        actor = ActorFactory(name=fit(text, 200), title=fit(text, 200))
        ActorAlias.objects.create(actor=actor, name=fit(f"{text} alias", 200))
        ArticleActorFactory(article=article, actor=actor, role="main")
        source = SourceFactory(name=fit(f"{n} {text}", 200))
        SourceAlias.objects.create(source=source, name=fit(text, 200) or "-")
        CitationFactory(article=article, source=source, note=fit(text, 300))
        commenter = MemberFactory(email=f"commenter{n}@test.example", display_name=fit(text, 60))
        SubscriptionFactory(member=commenter)
        comment = CommentFactory(article=article, member=commenter, body=fit(text, 5000))
        made.append(Made(text, article, author, actor, source, comment))
    return Batch(section, made, reader)


@dataclass
class Made:
    text: str
    article: Article
    author: AuthorProfile
    actor: object
    source: object
    comment: object


@dataclass
class Batch:
    section: object
    made: list[Made]
    reader: object


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response


def html_of(response) -> str:
    html = response.content.decode()
    problems = markup_problems(html)
    assert not problems, f"{response.wsgi_request.path}: {problems}"
    return html


def shows(page_text: str, text: str, where: str):
    """``page_text`` is the page's ``visible_text``, worked out once per page."""
    if words(text):
        assert words(text) in page_text, f"{where} does not show {text[:80]!r}"


def json_ld(html: str) -> list:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def well_formed_xml(response) -> ET.Element:
    return ET.fromstring(response.content)


def test_hostile_text_is_stored_as_typed(batch):
    for made in batch.made:
        text, article, comment, actor = made.text, made.article, made.comment, made.actor
        article.refresh_from_db()
        comment.refresh_from_db()
        actor.refresh_from_db()
        # Stored exactly as typed (cut to the column's length where it is longer).
        assert article.headline == the_same(Article, "headline", text)
        assert article.dek == text
        assert article.lead_image_caption == the_same(Article, "lead_image_caption", text)
        assert article.lead_image_credit_text == the_same(Article, "lead_image_credit_text", text)
        assert comment.body == fit(text, 5000)
        assert actor.name == fit(text, 200)
        # Display names lose control and bidi characters (members.names).
        assert comment.member.display_name == clean_display_name(fit(text, 60))


def test_a_subscribers_article_page_shows_every_field_and_comment_as_text(batch, client):
    client.force_login(batch.reader)
    for made in batch.made:
        article = made.article
        page = html_of(fetch(client, article.get_absolute_url()))
        page_text = visible_text(page)
        for field in (
            article.headline,
            article.dek,
            article.lead_image_caption,
            article.lead_image_credit_text,
            made.author.byline,
            made.actor.name,
            made.source.name,
            made.comment.member.display_name,
        ):
            shows(page_text, field, f"the page of article {article.pk}")
        shows(page_text, made.text, f"the body of article {article.pk}")
        shows(page_text, made.comment.body, f"comment {made.comment.pk}")
        for tag in article.tags.all():
            shows(page_text, tag.name, f"the tags of article {article.pk}")
        # JSON-LD stays data: it parses, and carries the headline as stored.
        assert any(block.get("headline") == article.headline for block in json_ld(page))


def test_the_anonymous_article_page_shows_the_headline_as_text(batch, client):
    for made in batch.made:
        page = html_of(fetch(client, made.article.get_absolute_url()))
        shows(visible_text(page), made.article.headline, f"article {made.article.pk}")


def test_actor_source_and_author_pages_show_their_names_as_text(batch, client):
    client.force_login(batch.reader)
    for made in batch.made:
        actor_page = visible_text(html_of(fetch(client, made.actor.get_absolute_url())))
        shows(actor_page, made.actor.name, "the actor page")
        for alias in made.actor.aliases.all():
            shows(actor_page, alias.name, "the actor's aliases")
        source_page = visible_text(html_of(fetch(client, made.source.get_absolute_url())))
        shows(source_page, made.source.name, "the source page")
        author_page = visible_text(html_of(fetch(client, made.author.get_absolute_url())))
        shows(author_page, made.author.byline, "the author page")


def test_tag_pages_show_the_tag_as_text_and_their_feeds_are_well_formed(batch, client):
    for made in batch.made:
        for tag in made.article.tags.all():
            tag_page = visible_text(html_of(fetch(client, f"/tags/{tag.slug}/")))
            shows(tag_page, tag.name, "the tag page")
            well_formed_xml(fetch(client, f"/feeds/tags/{tag.slug}/"))


def test_an_actors_feed_carries_the_headline_as_stored(batch, client):
    for made in batch.made:
        feed = well_formed_xml(fetch(client, f"/feeds/actors/{made.actor.slug}/"))
        titles = [item.findtext("title") for item in feed.iter("item")]
        # XML parsers read every line break as a line feed.
        headline = made.article.headline
        expected = XML_CONTROL.sub("", headline).replace("\r\n", "\n").replace("\r", "\n")
        assert titles == [expected]


def test_searching_for_the_text_highlights_without_breaking_the_markup(batch, client):
    for made in batch.made:
        search = html_of(fetch(client, "/search/?" + urlencode_query(made.text)))
        assert search.count("<mark>") == search.count("</mark>")


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "subscriber"])
@pytest.mark.parametrize("page", ["home", "section", "actors", "sources", "graph"])
def test_lists_of_the_whole_batch_carry_no_smuggled_markup(batch, client, page, logged_in):
    url = {
        "home": "/",
        "section": batch.section.get_absolute_url(),
        "actors": "/actors/",
        "sources": "/sources/",
        "graph": "/actors/graph/",
    }[page]
    if logged_in:
        client.force_login(batch.reader)
    html_of(fetch(client, url))


def test_feeds_and_sitemaps_of_the_whole_batch_are_well_formed(batch, client):
    for url in ["/feeds/latest/", f"/feeds/sections/{batch.section.slug}/", "/news-sitemap.xml"]:
        well_formed_xml(fetch(client, url))
    index = well_formed_xml(fetch(client, "/sitemap.xml"))
    for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        well_formed_xml(fetch(client, loc.text.replace("http://testserver", "")))


def urlencode_query(text: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": text})


def test_hostile_appeal_and_sponsor_texts_are_shown_as_text(client):
    """The editor's appeal and a sponsor's placement carry each string in turn."""
    from members.models import Appeal
    from sponsors.models import Placement, Sponsor
    from tests.factories import AppealFactory, PlacementFactory

    article = ArticleFactory(headline="A piece with an appeal and a sponsor")
    appeal = AppealFactory()
    placement = PlacementFactory()
    sponsor = placement.sponsor
    client.force_login(MemberFactory(email="reader@test.example"))  # sees the appeal
    for n, text in enumerate(STORABLE):
        appeal.heading = the_same(Appeal, "heading", text)
        appeal.text = text
        appeal.call_to_action = the_same(Appeal, "call_to_action", text) or "Subscribe"
        appeal.save()
        sponsor.name = fit(f"{n} {text}", max_length(Sponsor, "name"))
        sponsor.save()
        placement.headline = the_same(Placement, "headline", text)
        placement.text = fit(text, 600)
        placement.save()

        page = html_of(fetch(client, article.get_absolute_url()))
        page_text = visible_text(page)
        for shown in (appeal.heading, appeal.text, sponsor.name, placement.headline):
            shows(page_text, shown, f"the appeal and sponsor block for string {n}")
        assert "Sponsored" in page_text
        appeal.refresh_from_db()
        placement.refresh_from_db()
        assert (appeal.text, placement.text) == (text, fit(text, 600))
