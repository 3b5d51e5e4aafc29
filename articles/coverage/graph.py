"""Who appears with whom: co-occurrence of actors in public articles, laid out as a network.

Two links are counted as one edge when two actors are linked to the same public article.
Each node also lists its links (who, how many pieces), so the pages can give every figure
as text before the drawing. The newsroom-wide network (``/actors/graph/``) is laid out on
the server with networkx, drawn once for a phone and once for a desktop (``layout.py``) and
kept in the cache until links change: every save or deletion of an article, a link or an
actor moves the reader-cache tag ``GRAPH_TAG`` on (``articles.caching``), and nothing is kept
past the moment a scheduled piece goes live.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Count, F, QuerySet
from django.utils import timezone

from actors.models import Actor
from web import reader_cache

from ..models import Article, ArticleActor
from .layout import Drawing, draw

# Every network and chart depends on this reader-cache tag.
GRAPH_TAG = "actors:graph"
GRAPH_CACHE_SECONDS = 60 * 60 * 24
GRAPH_MAX_NODES = 40
GRAPH_MAX_EDGES = 160
EGO_SIZE = 8
LAYOUT_VERSION = "drawn-2"
# The drawings' widths, in units about a CSS pixel where each is shown (actors.css): a
# phone's column, a desktop page, the column beside an actor's list.
NARROW, WIDE, EGO = (320, 560), (960, 600), (340, 380)


@dataclass(frozen=True)
class Link:
    """Another actor a node appears with, and in how many pieces."""

    name: str
    slug: str
    weight: int


@dataclass
class Node:
    pk: int
    name: str
    slug: str
    kind: str
    weight: int
    centre: bool = False
    links: list[Link] = field(default_factory=list)
    actor: Actor | None = None  # on an actor's own network: the other actor, for its chip


@dataclass
class Edge:
    source: Node
    target: Node
    weight: int
    width: float = 1.0


@dataclass
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)

    @property
    def edges_by_weight(self) -> list[Edge]:
        return sorted(self.edges, key=lambda e: (-e.weight, e.source.name, e.target.name))

    @property
    def others(self) -> list[Node]:
        """The nodes but the one in the middle of an actor's own network."""
        return [node for node in self.nodes if not node.centre]

    def list_links(self, edges: list[Edge] | None = None) -> None:
        """Give each node its links from ``edges`` (by default all), heaviest first."""
        for node in self.nodes:
            node.links = []
        for edge in self.edges if edges is None else edges:
            edge.source.links.append(Link(edge.target.name, edge.target.slug, edge.weight))
            edge.target.links.append(Link(edge.source.name, edge.source.slug, edge.weight))
        for node in self.nodes:
            node.links.sort(key=lambda link: (-link.weight, link.name))


def pair_counts(links: QuerySet, actor_ids) -> list[tuple[int, int, int]]:
    """(actor, other actor, articles shared) among ``actor_ids`` (a list or a subquery of
    actor ids), within the articles of ``links``, in one query."""
    rows = (
        links.filter(
            actor_id__in=actor_ids,
            article__actor_links__actor_id__in=actor_ids,
            article__actor_links__actor_id__gt=F("actor_id"),
        )
        .values_list("actor_id", "article__actor_links__actor_id")
        .annotate(shared=Count("article_id", distinct=True))
        .order_by()
    )
    return [(a, b, n) for a, b, n in rows]


def lay_out(network: Network, seed: int = 7) -> Network:
    """Place the nodes with a force-directed layout (heavier edges pull closer), then draw
    the network for a phone and for a desktop.

    Every node is also tied, weakly, to an invisible hub: without it, actors that share no
    piece with the others drift to the edges and squeeze the rest into a knot.
    """
    import networkx as nx

    graph = nx.Graph()
    hub = object()
    strongest = max((edge.weight for edge in network.edges), default=1)
    for node in network.nodes:
        graph.add_edge(hub, node.pk, weight=0.08 * strongest)
    for edge in network.edges:
        graph.add_edge(edge.source.pk, edge.target.pk, weight=edge.weight)
    if len(network.nodes) > 1:
        positions = nx.spring_layout(
            graph,
            k=1.8 / math.sqrt(len(network.nodes)),
            seed=seed,
            weight="weight",
            iterations=300,
        )
    else:
        positions = {node.pk: (0.0, 0.0) for node in network.nodes}
    spread = _fisheye({n.pk: tuple(map(float, positions[n.pk])) for n in network.nodes})
    network.drawings = [
        draw(network.nodes, network.edges, spread, width=w, height=h, fit=fit)
        for fit, (w, h) in (("narrow", NARROW), ("wide", WIDE))
    ]
    return network


def _fisheye(positions: dict[int, tuple[float, float]], power: float = 0.6) -> dict:
    """Pull outlying nodes in and spread the crowded middle: radius r becomes r ** power."""
    if len(positions) < 3:
        return positions
    cx = sum(x for x, _ in positions.values()) / len(positions)
    cy = sum(y for _, y in positions.values()) / len(positions)
    out = {}
    for pk, (x, y) in positions.items():
        r = math.hypot(x - cx, y - cy)
        scale = (r**power) / r if r else 0.0
        out[pk] = ((x - cx) * scale, (y - cy) * scale)
    return out


