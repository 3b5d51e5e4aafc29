"""Who appears with whom: the newsroom network, an actor's own network and coverage chart."""

import datetime
import re
import time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from actors.models import Actor
from articles.coverage.chart import coverage_chart
from articles.coverage.graph import (
    appears_with,
    cached_newsroom_network,
    ego_network,
    newsroom_network,
)
from articles.models import Article, ArticleActor
from tests.factories import ActorFactory, ArticleActorFactory, ArticleFactory

pytestmark = pytest.mark.django_db


def link(article, *actors):
    for actor in actors:
        ArticleActorFactory(article=article, actor=actor)


@pytest.fixture
def cast():
    """Four actors. Public pieces: (A, B, C) and (A, B). A draft links C and D, a scheduled
    piece links B and D: neither may show."""
    a = ActorFactory(name="Alpha", kind="person")
    b = ActorFactory(name="Bravo", kind="state")
    c = ActorFactory(name="Charlie", kind="state")
    d = ActorFactory(name="Delta", kind="organisation")
    link(ArticleFactory(headline="One"), a, b, c)
    link(ArticleFactory(headline="Two"), a, b)
    link(ArticleFactory(status=Article.Status.DRAFT, publish_at=None), c, d)
    link(ArticleFactory(publish_at=timezone.now() + datetime.timedelta(days=1)), b, d)
    return {"A": a, "B": b, "C": c, "D": d}


def edges(network) -> dict[tuple[str, str], int]:
    return {tuple(sorted((e.source.name, e.target.name))): e.weight for e in network.edges}


def test_the_network_joins_actors_that_share_public_pieces(cast):
    network = newsroom_network()

    assert edges(network) == {
        ("Alpha", "Bravo"): 2,
        ("Alpha", "Charlie"): 1,
        ("Bravo", "Charlie"): 1,
    }
    assert {n.name: n.weight for n in network.nodes} == {"Alpha": 2, "Bravo": 2, "Charlie": 1}


def test_every_node_is_placed_inside_the_drawing(cast):
    network = newsroom_network()

    assert [d.fit for d in network.drawings] == ["narrow", "wide"]
    for drawing in network.drawings:
        assert {m.node.name for m in drawing.marks} == {"Alpha", "Bravo", "Charlie"}
        for mark in drawing.marks:
            assert mark.r <= mark.x <= drawing.width - mark.r
            assert mark.r <= mark.y <= drawing.height - mark.r


def test_the_network_filters_by_kind(cast):
    network = newsroom_network(kind="state")

    assert edges(network) == {("Bravo", "Charlie"): 1}


def test_the_network_filters_by_period(cast):
    old = ArticleFactory(publish_at=timezone.now() - datetime.timedelta(days=90))
    link(old, cast["C"], cast["D"])

    assert ("Charlie", "Delta") in edges(newsroom_network())
    assert ("Charlie", "Delta") not in edges(newsroom_network(period="month"))


def test_the_cached_network_is_redrawn_when_links_change(cast):
    assert ("Alpha", "Delta") not in edges(cached_newsroom_network())

    ArticleActorFactory(article=Article.objects.get(headline="One"), actor=cast["D"])

    assert edges(cached_newsroom_network())[("Alpha", "Delta")] == 1


def test_the_cached_network_is_redrawn_when_a_link_is_removed(cast):
    assert ("Alpha", "Charlie") in edges(cached_newsroom_network())

    ArticleActor.objects.get(article__headline="One", actor=cast["C"]).delete()

    assert ("Alpha", "Charlie") not in edges(cached_newsroom_network())


def test_the_cached_network_is_redrawn_when_a_scheduled_piece_goes_live(cast, clock, monkeypatch):
    # The scheduled piece (B and D) goes out in ten minutes; the network is cached for a day.
    Article.objects.filter(publish_at__gt=timezone.now()).update(
        publish_at=timezone.now() + datetime.timedelta(minutes=10)
    )
    assert ("Bravo", "Delta") not in edges(cached_newsroom_network())

    # Eleven minutes later, for the cache as for the site, without any save.
    later = time.time() + 11 * 60
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: later)
    monkeypatch.setattr("django.core.cache.backends.base.time.time", lambda: later)
    clock.advance(minutes=11)

    assert edges(cached_newsroom_network())[("Bravo", "Delta")] == 1


