"""Each publish check reports what an editor must know, once, in words they understand, and
stays silent when there is nothing to say."""

import pytest

from articles.checks import CHECKS, run_checks
from articles.checks.document import body_blocks
from sources.models import SourceAlias
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleActorFactory,
    ArticleFactory,
    CitationFactory,
    SourceFactory,
    image_file,
)

pytestmark = pytest.mark.django_db


def p(text: str) -> str:
    return f"<p>{text}</p>"


def paragraph(n: int) -> str:
    return p(f"Paragraph number {n} says something different from all the others here.")


def findings(article, code: str | None = None):
    return [f for f in run_checks(article) if code is None or f.code == code]


def test_every_check_has_its_fixed_code_and_severity():
    assert {code: str(check.severity) for code, check in CHECKS.items()} == {
        "repeated_blocks": "blocking",
        "repeated_paragraph": "warning",
        "uncredited_image": "blocking",
        "credit_not_linked": "warning",
        "missing_alt_text": "warning",
        "uncited_attribution": "blocking",
        "empty_heading": "warning",
        "duplicate_heading": "warning",
        "missing_dek": "warning",
        "long_headline": "warning",
        "unlinked_actor": "warning",
        "missing_byline": "blocking",
        "missing_section": "blocking",
    }


def test_a_clean_piece_has_no_findings():
    assert findings(ArticleFactory()) == []


def test_the_body_is_read_as_numbered_blocks():
    html = "<h2>Part one</h2><p>A <em>first</em> para.</p><ul><li>one</li><li>two</li></ul>"
    html += "<blockquote><p>Quoted.</p></blockquote>"
    assert [(b.number, b.kind, b.text) for b in body_blocks(html)] == [
        (1, "heading", "Part one"),
        (2, "paragraph", "A first para."),
        (3, "list", "one two"),
        (4, "quotation", "Quoted."),
    ]


def test_a_repeated_run_of_blocks_is_one_finding_with_its_length_and_both_starts():
    run = "<h2>The start</h2>" + "".join(paragraph(n) for n in range(1, 4))
    article = ArticleFactory(body=p("Opening words of the piece, said only once.") + run + run)
    [finding] = findings(article)
    assert (finding.code, finding.blocking) == ("repeated_blocks", True)
    assert finding.message == (
        "Blocks 2–5 (3 paragraphs and 1 heading, 35 words) appear again as blocks 6–9, "
        "word for word. Delete the extra copy."
    )
    assert (finding.details["length"], finding.details["first"], finding.details["second"]) == (
        4,
        2,
        6,
    )
    assert (finding.place.field, finding.place.block) == ("body", 6)


def test_a_single_repeated_paragraph_is_a_warning_of_its_own():
    article = ArticleFactory(body=paragraph(1) + paragraph(2) + paragraph(1))
    [finding] = findings(article)
    assert (finding.code, finding.severity) == ("repeated_paragraph", "warning")
    assert finding.message.startswith("Block 3 repeats block 1 word for word:")


def test_repeats_inside_a_repeated_run_are_not_reported_again():
    run = "<h2>Same heading</h2>" + paragraph(1) + paragraph(2)
    article = ArticleFactory(body=run + run)
    assert [f.code for f in findings(article)] == ["repeated_blocks"]


def test_short_lines_that_recur_are_not_repetitions():
    article = ArticleFactory(body=p("Read more.") + paragraph(1) + p("Read more."))
    assert findings(article) == []


def test_empty_and_duplicated_headings():
    body = "<h2>Why it matters</h2>" + paragraph(1) + "<h2></h2>" + paragraph(2)
    body += "<h2>Why it matters</h2>" + paragraph(3)
    article = ArticleFactory(body=body)
    assert [(f.code, f.message) for f in findings(article)] == [
        ("empty_heading", "Block 3 is an empty heading: write it or remove it."),
        (
            "duplicate_heading",
            "The heading “Why it matters” appears 2 times, at blocks 1 and 5. "
            "Give each part its own heading.",
        ),
    ]


def test_a_missing_standfirst_and_a_long_headline_are_warnings():
    article = ArticleFactory(dek="", headline="A" * 111)
    assert [(f.code, f.severity) for f in findings(article)] == [
        ("missing_dek", "warning"),
        ("long_headline", "warning"),
    ]
    assert findings(ArticleFactory(headline="A" * 110)) == []


@pytest.fixture
def pictured(db):
    article = ArticleFactory()
    article.lead_image.save("lead.jpg", image_file(), save=False)
    article.lead_image_alt = "Two men shake hands."
    article.lead_image_credit_text = "Jane Doe"
    article.save()
    return article


def test_a_lead_image_with_a_credit_and_alt_text_passes(pictured):
    assert findings(pictured) == []


def test_a_lead_image_without_a_credit_blocks(pictured):
    pictured.lead_image_credit_text = ""
    pictured.save()
    [finding] = findings(pictured)
    assert (finding.code, finding.blocking) == ("uncredited_image", True)
    assert finding.message.startswith("The lead image has no credit.")


def test_a_lead_image_without_alt_text_is_a_warning(pictured):
    pictured.lead_image_alt = ""
    pictured.save()
    assert [(f.code, f.severity) for f in findings(pictured)] == [("missing_alt_text", "warning")]


