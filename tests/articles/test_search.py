"""Search: ranked, accent-insensitive, public pieces only, on PostgreSQL and on SQLite."""

import datetime
import html
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.models import Article
from articles.search import SearchCriteria, search
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    SectionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite fallback only")


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def headlines(response) -> list[str]:
    found = re.findall(
        r'<h3 class="search-result__headline"><a [^>]*>(.*?)</a></h3>', response.text
    )
    return [html.unescape(re.sub(r"</?mark>", "", h)) for h in found]


def test_a_surname_typed_without_its_accent_finds_the_piece(client):
    ArticleFactory(headline="Budapest keeps its own line", body="<p>Viktor Orbán met Fico.</p>")
    ArticleFactory(headline="Nothing to see", body="<p>Ports and shipping rates.</p>")

    response = client.get("/search/", {"q": "orban"})

    assert response.status_code == 200
    assert headlines(response) == ["Budapest keeps its own line"]


def test_a_query_with_accents_finds_text_written_without_them(client):
    ArticleFactory(headline="Orban and the veto", body="<p>Plain ASCII spelling.</p>")

    assert headlines(client.get("/search/", {"q": "Orbán"})) == ["Orban and the veto"]


def test_a_headline_match_ranks_above_a_match_in_the_body(client):
    ArticleFactory(
        headline="Shipping through the strait",
        body="<p>Insurers watch Bratislava closely.</p>",
        publish_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    ArticleFactory(
        headline="Bratislava's balancing act",
        body="<p>A government between two capitals.</p>",
        publish_at=timezone.now() - datetime.timedelta(days=20),
    )

    assert headlines(client.get("/search/", {"q": "bratislava"})) == [
        "Bratislava's balancing act",
        "Shipping through the strait",
    ]


def test_drafts_pieces_in_review_and_scheduled_pieces_are_never_found(client):
    ArticleFactory(headline="Moldova public piece")
    ArticleFactory(headline="Moldova draft", status=Article.Status.DRAFT, publish_at=None)
    ArticleFactory(headline="Moldova in review", status=Article.Status.IN_REVIEW)
    ArticleFactory(
        headline="Moldova scheduled", publish_at=timezone.now() + datetime.timedelta(days=1)
    )

    assert headlines(client.get("/search/", {"q": "moldova"})) == ["Moldova public piece"]


def test_matching_actors_are_shown_above_the_articles_by_name_or_alias(client):
    orban = ActorFactory(name="Viktor Orbán", title="Prime Minister of Hungary")
    fico = ActorFactory(name="Robert Fico")
    ActorAliasFactory(actor=fico, name="Slovak PM")
    ArticleFactory(headline="About Orbán")

    by_name = client.get("/search/", {"q": "orban"}).text
    by_alias = client.get("/search/", {"q": "slovak pm"}).text

    assert orban.get_absolute_url() in by_name
    assert by_name.index(orban.get_absolute_url()) < by_name.index("search-result__headline")
    assert fico.get_absolute_url() in by_alias
    assert orban.get_absolute_url() not in by_alias


def test_actors_match_at_the_start_of_a_word_not_inside_one(client):
    ActorFactory(name="Viktor Orbán")

    response = client.get("/search/", {"q": "ban"})

    assert "/actors/viktor-orban/" not in response.text


def test_matching_sources_are_listed_too(client):
    source = SourceFactory(name="Agence Française de Presse")

    response = client.get("/search/", {"q": "francaise"})

    assert source.get_absolute_url() in response.text


def test_tags_are_searched_and_the_index_follows_tag_changes(client):
    article = ArticleFactory(headline="A quiet piece", body="<p>Nothing special.</p>")

    assert headlines(client.get("/search/", {"q": "kaliningrad"})) == []
    article.tags.add("Kaliningrad")
    assert headlines(client.get("/search/", {"q": "kaliningrad"})) == ["A quiet piece"]
    article.tags.remove("Kaliningrad")
    assert headlines(client.get("/search/", {"q": "kaliningrad"})) == []


def test_renaming_a_tag_updates_the_pieces_that_carry_it(client):
    article = ArticleFactory(headline="A tagged piece", body="<p>Plain.</p>")
    article.tags.add("Transnistria")
    tag = article.tags.get()

    tag.name = "Pridnestrovie"
    tag.save()

    assert headlines(client.get("/search/", {"q": "pridnestrovie"})) == ["A tagged piece"]


def test_editing_an_article_updates_what_search_finds(client):
    article = ArticleFactory(headline="Gas transit", body="<p>Pipelines.</p>")
    article.body = "<p>Interconnectors in Slovenia.</p>"
    article.save()

    assert headlines(client.get("/search/", {"q": "slovenia"})) == ["Gas transit"]
    assert headlines(client.get("/search/", {"q": "pipelines"})) == []


def test_results_filter_by_section_kind_and_date(client):
    europe = SectionFactory(name="Europe")
    security = SectionFactory(name="Security")
    now = timezone.now()
    ArticleFactory(headline="Baltic analysis", section=europe, kind="analysis")
    ArticleFactory(headline="Baltic news", section=europe, kind="news")
    ArticleFactory(headline="Baltic security", section=security, kind="analysis")
    ArticleFactory(
        headline="Baltic old analysis",
        section=europe,
        kind="analysis",
        publish_at=now - datetime.timedelta(days=60),
    )

    by_section = headlines(client.get("/search/", {"q": "baltic", "section": "security"}))
    by_kind = headlines(client.get("/search/", {"q": "baltic", "kind": "news"}))
    last_month = headlines(
        client.get("/search/", {"q": "baltic", "section": "europe", "period": "month"})
    )
    old_range = headlines(
        client.get(
            "/search/",
            {
                "q": "baltic",
                "from": (now - datetime.timedelta(days=61)).date().isoformat(),
                "to": (now - datetime.timedelta(days=59)).date().isoformat(),
            },
        )
    )

    assert by_section == ["Baltic security"]
    assert by_kind == ["Baltic news"]
    assert sorted(last_month) == ["Baltic analysis", "Baltic news"]
    assert old_range == ["Baltic old analysis"]


def test_filters_alone_list_public_pieces_newest_first(client):
    europe = SectionFactory(name="Europe")
    ArticleFactory(
        headline="Older", section=europe, publish_at=timezone.now() - datetime.timedelta(days=3)
    )
    ArticleFactory(headline="Newer", section=europe)
    ArticleFactory(headline="Elsewhere", section=SectionFactory(name="Security"))

    assert headlines(client.get("/search/", {"section": "europe"})) == ["Newer", "Older"]


def test_results_paginate_and_the_next_page_keeps_the_query_and_filters(client, settings):
    for n in range(settings.ARTICLES_PER_PAGE + 2):
        ArticleFactory(headline=f"Danube crossing {n}", kind="news")

    first = client.get("/search/", {"q": "danube", "kind": "news"})
    second = client.get("/search/", {"q": "danube", "kind": "news", "page": 2})

    assert len(headlines(first)) == settings.ARTICLES_PER_PAGE
    assert len(headlines(second)) == 2
    next_link = re.search(r'class="pagination__next" rel="next" href="([^"]+)"', first.text)
    assert "q=danube" in next_link.group(1)
    assert "kind=news" in next_link.group(1)
    assert "page=2" in next_link.group(1)


def test_the_query_stays_in_the_search_box(client):
    response = client.get("/search/", {"q": "energy security"})

    assert 'name="q" value="energy security"' in response.text


def test_matches_are_highlighted_and_everything_else_is_escaped(client):
    ArticleFactory(
        headline="<b>Orbán</b> & the <script>veto</script>",
        body="<p>Orbán said &lt;no&gt; to &quot;everything&quot;.</p>",
    )

    response = client.get("/search/", {"q": "orban"})

    assert "&lt;b&gt;<mark>Orbán</mark>&lt;/b&gt; &amp; the &lt;script&gt;veto&lt;/script&gt;" in (
        response.text
    )
    assert "<mark>Orbán</mark> said &lt;no&gt; to &quot;everything" in response.text
    assert "<script>veto" not in response.text


def test_a_quoted_phrase_and_a_minus_word_narrow_the_results(client):
    ArticleFactory(headline="Gas price cap", body="<p>The price cap on gas held.</p>")
    ArticleFactory(headline="Oil price cap", body="<p>The price cap on oil leaked.</p>")
    ArticleFactory(headline="Cap and price", body="<p>A cap, then a price.</p>")

    phrase = headlines(client.get("/search/", {"q": '"price cap"'}))
    minus = headlines(client.get("/search/", {"q": '"price cap" -oil'}))

    assert sorted(phrase) == ["Gas price cap", "Oil price cap"]
    assert minus == ["Gas price cap"]


def test_the_search_page_is_cacheable_for_anonymous_readers(client):
    ArticleFactory(headline="Cacheable")

    response = client.get("/search/", {"q": "cacheable"})

    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.text
    assert '<form class="search-form" action="/search/" method="get"' in response.text


def test_every_page_links_to_search(client):
    ArticleFactory()

    assert 'href="/search/"' in client.get("/").text


def test_search_function_returns_safe_highlights_for_each_result():
    ArticleFactory(headline="Fico in Moscow", body="<p>Robert Fico flew to Moscow.</p>")

    page = search(SearchCriteria(query="fico")).page

    [article] = page.object_list
    assert "<mark>Fico</mark>" in article.headline_html
    assert "<mark>Fico</mark>" in article.excerpt_html


@postgres_only
def test_postgresql_search_stems_english_words(client):
    ArticleFactory(headline="Sanctioned exporters", body="<p>Several firms were sanctioned.</p>")

    assert headlines(client.get("/search/", {"q": "sanctions"})) == ["Sanctioned exporters"]


@postgres_only
def test_postgresql_keeps_weighted_vectors_and_leaves_the_folded_text_column_unused():
    article = ArticleFactory(headline="Vector check", body="<p>Body words.</p>")
    article.tags.add("Tagword")

    row = Article.objects.values("search_vector", "search_head", "search_text").get(pk=article.pk)

    assert "'vector':1A" in row["search_vector"]
    assert "'tagword':" in row["search_vector"]
    assert "'bodi':" in row["search_vector"] or "'body':" in row["search_vector"]
    assert "'vector':1A" in row["search_head"]
    assert "'tagword':" in row["search_head"]
    assert "bodi" not in row["search_head"] and "body" not in row["search_head"]
    assert row["search_text"] == ""


@postgres_only
def test_postgresql_has_the_gin_indexes_and_the_unaccent_configuration():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'article_search_%%_idx'"
            " ORDER BY indexname"
        )
        definitions = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT to_tsvector('english_unaccent', 'Łódź Orbán')::text")
        [(vector,)] = cursor.fetchall()

    assert len(definitions) == 2
    assert "USING gin (search_head)" in definitions[0]
    assert "USING gin (search_vector)" in definitions[1]
    assert vector == "'lodz':1 'orban':2"


