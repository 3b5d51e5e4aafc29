"""The top of the home page: slots editors fill and order, pinned pieces that stay, a
fallback that keeps the top full, and a desk page that shows what readers see in each."""

import datetime
import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.home import featured_left_out, home_page_top
from articles.models import Article, HomeSlot
from tests.admin_forms import article_form, change_url
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

HOME_ADMIN = "/admin/articles/homeslot/"


def piece(headline, hours_ago=1, **fields):
    return ArticleFactory(
        headline=headline,
        publish_at=timezone.now() - datetime.timedelta(hours=hours_ago),
        **fields,
    )


def top_of(html: str) -> list[str]:
    """The headlines in the home page's top (the lead first), as readers see them."""
    start = html.index('<section class="front"')
    front = html[start : html.index("</section>", start)]
    return re.findall(r'class="card__headline[^"]*"><a href="[^"]+">([^<]+)</a>', front)


def place(position, article, pinned_until=None):
    return HomeSlot.objects.create(position=position, article=article, pinned_until=pinned_until)


@pytest.fixture
def newsroom():
    """Three new featured pieces and three newer plain ones, and two older pieces to place."""
    SectionFactory(name="Diplomacy")
    return {
        "featured": [piece(f"Featured {i}", 10 + i, featured=True) for i in range(3)],
        "plain": [piece(f"Plain {i}", 1 + i) for i in range(3)],
        "old": [piece(f"Old analysis {i}", 200 + i) for i in range(2)],
    }


def test_the_top_shows_placed_pieces_in_the_order_of_their_slots(client, newsroom):
    old = newsroom["old"]
    place(1, old[1])
    place(2, old[0])

    assert top_of(client.get("/").text) == ["Old analysis 1", "Old analysis 0", "Featured 0"]


def test_a_pinned_piece_stays_in_its_slot_when_newer_featured_pieces_go_out(client, newsroom):
    place(1, newsroom["old"][0], pinned_until=timezone.now() + datetime.timedelta(days=2))
    piece("Breaking and featured", 0.5, featured=True)

    assert top_of(client.get("/").text)[0] == "Old analysis 0"


def test_a_slot_whose_pin_ran_out_falls_back(client, newsroom):
    place(1, newsroom["old"][0], pinned_until=timezone.now() - datetime.timedelta(minutes=1))

    assert top_of(client.get("/").text) == ["Featured 0", "Featured 1", "Featured 2"]


def test_empty_slots_fall_back_to_the_newest_featured_then_the_newest_pieces(client, newsroom):
    Article.objects.filter(headline="Featured 2").update(featured=False)
    Article.objects.filter(headline="Featured 1").update(featured=False)

    assert top_of(client.get("/").text) == ["Featured 0", "Plain 0", "Plain 1"]


def test_drafts_and_scheduled_pieces_in_slots_never_reach_readers(client, newsroom):
    draft = ArticleFactory(headline="Draft in the lead", status=Article.Status.DRAFT)
    scheduled = ArticleFactory(
        headline="Scheduled second", publish_at=timezone.now() + datetime.timedelta(days=1)
    )
    place(1, draft)
    place(2, scheduled)

    html = client.get("/").text
    assert "Draft in the lead" not in html and "Scheduled second" not in html
    assert top_of(html) == ["Featured 0", "Featured 1", "Featured 2"]


def test_a_scheduled_piece_takes_its_slot_when_it_goes_out(newsroom, clock):
    # (The cached home page is kept no longer than the next publication: test_reader_cache.)
    scheduled = ArticleFactory(
        headline="Scheduled lead", publish_at=timezone.now() + datetime.timedelta(hours=1)
    )
    place(1, scheduled)
    assert home_page_top().slots[0].article.headline == "Featured 0"

    clock.advance(hours=2)

    assert home_page_top().slots[0].article == scheduled


def test_changing_a_slot_refreshes_a_cached_home_page(client, newsroom, settings):
    settings.PAGE_CACHE = True
    client.get("/")
    assert client.get("/")["X-Reader-Cache"] == "hit"

    place(1, newsroom["old"][0])

    response = client.get("/")
    assert response["X-Reader-Cache"] == "miss"
    assert top_of(response.text)[0] == "Old analysis 0"


def test_a_cached_home_page_drops_a_piece_when_its_pin_runs_out(
    client, newsroom, settings, clock, monkeypatch
):
    settings.PAGE_CACHE = True
    place(1, newsroom["old"][0], pinned_until=timezone.now() + datetime.timedelta(minutes=2))
    assert top_of(client.get("/").text)[0] == "Old analysis 0"
    assert client.get("/")["X-Reader-Cache"] == "hit"

    # Three minutes on, for the site and for the cache's own clock.
    clock.advance(minutes=3)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 180)

    assert top_of(client.get("/").text)[0] == "Featured 0"


