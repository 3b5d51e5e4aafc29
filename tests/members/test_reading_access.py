"""Who reads a gated piece in full (members.access), route by route, visitor by visitor.

Each piece has a phrase in its opening and one in its rest (``tests/members/gated.py``):
the rest must reach exactly the readers the rule names, on the article page, and nobody by
any other route (lists, feeds, search, sitemaps, structured data, the reader cache).
"""

import json
import re

import pytest
from django.test import Client

from articles import previews
from articles.access import opening_and_rest
from members.access import sends_in_full
from members.models import MeteredRead
from tests.factories import ArticleFactory
from tests.roles import ROLES

from .gated import LEVELS, OPENING, READS_IN_FULL, REST, make_gated_pieces

pytestmark = pytest.mark.django_db


@pytest.fixture
def pieces(db):
    return make_gated_pieces()


def rests_in(text: str) -> set[str]:
    return {level for level in LEVELS if REST[level] in text}


# --- The article page -------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("role", ROLES)
def test_the_rest_of_a_piece_reaches_only_the_readers_the_rule_names(
    role, level, client_as, pieces
):
    response = client_as(role).get(pieces[level].get_absolute_url())

    assert response.status_code == 200
    assert OPENING[level] in response.text
    assert (REST[level] in response.text) is (role in READS_IN_FULL[level])


@pytest.mark.parametrize(
    "role,level,says",
    [
        ("anonymous", "members", ["Sign up free to read", "/accounts/signup/?next=", "Log in"]),
        ("anonymous", "subscribers", ["Subscribe to read", "Already a subscriber? Log in"]),
        ("reader", "subscribers", ["Subscribe to read", "your account has no subscription"]),
        ("lapsed", "subscribers", ["Welcome back", "Renew your subscription"]),
    ],
)
def test_readers_without_access_get_an_invitation_that_fits_them(
    role, level, says, client_as, pieces
):
    text = client_as(role).get(pieces[level].get_absolute_url()).text

    for words in says:
        assert words in text
    assert 'class="article-body article-body--opening"' in text


def test_the_anonymous_log_in_link_returns_to_the_piece(client, pieces):
    text = client.get(pieces["subscribers"].get_absolute_url()).text
    assert f"/accounts/login/?next={pieces['subscribers'].get_absolute_url()}" in text


def test_subscribers_are_not_invited_and_see_the_gated_part_in_its_marked_container(
    client_as, pieces
):
    text = client_as("subscriber").get(pieces["subscribers"].get_absolute_url()).text
    assert "Subscribe to read" not in text
    assert re.search(r'<div class="gated-part">\s*<h2>What follows</h2><p>Guarded', text)


def test_a_public_piece_has_no_gated_container_nor_invitation(client, pieces):
    text = client.get(pieces["public"].get_absolute_url()).text
    assert "gated-part" not in text and "reading-gate" not in text
    assert "For members" not in text and "For subscribers" not in text


@pytest.mark.parametrize(
    "level,label", [("members", "For members"), ("subscribers", "For subscribers")]
)
def test_a_gated_piece_says_whom_it_is_for_above_the_headline(level, label, client, pieces):
    assert (
        f'<span class="access-label">{label}</span>'
        in client.get(pieces[level].get_absolute_url()).text
    )


# --- The opening -------------------------------------------------------------------------


def test_the_opening_is_cut_between_blocks_and_never_ends_on_a_heading():
    body = "<p>one</p><p>two</p><h2>three</h2><p>four</p><p>five</p><p>six</p><p>seven</p>"
    opening, rest = opening_and_rest(body)
    assert opening == "<p>one</p><p>two</p>"
    assert opening + rest == body


def test_the_opening_stops_once_it_holds_enough_words():
    long = "<p>" + "word " * 160 + "</p>"
    opening, rest = opening_and_rest(long + "<p>second</p><p>third</p><p>fourth</p>")
    assert opening == long
    assert rest == "<p>second</p><p>third</p><p>fourth</p>"