@sqlite_only
def test_sqlite_keeps_folded_words_with_the_headline_on_its_own_line():
    article = ArticleFactory(headline="Orbán's Łódź visit", dek="A dek", body="<p>Bódy.</p>")
    article.tags.add("Tág")

    stored = Article.objects.values_list("search_text", flat=True).get(pk=article.pk)

    assert stored == " orban s lodz visit\n a dek tag body "


@sqlite_only
def test_sqlite_matches_the_start_of_words_and_plurals(client):
    ArticleFactory(headline="The sanction regime", body="<p>Talks stalled.</p>")

    assert headlines(client.get("/search/", {"q": "sanctions"})) == ["The sanction regime"]
    assert headlines(client.get("/search/", {"q": "anction"})) == []


def test_the_index_command_catches_up_with_rows_written_in_bulk(client):
    ArticleFactory(headline="Saved the usual way")
    Article.objects.bulk_create(
        [
            Article(
                headline="Written in bulk about Chisinau",
                slug="bulk-piece",
                status=Article.Status.PUBLISHED,
                publish_at=timezone.now() - datetime.timedelta(hours=1),
            )
        ]
    )
    assert headlines(client.get("/search/", {"q": "chisinau"})) == []

    call_command("update_search_index", stdout=io.StringIO())

    assert headlines(client.get("/search/", {"q": "chisinau"})) == [
        "Written in bulk about Chisinau"
    ]