def lay_out_around(network: Network, centre: Node) -> Network:
    """An actor's own network: the actor in the middle, the others on a ring around it,
    heaviest first from the top, nearer the middle the more pieces they share."""
    others = network.others
    heaviest = max((node.weight for node in others), default=1) or 1
    positions = {centre.pk: (0.0, 0.0)}
    for i, node in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / len(others)
        radius = 1.0 - 0.3 * node.weight / heaviest
        positions[node.pk] = (radius * math.cos(angle), radius * math.sin(angle))
    width, height = EGO
    # Within the ring's bounds, so the actor stays in the middle even with one other.
    network.drawings = [
        draw(
            network.nodes,
            network.edges,
            positions,
            width=width,
            height=height,
            fit="any",
            bounds=(-1.0, 1.0, -1.0, 1.0),
        )
    ]
    return network


def _period_start(period: str | None) -> datetime.datetime | None:
    from articles.search.forms import PERIODS

    if period in PERIODS:
        return timezone.now() - PERIODS[period][1]
    return None


def public_links(since: datetime.datetime | None = None) -> QuerySet:
    articles = Article.objects.public()
    if since:
        articles = articles.filter(publish_at__gte=since)
    return ArticleActor.objects.filter(article__in=articles.values("pk"))


def newsroom_network(kind: str = "", period: str = "") -> Network:
    """The most covered actors (of ``kind``, over ``period``) and who appears with whom."""
    links = public_links(_period_start(period))
    if kind:
        links = links.filter(actor__kind=kind)
    top = list(
        links.values("actor_id", "actor__name", "actor__slug", "actor__kind")
        .annotate(coverage=Count("article_id"))
        .order_by("-coverage", "actor__name")[:GRAPH_MAX_NODES]
    )
    nodes = {
        row["actor_id"]: Node(
            row["actor_id"],
            row["actor__name"],
            row["actor__slug"],
            row["actor__kind"],
            row["coverage"],
        )
        for row in top
    }
    network = Network(nodes=list(nodes.values()))
    if not nodes:
        return network
    pairs = sorted(pair_counts(links, list(nodes)), key=lambda p: -p[2])[:GRAPH_MAX_EDGES]
    network.edges = [Edge(nodes[a], nodes[b], n) for a, b, n in pairs]
    network.list_links()
    return lay_out(network)


def _remembered(key: str, compute):
    # The version in the key: networks kept by an earlier release have another shape.
    return reader_cache.remember(
        f"{LAYOUT_VERSION}:{key}",
        (GRAPH_TAG,),
        compute,
        lambda: reader_cache.lifetime(GRAPH_CACHE_SECONDS),
    )


def cached_newsroom_network(kind: str = "", period: str = "") -> Network:
    """``newsroom_network``, from the cache unless links changed or a piece went live."""
    day = timezone.localdate().isoformat() if period else ""
    key = f"actors:graph:newsroom:{kind}:{period}:{day}"
    return _remembered(key, lambda: newsroom_network(kind, period))


def cached_actor_charts(actor: Actor):
    """(the actors appearing with ``actor``, their network, the coverage chart), from the
    cache unless links changed: for a much-covered actor they read thousands of links."""
    from .chart import coverage_chart

    def charts():
        others, network = ego_network(actor, appears_with(actor))
        return others, network, coverage_chart(actor)

    return _remembered(f"actors:graph:actor:{actor.pk}:{timezone.localdate().isoformat()}", charts)


def appears_with(actor: Actor, limit: int = EGO_SIZE) -> QuerySet:
    """The actors most often linked to the same public pieces as ``actor``, each annotated
    with ``shared`` (the number of those pieces)."""
    their_articles = Article.objects.public().filter(actor_links__actor=actor).values("pk")
    return (
        Actor.objects.filter(article_links__article__in=their_articles)
        .exclude(pk=actor.pk)
        .annotate(shared=Count("article_links"))
        .order_by("-shared", "name")[:limit]
    )


def ego_network(actor: Actor, others: QuerySet) -> tuple[list[Actor], Network]:
    """``actor`` in the middle, ``others`` (from ``appears_with``) around it, joined where
    they appear together in the actor's public articles. Two queries, whatever the actor."""
    shown = list(others)
    centre = Node(actor.pk, actor.name, actor.slug, actor.kind, 0, centre=True)
    nodes = {actor.pk: centre}
    edges = []
    for other in shown:
        node = Node(other.pk, other.name, other.slug, other.kind, other.shared, actor=other)
        nodes[other.pk] = node
        edges.append(Edge(centre, node, other.shared))
    centre.weight = max((o.shared for o in shown), default=1)
    network = Network(nodes=list(nodes.values()), edges=edges)
    their_links = public_links().filter(
        article__in=ArticleActor.objects.filter(actor=actor).values("article_id")
    )
    # The others as a subquery (not a list of ids), so the query runs, and the page's
    # query count stays the same, even when there are none.
    for a, b, n in pair_counts(their_links, others.values("pk")):
        edges.append(Edge(nodes[a], nodes[b], n))
    # What the others share with the actor is on their chips; the list adds the rest.
    network.list_links(edges[len(shown) :])
    if shown:
        lay_out_around(network, centre)
    return shown, network
