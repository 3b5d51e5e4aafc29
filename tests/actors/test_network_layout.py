"""The network drawings: every actor named, no name over another, nothing outside the box."""

import random

import pytest

from articles.coverage.graph import EGO, NARROW, WIDE, Edge, Network, Node, lay_out
from articles.coverage.layout import PAD, draw, text_width, wrap

NAMES = [
    "Viktor Orbán",
    "Organization for Security and Co-operation in Europe",
    "EU",
    "Recep Tayyip Erdoğan",
    "Ursula von der Leyen",
    "Nordatlantikvertragsorganisationsgeneralsekretariat",
    "Xi Jinping",
    "United Kingdom of Great Britain and Northern Ireland",
    "Wagner Group",
    "Mohammed bin Salman",
]


def generated_network(size: int, seed: int) -> Network:
    """``size`` actors with names short and long, joined at random with random weights."""
    rng = random.Random(seed)
    nodes = [
        Node(i + 1, f"{rng.choice(NAMES)} {i}", f"actor-{i}", "person", rng.randint(1, 30))
        for i in range(size)
    ]
    edges = []
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if rng.random() < min(1.0, 4 / size):
                edges.append(Edge(a, b, rng.randint(1, 8)))
    return Network(nodes=nodes, edges=edges)


def assert_legible(drawing, nodes):
    marks = drawing.marks
    assert sorted(m.node.pk for m in marks) == sorted(n.pk for n in nodes)
    for mark in marks:
        assert mark.lines and all(mark.lines), mark.node.name
        assert all(
            text_width(line, bold=mark.node.centre) <= mark.label_width for line in mark.lines
        )
        assert mark.left >= 0 and mark.right <= drawing.width, mark.node.name
        assert mark.top >= 0 and mark.bottom <= drawing.height, mark.node.name
    boxes = [(m.left, m.top, m.right, m.bottom, m.node.name) for m in marks]
    for i, (left, top, right, bottom, name) in enumerate(boxes):
        for other_left, other_top, other_right, other_bottom, other in boxes[i + 1 :]:
            apart = (
                right <= other_left
                or other_right <= left
                or bottom <= other_top
                or other_bottom <= top
            )
            assert apart, (name, other)


@pytest.mark.parametrize("size", [1, 2, 3, 8, 20, 40, 60])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_newsroom_drawings_never_overlap_and_stay_inside(size, seed):
    network = lay_out(generated_network(size, seed))

    assert [(d.fit, d.width) for d in network.drawings] == [
        ("narrow", NARROW[0]),
        ("wide", WIDE[0]),
    ]
    for drawing in network.drawings:
        assert_legible(drawing, network.nodes)


@pytest.mark.parametrize("size", [2, 5, 9])
def test_an_actors_own_drawing_never_overlaps_even_with_everyone_in_one_spot(size):
    network = generated_network(size, seed=size)
    network.nodes[0].centre = True
    everyone_here = {node.pk: (0.5, 0.5) for node in network.nodes}

    drawing = draw(
        network.nodes, network.edges, everyone_here, width=EGO[0], height=EGO[1], fit="any"
    )

    assert_legible(drawing, network.nodes)


def test_the_layout_is_the_same_every_time():
    first = lay_out(generated_network(30, seed=4)).drawings
    again = lay_out(generated_network(30, seed=4)).drawings

    assert [(m.x, m.y) for d in first for m in d.marks] == [
        (m.x, m.y) for d in again for m in d.marks
    ]


def test_a_long_name_wraps_into_lines_that_fit():
    lines = wrap("Organization for Security and Co-operation in Europe", 96)

    assert len(lines) > 2
    assert all(text_width(line) <= 96 for line in lines)
    assert " ".join(lines) == "Organization for Security and Co-operation in Europe"


def test_a_word_wider_than_the_drawing_is_cut_with_an_ellipsis():
    (line,) = wrap("Nordatlantikvertragsorganisationsgeneralsekretariat", 120)

    assert line.endswith("…") and text_width(line) <= 120


def test_names_in_a_phone_drawing_leave_a_margin():
    drawing = lay_out(generated_network(40, seed=9)).drawings[0]

    assert min(m.left for m in drawing.marks) >= PAD
    assert max(m.right for m in drawing.marks) <= drawing.width - PAD