@postgres_only
def test_postgresql_lists_headline_matches_first_then_mentions_newest_first(client):
    ArticleFactory(headline="Mention, older", body="<p>Tbilisi once.</p>", publish_at=days_ago(9))
    ArticleFactory(headline="Mention, newer", body="<p>Tbilisi again.</p>", publish_at=days_ago(1))
    ArticleFactory(headline="Standfirst hit", dek="From Tbilisi.", publish_at=days_ago(2))
    ArticleFactory(headline="Tbilisi in the headline", publish_at=days_ago(30))

    assert headlines(client.get("/search/", {"q": "tbilisi"})) == [
        "Tbilisi in the headline",
        "Standfirst hit",
        "Mention, newer",
        "Mention, older",
    ]


@postgres_only
def test_postgresql_pages_follow_the_same_order_as_the_first_page(client, settings):
    for n in range(settings.ARTICLES_PER_PAGE + 3):
        ArticleFactory(headline=f"Piece {n}", body="<p>Yerevan.</p>", publish_at=days_ago(n))
    ArticleFactory(headline="Yerevan talks", publish_at=days_ago(99))

    first = headlines(client.get("/search/", {"q": "yerevan"}))
    second = headlines(client.get("/search/", {"q": "yerevan", "page": 2}))

    assert first[0] == "Yerevan talks"
    assert first[1:] == [f"Piece {n}" for n in range(settings.ARTICLES_PER_PAGE - 1)]
    assert second == [f"Piece {n}" for n in range(settings.ARTICLES_PER_PAGE - 1, 15)]