@pytest.mark.parametrize(
    "body,opening",
    [
        ("<p>alone</p>", ""),
        ("<p>first</p><p>second</p>", "<p>first</p>"),
        (
            "<p>a</p><ul><li><p>b</p></li></ul><blockquote><p>c</p></blockquote><p>d</p>",
            "<p>a</p><ul><li><p>b</p></li></ul>",
        ),
    ],
)
def test_the_opening_is_never_more_than_half_the_piece(body, opening):
    assert opening_and_rest(body)[0] == opening


# --- The monthly allowance ----------------------------------------------------------------


@pytest.fixture
def members_pieces(db, settings):
    settings.MEMBERS_FREE_PIECES_PER_MONTH = 2
    return [
        ArticleFactory(access="members", body=make_gated_body(n), headline=f"Members piece {n}")
        for n in range(3)
    ]


def make_gated_body(n: int) -> str:
    return "".join(f"<p>Paragraph {i} of piece {n}.</p>" for i in range(6)) + (
        f"<p>The conclusion of piece {n}.</p>"
    )


def test_a_free_member_reads_the_allowance_then_is_invited_to_subscribe(
    client_as, people, members_pieces
):
    client = client_as("reader")
    first = client.get(members_pieces[0].get_absolute_url()).text
    assert "The conclusion of piece 0." in first
    assert "You have 1 free piece left this month." in first

    second = client.get(members_pieces[1].get_absolute_url()).text
    assert "The conclusion of piece 1." in second
    assert "This was your last free members’ piece this month." in second

    third = client.get(members_pieces[2].get_absolute_url()).text
    assert "The conclusion of piece 2." not in third
    assert "You have read your free pieces this month" in third
    assert "Subscribe to read on" in third
    assert MeteredRead.objects.filter(member=people["reader"]).count() == 2


def test_reading_a_counted_piece_again_that_month_costs_nothing(client_as, people, members_pieces):
    client = client_as("reader")
    for _ in range(3):
        assert "The conclusion of piece 0." in client.get(members_pieces[0].get_absolute_url()).text
    assert MeteredRead.objects.filter(member=people["reader"]).count() == 1
    assert "The conclusion of piece 1." in client.get(members_pieces[1].get_absolute_url()).text


def test_a_new_month_brings_a_new_allowance(client_as, people, members_pieces, clock):
    import datetime

    from django.utils import timezone

    client = client_as("reader")
    for piece in members_pieces[:2]:
        client.get(piece.get_absolute_url())
    assert "The conclusion of piece 2." not in client.get(members_pieces[2].get_absolute_url()).text

    today = timezone.localdate(clock.now)
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    clock.set(timezone.make_aware(datetime.datetime.combine(next_month, datetime.time(0, 5))))
    assert "The conclusion of piece 2." in client.get(members_pieces[2].get_absolute_url()).text


def test_a_lapsed_subscriber_past_the_allowance_is_welcomed_back(client_as, members_pieces):
    client = client_as("lapsed")
    for piece in members_pieces[:2]:
        client.get(piece.get_absolute_url())
    text = client.get(members_pieces[2].get_absolute_url()).text
    assert "Welcome back" in text and "Renew your subscription" in text
    assert "The conclusion of piece 2." not in text


def test_subscribers_and_anonymous_readers_use_no_allowance(client_as, members_pieces):
    client_as("subscriber").get(members_pieces[0].get_absolute_url())
    Client().get(members_pieces[0].get_absolute_url())
    assert not MeteredRead.objects.exists()