def test_the_home_page_with_filled_slots_runs_its_pinned_number_of_queries(client, newsroom):
    place(1, newsroom["old"][0])
    place(3, ArticleFactory(headline="Waiting", status=Article.Status.DRAFT))
    client.get("/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    piece("Just published")
    with CaptureQueriesContext(connection) as fresh:
        response = client.get("/")
    assert "Just published" in response.text
    # Warm: from the cache. Afresh: the newest pieces, the placed and featured pieces, the
    # newest of each section, and the next scheduled piece (as before slots existed).
    assert (len(warm), len(fresh)) == (0, 4)


# --- The desk's Home page ------------------------------------------------------------------


def test_the_home_page_admin_shows_what_each_slot_shows_and_why(client, editor, newsroom):
    scheduled = ArticleFactory(
        headline="Scheduled lead",
        publish_at=timezone.make_aware(datetime.datetime(2031, 12, 10, 9, 0)),
    )
    place(1, scheduled)
    place(2, newsroom["old"][0])
    client.force_login(editor)

    html = client.get(HOME_ADMIN).text

    assert "is waiting until 10 December 2031, 09:00 (scheduled)" in html
    assert "Fallback: newest featured piece" in html
    assert "Placed by an editor" in html
    rows = re.findall(r'<tr class="home-slot">(.*?)</tr>', html, re.S)
    assert "Featured 0" in rows[0] and "Old analysis 0" in rows[1] and "Featured 1" in rows[2]


def test_the_home_page_admin_lists_featured_pieces_that_are_not_shown(client, editor, newsroom):
    place(1, newsroom["old"][0])
    client.force_login(editor)

    html = client.get(HOME_ADMIN).text

    left_out = html[html.index("Featured but not at the top (1)") :]
    assert "Featured 2" in left_out and "Featured 0" not in left_out


def test_an_editor_fills_and_reorders_the_slots(client, editor, newsroom):
    old = newsroom["old"]
    place(1, old[0])
    place(2, old[1])
    client.force_login(editor)
    form = {"form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "3"}
    form |= {"form-0-article": old[1].pk, "form-1-article": old[0].pk, "form-2-article": ""}

    response = client.post(HOME_ADMIN, form, follow=True)

    assert "Home page slots saved." in response.text
    assert top_of(client.get("/").text)[:2] == ["Old analysis 1", "Old analysis 0"]


def test_a_piece_fills_one_slot_only(client, editor, newsroom):
    client.force_login(editor)
    form = {"form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "3"}
    form |= {"form-0-article": newsroom["old"][0].pk, "form-1-article": newsroom["old"][0].pk}

    response = client.post(HOME_ADMIN, form)

    assert "A piece can fill only one slot." in response.text
    assert not HomeSlot.objects.exists()


def test_writers_have_no_home_page_admin(client, writer):
    client.force_login(writer)

    assert client.get(HOME_ADMIN).status_code == 403
    assert "Home page" not in client.get(reverse("admin:index")).text


def test_saving_a_featured_piece_that_no_slot_shows_warns_the_editor(client, editor, newsroom):
    place(1, newsroom["old"][0])
    client.force_login(editor)
    old = newsroom["old"][1]
    published = timezone.localtime(old.publish_at)
    form = article_form(
        old,
        featured="on",
        publish_at_0=published.strftime("%Y-%m-%d"),
        publish_at_1=published.strftime("%H:%M:%S"),
    )

    response = client.post(change_url(old), form, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    warning = next(m for m in messages if "is featured but not at the top" in m)
    assert "Lead: “Old analysis 0” (placed by an editor)" in warning
    assert HOME_ADMIN in warning


def test_saving_a_featured_piece_that_a_slot_shows_says_nothing_more(client, editor, newsroom):
    client.force_login(editor)
    newest = newsroom["plain"][0]

    response = client.post(change_url(newest), article_form(newest, featured="on"), follow=True)

    assert not any("not at the top" in str(m) for m in response.context["messages"])


def test_a_scheduled_featured_piece_is_warned_of_when_every_slot_is_placed(newsroom):
    for position, headline in enumerate(["Plain 0", "Plain 1", "Plain 2"], start=1):
        place(position, Article.objects.get(headline=headline))
    scheduled = ArticleFactory(
        headline="Featured tomorrow",
        featured=True,
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )

    reason = featured_left_out(scheduled, home_page_top())

    assert "will not be at the top of the home page when it goes out" in reason
    HomeSlot.objects.filter(position=3).delete()
    assert featured_left_out(scheduled, home_page_top()) is None