def test_a_search_with_more_matches_than_are_counted_says_so(client, monkeypatch):
    from articles.search import backends

    monkeypatch.setattr(backends, "MAX_COUNTED", 3)
    for n in range(5):
        ArticleFactory(headline=f"Sevastopol {n}")

    response = client.get("/search/", {"q": "sevastopol"})

    assert "more than 3 pieces" in response.text
    assert len(headlines(response)) == 4  # the counted ones: no page goes past them


def test_a_new_alias_is_found_at_once(client):
    actor = ActorFactory(name="Recep Tayyip Erdoğan")
    assert actor.get_absolute_url() in client.get("/search/", {"q": "erdogan"}).text
    assert actor.get_absolute_url() not in client.get("/search/", {"q": "reis"}).text

    ActorAliasFactory(actor=actor, name="Reis")

    assert actor.get_absolute_url() in client.get("/search/", {"q": "reis"}).text


def test_revisions_do_not_carry_the_derived_search_columns():
    import reversion
    from reversion.models import Version

    article = ArticleFactory(headline="Revised piece")
    with reversion.create_revision():
        article.save()

    fields = Version.objects.get_for_object(article).get().field_dict
    assert fields["headline"] == "Revised piece"
    assert not {"search_vector", "search_head", "search_text"} & set(fields)


