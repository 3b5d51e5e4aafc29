"""Who appears with whom: co-occurrence of actors in public articles, laid out as a network.

Two links are counted as one edge when two actors are linked to the same public article.
The newsroom-wide network (``/actors/graph/``) is laid out on the server with networkx and
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

# Every network and chart depends on this reader-cache tag.
GRAPH_TAG = "actors:graph"
GRAPH_CACHE_SECONDS = 60 * 60 * 24
GRAPH_MAX_NODES = 40
GRAPH_MAX_EDGES = 160
GRAPH_LABELLED_NODES = 24
EGO_SIZE = 8


@dataclass
class Node:
    pk: int
    name: str
    slug: str
    kind: str
    weight: int
    x: float = 0.0
    y: float = 0.0
    r: float = 6.0
    labelled: bool = True
    centre: bool = False

    @property
    def label_y(self) -> float:
        return round(self.y + self.r + 14, 1)


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
    width: int = 960
    height: int = 640

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def edges_by_weight(self) -> list[Edge]:
        return sorted(self.edges, key=lambda e: (-e.weight, e.source.name, e.target.name))


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
    """Place the nodes with a force-directed layout (heavier edges pull closer), scaled into
    the network's box with room for labels.

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
    _fit(network, _fisheye({n.pk: tuple(map(float, positions[n.pk])) for n in network.nodes}))
    _separate_labels(network)
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


def _label_box(node: Node) -> tuple[float, float]:
    """Half width and half height of a node with its label underneath, in SVG units."""
    half_width = max(node.r, len(node.name) * 3.4 if node.labelled else node.r) + 4
    half_height = node.r + (10 if node.labelled else 2)
    return half_width, half_height


def _separate_labels(network: Network, rounds: int = 60) -> None:
    """Nudge nodes apart until no two labelled nodes' boxes overlap (or ``rounds`` pass),
    keeping every node inside the box."""
    nodes = network.nodes
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                aw, ah = _label_box(a)
                bw, bh = _label_box(b)
                ay, by = a.y + (6 if a.labelled else 0), b.y + (6 if b.labelled else 0)
                overlap_x = aw + bw - abs(a.x - b.x)
                overlap_y = ah + bh - abs(ay - by)
                if overlap_x <= 0 or overlap_y <= 0:
                    continue
                moved = True
                # Move along the cheaper axis; vertical moves are cheaper for wide labels.
                if overlap_y <= overlap_x:
                    step = overlap_y / 2 + 0.5
                    sign = 1 if b.y >= a.y else -1
                    a.y, b.y = a.y - sign * step, b.y + sign * step
                else:
                    step = overlap_x / 2 + 0.5
                    sign = 1 if b.x >= a.x else -1
                    a.x, b.x = a.x - sign * step, b.x + sign * step
        for node in nodes:
            half_width, _ = _label_box(node)
            node.x = round(min(max(node.x, half_width), network.width - half_width), 1)
            node.y = round(min(max(node.y, node.r + 4), network.height - node.r - 22), 1)
        if not moved:
            break


def lay_out_around(network: Network, centre: Node) -> Network:
    """An actor's own network: the actor in the middle, the others on a ring around it,
    heaviest first from the top, nearer the middle the more pieces they share."""
    others = [node for node in network.nodes if node is not centre]
    heaviest = max((node.weight for node in others), default=1) or 1
    positions = {centre.pk: (0.0, 0.0)}
    for i, node in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / len(others)
        radius = 1.0 - 0.3 * node.weight / heaviest
        positions[node.pk] = (radius * math.cos(angle), radius * math.sin(angle))
    _fit(network, positions, bounds=(-1.0, 1.0, -1.0, 1.0))
    return network


def _fit(
    network: Network,
    positions: dict[int, tuple[float, float]],
    bounds: tuple[float, float, float, float] | None = None,
) -> None:
    """Scale layout ``positions`` (within ``bounds``: min x, max x, min y, max y; by default
    the positions' own) into the box, leaving margins for labels; size circles and lines."""
    margin_x, margin_top, margin_bottom = 90, 30, 40
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    min_x, max_x, min_y, max_y = bounds or (min(xs), max(xs), min(ys), max(ys))
    span_x = (max_x - min_x) or 1.0
    span_y = (max_y - min_y) or 1.0
    inner_w = network.width - 2 * margin_x
    inner_h = network.height - margin_top - margin_bottom
    heaviest = max((n.weight for n in network.nodes), default=1) or 1
    for node in network.nodes:
        x, y = positions[node.pk]
        if len(network.nodes) == 1:
            node.x, node.y = network.width / 2, network.height / 2
        else:
            node.x = round(margin_x + (x - min_x) / span_x * inner_w, 1)
            node.y = round(margin_top + (y - min_y) / span_y * inner_h, 1)
        node.r = round(5 + 13 * math.sqrt(node.weight / heaviest), 1)
    strongest = max((e.weight for e in network.edges), default=1) or 1
    for edge in network.edges:
        edge.width = round(1 + 5 * edge.weight / strongest, 1)


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
    for rank, node in enumerate(network.nodes):
        node.labelled = rank < GRAPH_LABELLED_NODES
    return lay_out(network)


def _remembered(key: str, compute):
    return reader_cache.remember(
        key, (GRAPH_TAG,), compute, lambda: reader_cache.lifetime(GRAPH_CACHE_SECONDS)
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


def ego_network(
    actor: Actor, others: QuerySet, width: int = 520, height: int = 400
) -> tuple[list[Actor], Network]:
    """``actor`` in the middle, ``others`` (from ``appears_with``) around it, joined where
    they appear together in the actor's public articles. Two queries, whatever the actor."""
    shown = list(others)
    centre = Node(actor.pk, actor.name, actor.slug, actor.kind, 0, centre=True)
    nodes = {actor.pk: centre}
    edges = []
    for other in shown:
        node = Node(other.pk, other.name, other.slug, other.kind, other.shared)
        nodes[other.pk] = node
        edges.append(Edge(centre, node, other.shared))
    centre.weight = max((o.shared for o in shown), default=1)
    network = Network(nodes=list(nodes.values()), edges=edges, width=width, height=height)
    their_links = public_links().filter(
        article__in=ArticleActor.objects.filter(actor=actor).values("article_id")
    )
    # The others as a subquery (not a list of ids), so the query runs, and the page's
    # query count stays the same, even when there are none.
    for a, b, n in pair_counts(their_links, others.values("pk")):
        edges.append(Edge(nodes[a], nodes[b], n))
    if shown:
        lay_out_around(network, centre)
    return shown, network
