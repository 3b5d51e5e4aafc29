"""What search engines and link previews read: titles, descriptions, canonical links,
OpenGraph and Twitter tags, and JSON-LD that parses and cannot be broken out of."""

import json
import re
from html.parser import HTMLParser

import pytest

from tests.factories import (
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    SourceFactory,
    image_file,
)

pytestmark = pytest.mark.django_db


class HeadReader(HTMLParser):
    """Collects <title>, <meta>, <link rel=canonical> and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.title, self.meta, self.canonical, self.json_ld = "", {}, [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json"
            self.json_ld.append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json":
            self.json_ld[-1] += data


def read(response) -> HeadReader:
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.text)
    return reader


@pytest.fixture
def article():
    article = ArticleFactory(
        headline="Orbán and Fico: the quiet channel",
        dek="Two leaders keep their own lines to Moscow.",
        kind="news",
    )
    article.lead_image.save("lead.jpg", image_file(size=(1600, 900)), save=False)
    article.lead_image_caption = "Two leaders pose during a visit."
    article.lead_image_credit_source = SourceFactory(name="Central Broadcaster")
    article.save()
    article.tags.add("Back channels")
    BylineFactory(article=article, author=AuthorFactory(byline="Martin Halloway"))
    orban = ActorFactory(name="Viktor Orbán", wikidata_id="Q57641")
    ArticleActorFactory(article=article, actor=orban, role="main")
    ArticleActorFactory(article=article, actor=ActorFactory(name="Hungary", kind="state"))
    return article


def json_ld(response) -> dict[str, dict]:
    blocks = [json.loads(block) for block in read(response).json_ld]
    return {block["@type"]: block for block in blocks}


def test_article_page_carries_a_complete_news_article(client, article):
    data = json_ld(client.get(article.get_absolute_url()))["NewsArticle"]
    url = f"http://testserver{article.get_absolute_url()}"

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Orbán and Fico: the quiet channel"
    assert data["description"] == "Two leaders keep their own lines to Moscow."
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["datePublished"].startswith(article.first_published_at.date().isoformat())
    assert data["dateModified"] >= data["datePublished"]
    assert data["isAccessibleForFree"] is True
    assert data["articleSection"] == "Diplomacy"
    [image] = data["image"]
    assert image["url"].startswith("http://testserver/media/")
    assert (image["width"], image["height"]) == (1400, 788)
    assert image["creditText"] == "Central Broadcaster"
    [author] = data["author"]
    assert author == {
        "@type": "Person",
        "name": "Martin Halloway",
        "url": "http://testserver/authors/martin-halloway/",
        "jobTitle": "Correspondent",
    }
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "The Meridian Review"
    assert publisher["logo"]["url"] == "http://testserver/static/img/logo.png"


def test_main_actors_are_what_the_piece_is_about_and_others_are_mentions(client, article):
    data = json_ld(client.get(article.get_absolute_url()))["NewsArticle"]

    assert data["about"] == [
        {
            "@type": "Person",
            "name": "Viktor Orbán",
            "url": "http://testserver/actors/viktor-orban/",
            "sameAs": ["https://www.wikidata.org/wiki/Q57641"],
        }
    ]
    assert data["mentions"] == [
        {"@type": "Country", "name": "Hungary", "url": "http://testserver/actors/hungary/"}
    ]


def test_article_page_carries_its_breadcrumbs(client, article):
    crumbs = json_ld(client.get(article.get_absolute_url()))["BreadcrumbList"]

    assert [(c["position"], c["name"], c["item"]) for c in crumbs["itemListElement"]] == [
        (1, "The Meridian Review", "http://testserver/"),
        (2, "Diplomacy", "http://testserver/sections/diplomacy/"),
        (3, article.headline, f"http://testserver{article.get_absolute_url()}"),
    ]


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("news", "NewsArticle"),
        ("analysis", "AnalysisNewsArticle"),
        ("opinion", "OpinionNewsArticle"),
        ("explainer", "BackgroundNewsArticle"),
    ],
)
def test_the_json_ld_type_tells_opinion_and_analysis_from_news(client, kind, schema_type):
    article = ArticleFactory(kind=kind)

    blocks = json_ld(client.get(article.get_absolute_url()))

    assert set(blocks) == {schema_type, "BreadcrumbList"}
    assert blocks[schema_type]["headline"] == article.headline


def test_no_headline_can_break_out_of_the_json_ld_block(client):
    nasty = '</script><script>alert("x")</script><!-- & \u2028'
    article = ArticleFactory(headline=nasty, dek="<b>dek</b> & more", kind="news")

    response = client.get(article.get_absolute_url())

    assert "</script><script>alert" not in response.text
    assert "<!--" not in response.text.split("<body>")[0].split('ld+json">', 1)[1]
    data = json_ld(response)["NewsArticle"]
    assert data["headline"] == nasty
    assert data["description"] == "<b>dek</b> & more"


def test_article_page_carries_opengraph_and_a_twitter_card(client, article):
    meta = read(client.get(article.get_absolute_url())).meta

    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["Orbán and Fico: the quiet channel"]
    assert meta["og:description"] == ["Two leaders keep their own lines to Moscow."]
    assert meta["og:url"] == [f"http://testserver{article.get_absolute_url()}"]
    assert meta["og:image"][0].startswith("http://testserver/media/")
    assert meta["og:image:width"] == ["1400"]
    assert meta["og:image:height"] == ["788"]
    assert meta["article:published_time"][0].startswith(
        article.first_published_at.date().isoformat()
    )
    assert meta["article:section"] == ["Diplomacy"]
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["twitter:image"] == meta["og:image"]


def test_the_publisher_logo_is_served(client):
    assert client.get("/static/img/logo.png").status_code == 200


def test_home_page_describes_the_publication_and_its_search(client):
    ArticleFactory()

    website = json_ld(client.get("/"))["WebSite"]

    assert website["url"] == "http://testserver/"
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert target == "http://testserver/search/?q={search_term}"


def test_every_public_page_has_a_title_a_description_and_a_canonical_link(client, every_page_kind):
    pages = dict(every_page_kind)
    pages["/search/?q=orban"] = client.get("/search/?q=orban")
    pages["/actors/graph/"] = client.get("/actors/graph/")
    for url, response in pages.items():
        if response.status_code == 404:
            continue
        head = read(response)
        assert head.title.strip(), url
        assert [d for d in head.meta.get("description", []) if d and d.strip()], url
        assert len(head.canonical) == 1, url
        assert head.canonical[0].startswith("http://testserver/"), url
        assert re.match(r"^[^?]*$|.*\?(q|kind|period|page)=", head.canonical[0]), url


def test_search_graph_and_related_pages_are_valid_html(client, article, tmp_path):
    from tests.newsroom import test_html_validity as vnu

    if not (vnu.VNU_JAR.exists() and vnu.JAVA):
        pytest.skip("the W3C Nu Html Checker is not available")
    ArticleActorFactory(
        article=ArticleFactory(headline="Another piece on Orbán"),
        actor=article.actor_links.get(role="main").actor,
        role="main",
    )
    urls = [
        "/search/?q=orb%C3%A1n+%3Cb%3E",
        "/search/?section=diplomacy&period=week",
        "/search/",
        "/actors/graph/",
        "/actors/viktor-orban/",
        article.get_absolute_url(),
    ]
    files = {}
    for n, url in enumerate(urls):
        path = tmp_path / f"page{n}.html"
        path.write_bytes(client.get(url).content)
        files[str(path)] = url
    result = vnu.subprocess.run(
        [vnu.JAVA, "-jar", str(vnu.VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "caption, shown",
    [
        ("Two leaders pose during a visit", "Two leaders pose during a visit."),
        ("Who met whom?", "Who met whom?"),
        ("Two leaders in Budapest.", "Two leaders in Budapest."),
    ],
)
def test_caption_and_credit_read_as_one_line(client, caption, shown):
    article = ArticleFactory(lead_image_caption=caption, lead_image_credit_text="Wire Photo")
    article.lead_image.save("lead.jpg", image_file(size=(1600, 900)))
    text = " ".join(re.sub(r"<[^>]+>", " ", client.get(article.get_absolute_url()).text).split())
    assert f"{shown} Image credit: Wire Photo" in text


def test_the_article_page_lists_main_subjects_before_those_also_mentioned(client):
    from tests.factories import ArticleActorFactory, ArticleFactory

    article = ArticleFactory()
    ArticleActorFactory(article=article, role="mentioned", actor__name="Robert Fico")
    ArticleActorFactory(article=article, role="main", actor__name="Viktor Orbán")

    text = client.get(article.get_absolute_url()).text
    main, also = text.index("Main subjects"), text.index("Also mentioned")

    assert main < text.index("Viktor Orbán", main) < also
    assert "Robert Fico" not in text[main:also]
    assert "Robert Fico" in text[also:]