@postgres_only
def test_postgresql_mentions_keep_their_order_whether_the_newest_pieces_fill_the_page_or_not(
    client, settings, monkeypatch
):
    from articles.search import backends

    # The newest few pieces are walked in date order; a page they cannot fill falls back
    # to the full index. Both must list the same mentions, newest first, public only.
    monkeypatch.setattr(backends, "BODY_WALK", 4)
    settings.ARTICLES_PER_PAGE = 2
    for n in range(6):
        ArticleFactory(headline=f"Piece {n}", body="<p>Gyumri.</p>", publish_at=days_ago(n))
    ArticleFactory(headline="Unrelated", body="<p>Ports.</p>", publish_at=days_ago(0))
    ArticleFactory(headline="Draft", body="<p>Gyumri.</p>", status=Article.Status.DRAFT)
    ArticleFactory(headline="Scheduled", body="<p>Gyumri.</p>", publish_at=days_ago(-1))

    pages = [headlines(client.get("/search/", {"q": "gyumri", "page": p})) for p in (1, 2, 3)]

    assert pages == [["Piece 0", "Piece 1"], ["Piece 2", "Piece 3"], ["Piece 4", "Piece 5"]]


@postgres_only
def test_postgresql_a_minus_word_in_the_body_leaves_a_headline_match_out(client):
    ArticleFactory(headline="Batumi port reopens", body="<p>Cargo and ferries.</p>")
    ArticleFactory(headline="Batumi casino row", body="<p>Gambling licences.</p>")

    assert headlines(client.get("/search/", {"q": "batumi -gambling"})) == ["Batumi port reopens"]