def test_one_row_per_member_piece_and_month_is_kept_by_the_database(people, members_pieces):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    month = timezone.localdate().replace(day=1)
    reader, piece = people["reader"], members_pieces[0]
    MeteredRead.objects.create(member=reader, article=piece, month=month, slot=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeteredRead.objects.create(member=reader, article=piece, month=month, slot=2)


def test_two_reads_cannot_take_the_last_free_place(people, members_pieces, monkeypatch):
    """Another request stores its piece in the last free place between this request's
    count and its insert: this read is refused, and stores nothing."""
    from django.utils import timezone

    from members import access

    reader = people["reader"]
    month = timezone.localdate().replace(day=1)
    MeteredRead.objects.create(member=reader, article=members_pieces[0], month=month, slot=1)
    record = access._record

    def rival_first(member, article, month, *, slot, at):
        MeteredRead.objects.create(member=reader, article=members_pieces[2], month=month, slot=2)
        return record(member, article, month, slot=slot, at=at)

    monkeypatch.setattr(access, "_record", rival_first)

    late = access.metered_reading(reader, members_pieces[1], "member")

    assert late.full is False
    assert sorted(MeteredRead.objects.values_list("slot", "article")) == [
        (1, members_pieces[0].pk),
        (2, members_pieces[2].pk),
    ]


# --- Every other route: the rest never leaves the article page ------------------------------


def list_and_feed_urls(pieces) -> list[str]:
    piece = pieces["subscribers"]
    author = piece.bylines.first().author
    actor = piece.actor_links.first().actor
    return [
        "/",
        piece.section.get_absolute_url(),
        "/tags/ledger-talks/",
        author.get_absolute_url(),
        actor.get_absolute_url(),
        "/feeds/latest/",
        f"/feeds/sections/{piece.section.slug}/",
        "/feeds/tags/ledger-talks/",
        f"/feeds/actors/{actor.slug}/",
        f"/feeds/authors/{author.slug}/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_lists_feeds_and_sitemaps_carry_no_rest_for_anyone(role, client_as, pieces):
    client = client_as(role)
    for url in list_and_feed_urls(pieces):
        response = client.get(url)
        assert response.status_code == 200, url
        assert rests_in(response.content.decode()) == set(), url


def test_feeds_and_sitemaps_still_list_gated_pieces(client, pieces):
    feed = client.get("/feeds/latest/").content.decode()
    sitemap = client.get("/sitemap-articles.xml").content.decode()
    for level in LEVELS:
        assert pieces[level].headline in feed
        assert pieces[level].get_absolute_url() in sitemap


def test_the_related_coverage_of_another_piece_shows_gated_pieces_by_their_standfirst(
    client_as, pieces
):
    other = ArticleFactory(headline="A neighbouring piece", tags=["ledger talks"])
    text = client_as("subscriber").get(other.get_absolute_url()).text
    assert "The ledger of the subscribers talks" in text
    assert rests_in(text) == set()


@pytest.mark.parametrize("role", ROLES)
def test_search_finds_a_gated_piece_by_its_opening_and_quotes_nothing_else(role, client_as, pieces):
    client = client_as(role)
    by_opening = client.get("/search/?q=Opening+words+subscribers").text
    by_rest = client.get("/search/?q=Guarded+reasoning").text

    assert pieces["subscribers"].get_absolute_url() in by_opening
    assert rests_in(by_opening) == set()
    # Words of the rest find only the public piece, and quote only it.
    assert pieces["public"].get_absolute_url() in by_rest
    assert pieces["subscribers"].get_absolute_url() not in by_rest
    assert pieces["members"].get_absolute_url() not in by_rest
    assert "Guarded</mark> <mark>reasoning</mark> of the public piece" in by_rest
    assert rests_in(by_rest) == set() or rests_in(by_rest) == {"public"}


def test_a_gated_pieces_excerpt_quotes_its_opening(client, pieces):
    text = client.get("/search/?q=delegations+subscribers").text
    result = text[text.index(pieces["subscribers"].get_absolute_url()) :]
    assert "<mark>delegations</mark>" in result.split("</li>")[0]


def structured_data(text: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return next(
        data for data in map(json.loads, blocks) if data.get("@type", "").endswith("Article")
    )


@pytest.mark.parametrize("level", ["members", "subscribers"])
@pytest.mark.parametrize("role", ["anonymous", "subscriber"])
def test_structured_data_marks_gated_pieces_as_google_documents_paywalls(
    role, level, client_as, pieces
):
    data = structured_data(client_as(role).get(pieces[level].get_absolute_url()).text)
    assert data["isAccessibleForFree"] is False
    assert data["hasPart"] == {
        "@type": "WebPageElement",
        "isAccessibleForFree": False,
        "cssSelector": ".gated-part",
    }
    assert "articleBody" not in data


def test_structured_data_of_a_public_piece_says_it_is_free(client, pieces):
    data = structured_data(client.get(pieces["public"].get_absolute_url()).text)
    assert data["isAccessibleForFree"] is True
    assert "hasPart" not in data


# --- The reader cache ------------------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.mark.parametrize("level", ["members", "subscribers"])
def test_the_cached_anonymous_page_is_the_opening_whoever_came_before(
    level, page_cache_on, client_as, pieces
):
    url = pieces[level].get_absolute_url()
    full = client_as("subscriber").get(url)
    assert REST[level] in full.text and full.get("X-Reader-Cache") != "hit"
    assert "no-store" in full["Cache-Control"]

    anonymous = Client()
    first, second = anonymous.get(url), anonymous.get(url)
    assert (first["X-Reader-Cache"], second["X-Reader-Cache"]) == ("miss", "hit")
    for response in (first, second):
        assert REST[level] not in response.text and OPENING[level] in response.text
        assert "Set-Cookie" not in response.headers


def test_changing_a_pieces_access_shows_on_the_next_anonymous_request(
    page_cache_on, client, pieces
):
    piece = pieces["public"]
    assert REST["public"] in client.get(piece.get_absolute_url()).text
    piece.access = "subscribers"
    piece.save()
    assert REST["public"] not in client.get(piece.get_absolute_url()).text


# --- Previews are for the newsroom and its fact-checkers: whole ------------------------------


def test_a_shared_preview_link_shows_the_whole_gated_piece(client, editor, pieces):
    path = previews.share(pieces["subscribers"], by=editor)
    text = client.get(path).text
    assert REST["subscribers"] in text
    assert "Subscribe to read" not in text


def test_the_admin_preview_shows_the_whole_gated_piece(client, editor, pieces):
    client.force_login(editor)
    response = client.get(f"/admin/articles/article/{pieces['members'].pk}/preview/")
    assert REST["members"] in response.text


# --- E-mail: the one function the newsletters ask ----------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("role", ROLES)
def test_e_mails_carry_the_whole_piece_only_to_those_who_read_it_without_an_allowance(
    role, level, people, pieces
):
    whole = level == "public" or role in {"subscriber", "suspended", "editor", "writer"}
    assert sends_in_full(people[role], pieces[level]) is whole


def test_sending_in_full_spends_no_allowance(people, pieces):
    sends_in_full(people["reader"], pieces["members"])
    assert not MeteredRead.objects.exists()


# --- Query budgets -----------------------------------------------------------------------------

ARTICLE_PAGE_QUERIES = {
    # Anonymous: nothing; the piece, the comment count and the parts every reader shown the
    # opening sees alike come from the cache the warm-up filled (``articles.fragments``).
    # Logged-in readers add their account and their standing (kept for their next pages). Readers
    # not shown the discussion see the cached comment count, as anonymous readers do. Those
    # given the whole piece draw its parts afresh here (the warm-up drew the opening):
    # bylines, actors, citations, tags. A free member's first read of a members' piece looks
    # up and records the month's reads; a subscriber on a subscriber-only piece counts the
    # gift links left, and reads comments.
    ("anonymous", "members"): 0,
    ("anonymous", "subscribers"): 0,
    ("reader", "members"): 8,
    ("reader", "subscribers"): 2,
    ("lapsed", "subscribers"): 2,
    ("subscriber", "subscribers"): 9,
    ("editor", "subscribers"): 9,
}


@pytest.mark.parametrize("role,level", list(ARTICLE_PAGE_QUERIES))
def test_the_article_page_runs_a_fixed_number_of_queries_for_each_visitor(
    role, level, client_as, pieces, django_assert_num_queries
):
    url = pieces[level].get_absolute_url()
    Client().get(url)  # what every page keeps in the cache (sections, related pieces)
    client = client_as(role)
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES[(role, level)]):
        response = client.get(url)
    assert response.status_code == 200
    assert ARTICLE_PAGE_QUERIES[(role, level)] <= 10


def test_a_free_member_past_the_allowance_costs_one_query_and_no_write(
    client_as, people, members_pieces, django_assert_max_num_queries
):
    client = client_as("reader")
    for piece in members_pieces[:2]:
        client.get(piece.get_absolute_url())
    Client().get(members_pieces[2].get_absolute_url())  # warm the page's shared caches
    with django_assert_max_num_queries(9) as captured:
        text = client.get(members_pieces[2].get_absolute_url()).text
    assert "Subscribe to read on" in text
    assert not [q for q in captured.captured_queries if not q["sql"].startswith("SELECT")]
