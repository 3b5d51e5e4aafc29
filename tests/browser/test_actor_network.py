"""The actor network read in Chromium on a phone and a desktop: names at a readable size, none
over another, none clipped, and no page wider than the screen."""

import itertools

import pytest

from tests.factories import ActorFactory, ArticleActorFactory, ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)

NAMES = [
    ("Viktor Orbán", "person"),
    ("Robert Fico", "person"),
    ("Vladimir Putin", "person"),
    ("Volodymyr Zelensky", "person"),
    ("Ursula von der Leyen", "person"),
    ("Recep Tayyip Erdoğan", "person"),
    ("Donald Trump", "person"),
    ("Xi Jinping", "person"),
    ("Hungary", "state"),
    ("Slovakia", "state"),
    ("Russia", "state"),
    ("Ukraine", "state"),
    ("United States", "state"),
    ("United Kingdom", "state"),
    ("Germany", "state"),
    ("Poland", "state"),
    ("European Union", "organisation"),
    ("NATO", "organisation"),
    ("Organization for Security and Co-operation in Europe", "organisation"),
    ("United Nations", "organisation"),
    ("Wagner Group", "group"),
    ("Houthi movement", "group"),
]

# Every drawing shown on the page: its box, and each name's box and rendered font size.
MEASURE = """() => [...document.querySelectorAll('svg.network')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    return {
      box: [box.left, box.top, box.right, box.bottom],
      names: [...svg.querySelectorAll('text')].map(text => {
        const r = text.getBoundingClientRect();
        return {
          name: text.textContent,
          px: parseFloat(getComputedStyle(text).fontSize) * scale,
          box: [r.left, r.top, r.right, r.bottom],
        };
      }),
    };
  })"""


@pytest.fixture
def newsroom():
    actors = [ActorFactory(name=name, kind=kind) for name, kind in NAMES]
    # Pieces that link actors in overlapping groups: a dense network, as in real coverage.
    for i, group in enumerate(itertools.combinations(range(len(actors)), 3)):
        if i % 17:
            continue
        article = ArticleFactory(headline=f"Piece {i}")
        for index in group:
            ArticleActorFactory(article=article, actor=actors[index])
    return actors


def intersect(a, b, tolerance=0.5) -> bool:
    return (
        a[0] < b[2] - tolerance
        and b[0] < a[2] - tolerance
        and a[1] < b[3] - tolerance
        and b[1] < a[3] - tolerance
    )


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_kind", ["network", "actor"])
def test_the_network_reads_on_a_phone_and_a_desktop(
    browser, live_server, newsroom, width, page_kind
):
    url = "/actors/graph/" if page_kind == "network" else newsroom[0].get_absolute_url()
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + url)

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    drawings = page.evaluate(MEASURE)
    context.close()

    assert len(drawings) == 1  # one drawing made for this width, the other hidden
    (drawing,) = drawings
    names = drawing["names"]
    assert len(names) > 8
    for name in names:
        assert name["px"] >= 12, name
        left, top, right, bottom = drawing["box"]
        box = name["box"]
        assert left - 1 <= box[0] and box[2] <= right + 1, name
        assert top - 1 <= box[1] and box[3] <= bottom + 1, name
    for a, b in itertools.combinations(names, 2):
        assert not intersect(a["box"], b["box"]), (a["name"], b["name"])