@pytest.mark.parametrize("credit", ["BBC", "Image Credit: BBC News", "John Smith/BBC", "bbc news"])
def test_a_free_text_credit_naming_a_known_source_offers_the_link(pictured, credit):
    bbc = SourceFactory(name="BBC News", kind="broadcaster")
    SourceAlias.objects.create(source=bbc, name="BBC")
    pictured.lead_image_credit_text = credit
    pictured.save()
    [finding] = findings(pictured)
    assert finding.code == "credit_not_linked"
    assert finding.details["source"] == {"id": bbc.pk, "name": "BBC News", "slug": "bbc-news"}
    assert f"credit “{credit}” is free text, but BBC News is a known source" in finding.message


def test_a_free_text_credit_that_names_no_source_is_fine(pictured):
    SourceFactory(name="BBC News")
    pictured.lead_image_credit_text = "bbc"  # an abbreviation counts only as written
    pictured.save()
    assert findings(pictured) == []


@pytest.fixture
def agencies(db):
    reuters = SourceFactory(name="Reuters")
    ap = SourceFactory(name="Associated Press")
    SourceAlias.objects.create(source=ap, name="AP")
    return reuters, ap


@pytest.mark.parametrize(
    "sentence",
    [
        "According to Reuters, the talks failed.",
        "The talks failed, Reuters reported on Monday.",
        "Reuters has reported that the talks failed.",
        "An official told Reuters that the talks failed.",
        "The talks failed, according to a report by Reuters.",
        "Reuters' reporting shows the talks failed.",
    ],
)
def test_a_claim_attributed_to_an_uncited_source_blocks_and_names_it(agencies, sentence):
    article = ArticleFactory(body=p("Opening paragraph.") + p(sentence))
    [finding] = findings(article)
    assert (finding.code, finding.blocking) == ("uncited_attribution", True)
    assert finding.message == (
        "Block 2 attributes a claim to Reuters, but the piece does not cite Reuters. "
        "Add Reuters to the citations, or rephrase."
    )
    assert (finding.place.block, finding.place.excerpt) == (2, sentence)


def test_an_attribution_to_a_cited_source_is_fine(agencies):
    reuters, ap = agencies
    article = ArticleFactory(body=p("According to Reuters, the talks failed; AP said so too."))
    CitationFactory(article=article, source=reuters)
    [finding] = findings(article)
    assert finding.details["source"]["name"] == "Associated Press"


def test_a_source_named_without_handing_it_a_claim_is_no_attribution(agencies):
    body = p("Reuters is an agency founded in London.") + p("We read the AP stylebook.")
    assert findings(ArticleFactory(body=body)) == []


def test_attributions_to_one_source_make_one_finding(agencies):
    body = p("Reuters reported one thing.") + p("Later, according to Reuters, another.")
    [finding] = findings(ArticleFactory(body=body))
    assert finding.message.startswith("Blocks 1 and 2 attribute claims to Reuters")
    assert finding.details["occurrences"] == 2


def test_actors_named_but_not_linked_are_warnings_unless_dismissed():
    orban = ActorFactory(name="Viktor Orbán")
    ActorAliasFactory(actor=orban, name="Orbán")
    fico = ActorFactory(name="Robert Fico")
    hungary = ActorFactory(name="Hungary", kind="state")
    article = ArticleFactory(body=p("Orbán met Robert Fico.") + p("Orbán left Hungary."))
    ArticleActorFactory(article=article, actor=fico)
    article.dismissed_actors.create(actor=hungary)
    [finding] = findings(article)
    assert (finding.code, finding.severity) == ("unlinked_actor", "warning")
    assert (
        finding.message
        == "Viktor Orbán is named twice (first in block 1) but not linked to the piece."
    )


def test_an_ambiguous_name_with_no_candidate_linked_is_pointed_out():
    for name in ("John F. Kennedy", "Robert F. Kennedy"):
        ActorAliasFactory(actor=ActorFactory(name=name), name="Kennedy")
    article = ArticleFactory(body=p("Kennedy decided."))
    [finding] = findings(article)
    assert finding.message == (
        "“Kennedy” (once, first in block 1) could mean John F. Kennedy or Robert F. Kennedy: "
        "link the one meant by hand."
    )


def test_findings_serialise_with_their_code_severity_message_and_place(agencies):
    article = ArticleFactory(body=p("According to Reuters, the talks failed."))
    [finding] = findings(article)
    data = finding.as_dict()
    assert list(data)[:4] == ["code", "severity", "message", "place"]
    assert data["place"] == {
        "field": "body",
        "block": 1,
        "excerpt": "According to Reuters, the talks failed.",
    }


def test_a_piece_without_a_byline_or_a_section_is_held_back_and_told_why():
    article = ArticleFactory(bylines=[], section=None)
    blocking = [(f.code, f.place.describe()) for f in run_checks(article) if f.blocking]
    assert blocking == [("missing_byline", "the bylines"), ("missing_section", "the section")]
    messages = " ".join(f.message for f in run_checks(article))
    assert "no byline" in messages and "no section" in messages


def test_a_signed_piece_in_a_section_has_neither_finding():
    assert not findings(ArticleFactory(), "missing_byline")
    assert not findings(ArticleFactory(), "missing_section")
