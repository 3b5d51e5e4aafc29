"""The reference page's faults, on a long analysis of our own (tests/fixtures): a run of ten
blocks printed twice, a claim attributed to an agency the piece does not cite, a photo
credit given as free text that names a known source, and actors named in every form copy
uses, two of them sharing a surname. Each fault is reported once; every actor named is found
and nothing else is."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.checks import ArticleDocument, run_checks
from articles.linking import suggest_actors
from articles.models import Article
from articles.plaintext import parse_plain_text
from sources.models import Source
from tests.factories import BylineFactory, CitationFactory, SectionFactory, image_file

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# Every actor the piece names, with how often, in order of first mention.
NAMED = {
    "Viktor Orbán": 14,
    "Robert Fico": 12,
    "Slovakia": 7,
    "Soviet Union": 4,
    "John F. Kennedy": 2,
    "Robert F. Kennedy": 8,
    "Anatoly Dobrynin": 9,
    "United States": 11,
    "Turkey": 2,
    "Hungary": 12,
    "Vladimir Putin": 4,
    "Russia": 16,
    "China": 3,
    "European Union": 13,
    "NATO": 3,
    "Ukraine": 12,
    "Donald Trump": 3,
    "Volodymyr Zelensky": 1,
    "Andrej Babis": 2,
}
# In the fixture list but never named: "Xi" is not in "taxi", "UN" not in "unanimity",
# "WHO" not in "who", "US" not in "us".
NOT_NAMED = {"Xi Jinping", "Mark Rutte", "United Nations", "World Health Organization"}


@pytest.fixture
def newsroom(db):
    for command, file in [("import_sources", "sources.csv"), ("import_actors", "actors.csv")]:
        call_command(command, str(FIXTURES / file), stdout=io.StringIO())


@pytest.fixture
def piece(newsroom):
    text = (FIXTURES / "quiet_channels.txt").read_text()
    parsed = parse_plain_text(
        text, headline="Quiet channels: the private diplomacy of two premiers"
    )
    article = Article.objects.create(
        headline=parsed.headline,
        dek="Two Central European leaders keep private lines open to the east.",
        body=parsed.body_html(),
        lead_image_caption=parsed.caption,
        lead_image_alt="Two men in dark suits shake hands in front of flags.",
        lead_image_credit_text=parsed.credit,
        section=SectionFactory(name="Europe"),
    )
    BylineFactory(article=article)
    article.lead_image.save("lead.jpg", image_file(), save=True)
    for name in ("Associated Press", "Office of the Historian, U.S. Department of State"):
        CitationFactory(article=article, source=Source.objects.get(name=name))
    return article


def test_every_actor_named_is_found_with_its_mentions_and_nothing_else(piece):
    mentions = ArticleDocument(piece).actor_mentions
    assert {m.actor.name: m.count for m in mentions.actors} == NAMED
    assert list({m.actor.name: m.count for m in mentions.actors}) == list(NAMED)
    assert not NOT_NAMED & {m.actor.name for m in mentions.actors}


def test_the_forms_real_copy_uses_are_all_recognised(piece):
    mentions = ArticleDocument(piece).actor_mentions
    written = {m.actor.name: {span.text for span in m.spans} for m in mentions.actors}
    assert written["Viktor Orbán"] == {
        "Viktor Orbán",
        "Viktor Orban",
        "Orbán",  # also as "Orbán’s" and "Orbán's"
        "Hungarian prime minister",
    }
    assert written["Andrej Babis"] == {"Andrej Babiš", "Babiš"}
    assert written["Robert Fico"] == {"Robert Fico", "Fico"}
    assert written["United States"] == {"United States", "American", "Washington", "U.S."}
    assert written["European Union"] == {"European Union", "EU", "Brussels", "the Union"}
    assert written["Soviet Union"] == {"Soviet"}
    assert written["China"] == {"People’s Republic of China", "Beijing"}
    assert written["Robert F. Kennedy"] == {"Robert Kennedy", "Kennedy"}
    assert written["John F. Kennedy"] == {"John F. Kennedy"}


def test_the_shared_surname_is_settled_where_the_text_allows_and_reported_where_not(piece):
    document = ArticleDocument(piece)
    [kennedy] = document.actor_mentions.ambiguous
    assert kennedy.name == "Kennedy"
    assert {c.name for c in kennedy.candidates} == {"John F. Kennedy", "Robert F. Kennedy"}
    # Where both brothers are named (blocks 4 and 14) and in the closing line (block 40).
    assert [document.place_of(span).block for span in kennedy.spans] == [4, 14, 40]


def test_each_fault_is_reported_once_and_nothing_else_once_the_actors_are_linked(piece):
    suggest_actors(piece, ArticleDocument(piece).text)
    findings = run_checks(piece)
    assert [(f.code, str(f.severity)) for f in findings] == [
        ("repeated_blocks", "blocking"),
        ("uncited_attribution", "blocking"),
        ("credit_not_linked", "warning"),
    ]
    repeated, uncited, credit = findings
    assert repeated.message == (
        "Blocks 1–10 (8 paragraphs and 2 headings, 572 words) appear again as blocks 11–20, "
        "word for word. Delete the extra copy."
    )
    assert (repeated.details["length"], repeated.details["copies"]) == (10, [1, 11])
    assert uncited.details["source"]["name"] == "Reuters"
    assert uncited.place.block == 22
    assert "According to Reuters, in July 2024" in uncited.place.excerpt
    assert credit.details["source"]["name"] == "BBC News"
    assert credit.message.startswith("The lead image's credit “BBC” is free text")


def test_before_linking_the_unlinked_actors_are_warnings_each_once(piece):
    unlinked = [f for f in run_checks(piece) if f.code == "unlinked_actor"]
    assert [f.details.get("actor", {}).get("name") for f in unlinked] == [*NAMED, None]
    assert unlinked[-1].message == (
        "“Kennedy” (3 times, first in block 4) could mean John F. Kennedy or Robert F. Kennedy: "
        "link the one meant by hand."
    )