@postgres_only
def test_postgresql_a_page_of_headline_matches_then_one_that_starts_the_mentions(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    for n in range(3):
        ArticleFactory(headline=f"Kutaisi talks {n}", publish_at=days_ago(10 + n))
    ArticleFactory(headline="Mention, newer", body="<p>Kutaisi.</p>", publish_at=days_ago(1))
    ArticleFactory(headline="Mention, older", body="<p>Kutaisi.</p>", publish_at=days_ago(2))

    pages = [headlines(client.get("/search/", {"q": "kutaisi", "page": p})) for p in (1, 2, 3)]

    assert pages == [
        ["Kutaisi talks 0", "Kutaisi talks 1"],
        ["Kutaisi talks 2", "Mention, newer"],
        ["Mention, older"],
    ]


@postgres_only
def test_postgresql_a_large_headline_tier_ranks_the_newest_pieces_first_then_the_older_ones(
    client, settings, monkeypatch
):
    from articles.search import backends

    ArticleFactory(headline="Poti talks", publish_at=days_ago(1))
    ArticleFactory(headline="Mention", body="<p>Poti.</p>", publish_at=days_ago(2))
    ArticleFactory(headline="Poti, Poti and Poti", publish_at=days_ago(3))
    ArticleFactory(headline="Poti again", publish_at=days_ago(10))
    ArticleFactory(headline="Poti, Poti, Poti at length", publish_at=days_ago(20))
    ArticleFactory(headline="Unrelated", body="<p>Ports.</p>", publish_at=days_ago(30))

    # A head tier this small is ranked whole: best first, then newest.
    assert headlines(client.get("/search/", {"q": "poti"})) == [
        "Poti, Poti and Poti",
        "Poti, Poti, Poti at length",
        "Poti talks",
        "Poti again",
        "Mention",
    ]

    # Beyond HEAD_RANKED headline matches, those among the newest HEAD_WINDOW pieces are
    # ranked first, then the older ones; the mentions follow. Every page follows the same
    # order, whether the newest pieces fill it or the older ones are read too.
    # (Each change of these drops the results kept for the query: the ranking is tested.)
    monkeypatch.setattr(backends, "HEAD_RANKED", 2)
    monkeypatch.setattr(backends, "HEAD_WINDOW", 3)
    cache.clear()
    windowed = [
        "Poti, Poti and Poti",
        "Poti talks",
        "Poti, Poti, Poti at length",
        "Poti again",
        "Mention",
    ]
    assert headlines(client.get("/search/", {"q": "poti"})) == windowed
    settings.ARTICLES_PER_PAGE = 2
    pages = [headlines(client.get("/search/", {"q": "poti", "page": p})) for p in (1, 2, 3)]
    assert pages == [windowed[0:2], windowed[2:4], windowed[4:]]

    # Fewer pieces than the window holds: they are all the newest, ranked best first.
    monkeypatch.setattr(backends, "HEAD_WINDOW", 50)
    cache.clear()
    pages = [headlines(client.get("/search/", {"q": "poti", "page": p})) for p in (1, 2, 3)]
    assert pages == [
        ["Poti, Poti and Poti", "Poti, Poti, Poti at length"],
        ["Poti talks", "Poti again"],
        ["Mention"],
    ]


@postgres_only
def test_postgresql_a_deep_page_lists_what_follows_the_page_before_it(
    client, settings, monkeypatch
):
    from articles.search import backends

    # Tiers are counted only as far as the page asked for: a deep page reads the newest
    # pieces' mentions when they hold it, and gives the same rows as the full index.
    monkeypatch.setattr(backends, "TIER_HITS", 1)
    monkeypatch.setattr(backends, "BODY_WALK", 5)
    settings.ARTICLES_PER_PAGE = 2
    for n in range(7):
        ArticleFactory(headline=f"Piece {n}", body="<p>Sukhumi.</p>", publish_at=days_ago(n))
    ArticleFactory(headline="Sukhumi talks", publish_at=days_ago(50))

    pages = [headlines(client.get("/search/", {"q": "sukhumi", "page": p})) for p in (1, 2, 3, 4)]

    assert pages == [
        ["Sukhumi talks", "Piece 0"],
        ["Piece 1", "Piece 2"],
        ["Piece 3", "Piece 4"],
        ["Piece 5", "Piece 6"],
    ]


def test_a_renamed_actor_is_found_by_its_new_name_at_once(client):
    actor = ActorFactory(name="Mikheil Saakashvili")
    assert actor.get_absolute_url() in client.get("/search/", {"q": "saakashvili"}).text

    actor.name = "Mikheil Nikoloz"
    actor.save()

    assert actor.get_absolute_url() in client.get("/search/", {"q": "nikoloz"}).text
    assert actor.get_absolute_url() not in client.get("/search/", {"q": "saakashvili"}).text


def test_a_repeated_search_is_answered_from_the_kept_results_until_a_piece_changes(client):
    from django.test.utils import CaptureQueriesContext

    first = ArticleFactory(headline="Harbour talks in Klaipeda", publish_at=days_ago(2))
    assert headlines(client.get("/search/", {"q": "klaipeda"})) == ["Harbour talks in Klaipeda"]
    with CaptureQueriesContext(connection) as captured:
        assert headlines(client.get("/search/", {"q": "klaipeda"})) == ["Harbour talks in Klaipeda"]
    assert len(captured) == 0

    ArticleFactory(headline="Klaipeda, a week on", publish_at=days_ago(1))
    assert sorted(headlines(client.get("/search/", {"q": "klaipeda"}))) == [
        "Harbour talks in Klaipeda",
        "Klaipeda, a week on",
    ]

    first.status = Article.Status.DRAFT
    first.save()
    assert headlines(client.get("/search/", {"q": "klaipeda"})) == ["Klaipeda, a week on"]


def test_kept_results_are_kept_per_page_and_filters(client):
    section = SectionFactory(name="Baltic", slug="baltic")
    for n in range(12):
        ArticleFactory(headline=f"Riga port {n}", publish_at=days_ago(n + 1))
    ArticleFactory(headline="Riga in the Baltic section", section=section, publish_at=days_ago(20))

    page_one = headlines(client.get("/search/", {"q": "riga"}))
    page_two = headlines(client.get("/search/", {"q": "riga", "page": 2}))
    only_baltic = headlines(client.get("/search/", {"q": "riga", "section": "baltic"}))

    assert page_one and page_two and not set(page_one) & set(page_two)
    assert only_baltic == ["Riga in the Baltic section"]
    assert headlines(client.get("/search/", {"q": "riga"})) == page_one