def test_the_graph_page_draws_the_network_with_a_table_beside_it(client, cast):
    response = client.get("/actors/graph/")

    assert response.status_code == 200
    text = response.text
    # One drawing for phones, one for desktops: each with its title, description and lines.
    for fit in ("narrow", "wide"):
        assert re.search(
            rf'<svg class="network network--{fit}"[^>]*aria-labelledby="graph-chart-{fit}-title"',
            text,
        )
        assert f'<title id="graph-chart-{fit}-title">' in text
        assert f'<desc id="graph-chart-{fit}-desc">' in text
    assert text.count('<line class="network__edge"') == 2 * 3
    assert 'href="/actors/alpha/"' in text
    assert "Delta" not in text
    assert re.search(r"Alpha</a> and <a [^>]*>Bravo</a></td><td[^>]*>2</td>", text)


def test_the_graph_page_lists_every_actor_with_its_links_before_the_drawing(client, cast):
    text = client.get("/actors/graph/").text

    listed = text.index('<ol class="network-list">')
    assert listed < text.index('<svg class="network')
    items = re.findall(r'<li class="network-list__item">(.*?)</li>', text, re.S)
    assert len(items) == 3
    alpha = next(item for item in items if 'href="/actors/alpha/">Alpha</a>' in item)
    assert "Person · 2 pieces" in alpha
    assert re.search(
        r'With <a href="/actors/bravo/">Bravo</a>&nbsp;\(2\), '
        r'<a href="/actors/charlie/">Charlie</a>&nbsp;\(1\)',
        alpha,
    )


def test_nothing_in_the_drawings_is_told_only_on_hover(client, cast):
    for url in ("/actors/graph/", cast["A"].get_absolute_url()):
        text = client.get(url).text
        drawings = re.findall(r'<svg class="network.*?</svg>', text, re.S)
        assert drawings
        for drawing in drawings:
            # The drawing's own title (named by aria-labelledby) is its only one.
            assert drawing.count("<title") == 1
            for name in re.findall(r"<tspan[^>]*>([^<]+)</tspan>", drawing):
                assert name in text.replace(drawing, "")


def test_the_actor_page_lists_who_else_appears_in_the_shared_pieces(client, cast):
    text = client.get(cast["A"].get_absolute_url()).text

    assert text.index('<ul class="appears-with__list">') < text.index('<svg class="network')
    assert re.search(
        r"Bravo</span>.*?2 shared pieces.*?In those pieces, also with "
        r'<a href="/actors/charlie/">Charlie</a>&nbsp;\(1\)',
        text,
        re.S,
    )


def test_the_graph_page_ignores_unknown_filters(client, cast):
    assert client.get("/actors/graph/", {"kind": "<x>", "period": "aeon"}).status_code == 200


def test_an_actor_called_graph_gets_another_address(client, cast):
    actor = Actor.objects.create(name="Graph")

    assert actor.slug == "graph-2"
    assert client.get("/actors/graph/").context["network"] is not None
    with pytest.raises(ValidationError):
        Actor(name="Graph", slug="graph").full_clean()


def test_an_actors_own_network_joins_the_others_where_they_meet(cast):
    others, network = ego_network(cast["A"], appears_with(cast["A"]))

    assert [(o.name, o.shared) for o in others] == [("Bravo", 2), ("Charlie", 1)]
    assert edges(network) == {
        ("Alpha", "Bravo"): 2,
        ("Alpha", "Charlie"): 1,
        ("Bravo", "Charlie"): 1,
    }
    (drawing,) = network.drawings
    centre = next(m for m in drawing.marks if m.node.centre)
    assert centre.node.name == "Alpha"
    assert centre.x == drawing.width / 2


def test_the_actor_page_shows_the_name_as_heading_a_coverage_chart_and_appears_with(client, cast):
    text = client.get(cast["A"].get_absolute_url()).text

    assert re.search(r"<h1[^>]*>Alpha</h1>", text)
    assert '<title id="coverage-chart-title">Pieces about Alpha, month by month</title>' in text
    assert '<title id="appears-chart-any-title">Who appears with Alpha</title>' in text
    assert text.count('<rect class="chart__bar"') == 1
    assert "2 shared pieces" in text


def test_coverage_counts_public_pieces_per_month(cast):
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    earlier = timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(12)))
    link(ArticleFactory(publish_at=earlier), cast["A"])

    chart = coverage_chart(cast["A"])

    counts = {bar.month: bar.count for bar in chart.bars}
    assert counts[this_month] == 2
    assert counts[last_month] == 1
    assert chart.total == 3
    assert chart.bars[-1].month == this_month
    assert len(chart.bars) >= 6
    tallest = max(chart.bars, key=lambda bar: bar.count)
    assert tallest.y == chart.top and tallest.y + tallest.height == chart.bottom


def test_an_actor_without_public_coverage_has_no_chart(cast):
    assert coverage_chart(cast["D"]) is None
