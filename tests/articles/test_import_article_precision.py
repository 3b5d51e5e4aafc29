"""``import_article`` reads a pasted page precisely: the caption and credit wherever they stand,
a lone credit line, page furniture (the editor's appeal, sponsor blocks, the comments widget)
kept out of the body and reported, and a second import of the same piece refused."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article
from articles.plaintext import parse_plain_text

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PIECE = FIXTURES / "pipes_and_promises.txt"
LONG = (
    "Budapest and Bratislava have kept their lines to Moscow open since 2022, and each new visit "
    "tests the patience of partners who share their intelligence and their budgets with them."
)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_article", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def report_for(file) -> dict:
    return json.loads(run(file, "--format", "json")[0])


def piece_file(tmp_path, *lines: str) -> Path:
    file = tmp_path / "piece.txt"
    file.write_text("\n".join(["A headline for the piece", *lines]) + "\n")
    return file


# The caption and the credit


def test_a_caption_and_credit_line_after_some_paragraphs_is_the_lead_caption_not_a_heading():
    parsed = parse_plain_text(
        "\n".join(
            [LONG, "A second paragraph.", "Two leaders pose during a visit. Image Credit: BBC"]
        ),
        headline="H",
    )
    assert (parsed.caption, parsed.credit) == ("Two leaders pose during a visit", "BBC")
    assert parsed.headings == []
    assert [block.text for block in parsed.blocks] == [LONG, "A second paragraph."]


def test_a_caption_and_its_credit_on_separate_lines_are_read_together(db, tmp_path):
    file = piece_file(
        tmp_path, LONG, "Two leaders pose during a visit to Bratislava.", "Image Credit: BBC", LONG
    )
    run(file)
    article = Article.objects.get()
    assert (article.lead_image_caption, article.lead_image_credit_text) == (
        "Two leaders pose during a visit to Bratislava",
        "BBC",
    )
    assert article.body == f"<p>{LONG}</p><p>{LONG}</p>"


@pytest.mark.parametrize(
    ("before", "caption"),
    [
        ("Two leaders pose during a visit!", "Two leaders pose during a visit!"),
        (LONG + " " + LONG, ""),  # a paragraph of 60 words is not a caption
        ("- a list item.", ""),
    ],
)
def test_a_lone_credit_line_is_the_credit_and_takes_a_sentence_before_it_as_caption(
    before, caption
):
    parsed = parse_plain_text(f"{LONG}\n{before}\nImage Credit: Jane Doe/AP\n{LONG}", headline="H")
    assert (parsed.caption, parsed.credit) == (caption, "Jane Doe/AP")
    assert parsed.headings == []
    assert "Image Credit" not in parsed.body_html()


def test_a_later_caption_is_left_out_of_the_body_and_reported(db, tmp_path):
    later = "A compressor station on the border. Photo: Reuters"
    file = piece_file(tmp_path, "Leaders meet. Image Credit: BBC", LONG, later, LONG)
    report = report_for(file)
    article = Article.objects.get()
    assert report["headings"] == []
    assert (article.lead_image_caption, article.lead_image_credit_text) == ("Leaders meet", "BBC")
    assert "compressor" not in article.body
    assert report["furniture"] == [
        {"kind": "caption", "rule": "picture caption", "line": 4, "text": later}
    ]


@pytest.mark.parametrize(
    "line",
    [
        "He posted one photo: a handshake in the rain.",
        "Credit: the missing ingredient",
        "The problem is credit: banks will not lend",
    ],
)
def test_a_line_that_merely_uses_the_word_photo_or_credit_is_no_credit(line):
    parsed = parse_plain_text(f"{LONG}\n{line}", headline="H")
    assert (parsed.caption, parsed.credit) == ("", "")


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        (["Leaders meet. Image Credit: BBC", LONG], (True, True)),
        (["Image Credit: BBC", LONG], (False, True)),
        ([LONG], (False, False)),
    ],
)
def test_the_json_report_says_whether_a_caption_and_a_credit_were_found(tmp_path, lines, found):
    report = report_for(piece_file(tmp_path, *lines))
    assert (report["caption_found"], report["credit_found"]) == found


# Page furniture


def test_the_pasted_pages_furniture_is_left_out_and_reported_and_its_analysis_kept(db):
    report = report_for(PIECE)
    article = Article.objects.get()
    for left_out in ["Meridian Review", "Hartmann", "Nordlicht", "Vesta", "12 comments",
                     "log in", "advertisement", "Advertisement", "compressor station"]:  # fmt: skip
        assert left_out not in article.body
    assert article.body.count("<p>") == 16
    assert report["headings"] == [
        "A pipeline that runs both ways",
        "Comments from Brussels",
        "The Hungarian model",
        "What it means for Europe",
        "Summing up",
    ]
    for kept in [
        "Asked for comment, the Slovak economy ministry",
        "The sharpest comments came from the Baltic states.",
        "households subscribe to regulated gas tariffs",
        "tens of thousands of paying subscribers",
        "If you subscribe to the view that energy is only about prices",
        "Either way, the pipes will stay empty for now",
    ]:
        assert kept in article.body
    assert (article.lead_image_caption, article.lead_image_credit_text) == (
        "Robert Fico and Vladimir Putin shake hands before their talks in the Kremlin in "
        "December 2024",
        "Reuters",
    )
    assert [(item["kind"], item["rule"], item["line"]) for item in report["furniture"]] == [
        ("sponsor", "advertisement marker", 11),
        ("caption", "picture caption", 13),
        ("sponsor", "sponsor block", 17),
        ("appeal", "signed appeal", 30),
        ("sponsor", "sponsor block", 39),
        ("sponsor", "sponsor block", 47),
        ("sponsor", "sponsor block", 52),
        ("comments", "comments area", 56),
    ]
    appeal = report["furniture"][3]["text"].splitlines()
    assert (appeal[0], appeal[-3:]) == (
        "A message from our Editor-in-Chief",
        ["Tomasz Ferenc", "Editor-in-Chief and Publisher, The Meridian Review", "Subscribe now"],
    )
    assert report["furniture"][4]["text"].splitlines()[-3:] == [
        "Mühlenweg 14",
        "78098 Triberg im Schwarzwald, Germany",
        "www.hartmann-sohn.example",
    ]


def test_the_text_report_lists_what_was_left_out_of_the_body(db):
    out, _ = run(PIECE)
    assert "Left out of the body (8):" in out
    assert (
        "  appeal, line 30 (signed appeal): “A message from our Editor-in-Chief” (+7 more line(s))"
        in out
    )
    assert "  comments, line 56 (comments area): “Comments” (+3 more line(s))" in out
    assert "  sponsor, line 52 (sponsor block): “Sponsored by Vesta Home” (+2 more line(s))" in out


@pytest.mark.parametrize(
    "line",
    [
        "There are 12 comments",
        "3 comments",
        "1 Comment",
        "No comments yet",
        "Comments (4)",
        "View all 27 comments",
        "Comments are closed.",
        "You must be a subscriber or log in to view or post comments",
        "To comment, you need to sign in.",
        "Only subscribers can post comments.",
        "Log in to comment",
        "Please log in or subscribe to comment.",
        "Leave a comment",
        "Sign in to join the conversation",
        "Be the first to comment",
    ],
)
def test_a_comments_widgets_line_is_furniture(line):
    parsed = parse_plain_text(f"{LONG}\n{line}\n{LONG}", headline="H")
    assert len(parsed.blocks) == 2
    assert [(item.kind, item.text) for item in parsed.furniture] == [("comments", line)]


@pytest.mark.parametrize(
    "line",
    [
        "No comment.",
        "The minister declined to comment.",
        "Three comments stood out.",
        "Comments from Brussels",
        "Comments",  # a bare heading, with no comments widget beside it
        "You must understand the stakes before you comment.",
        "Only subscribers can post comments on the ministry's page, a spokesman said.",
        "Subscribers to the state tariff pay less than anyone else in the region.",
        "Sponsored by the state",
        "Support for Ukraine",
        "Anna Kovács, Editor-in-Chief",  # a signature with no appeal before it is a byline
        "If you subscribe to the view that gas is only a commodity, the deal makes sense.",
    ],
)
def test_a_line_that_mentions_comments_subscribers_or_sponsors_in_the_news_sense_stays(line):
    parsed = parse_plain_text(f"{LONG}\n{line}\n{LONG}", headline="H")
    assert parsed.furniture == []
    assert len(parsed.blocks) == 3


@pytest.mark.parametrize(
    "appeal",
    [
        [
            "Dear readers,",
            "Independent reporting costs money. If you can, support our journalism with a "
            "monthly contribution: it keeps this site free for everyone.",
            "— Anna Kovács, Editor-in-Chief",
        ],
        ["Journalism like this needs readers like you. Please subscribe.", "Anna Kovács Editor"],
        [
            "We answer to no owner and no government, only to you. Become a subscriber and "
            "keep it that way.",
            "Thank you,",
            "Anna Kovács",
            "Founder and Publisher",
        ],
        ["If you value our journalism, please support us with a subscription.", "Subscribe now"],
    ],
)
def test_an_appeal_to_subscribe_signed_or_with_its_button_is_furniture(appeal):
    parsed = parse_plain_text("\n".join([LONG, *appeal, LONG]), headline="H")
    assert [block.text for block in parsed.blocks] == [LONG, LONG]
    assert [(item.kind, item.text) for item in parsed.furniture] == [("appeal", "\n".join(appeal))]


@pytest.mark.parametrize(
    ("block", "left_out"),
    [
        (["Advertisement", LONG], 1),  # an inline label: the analysis resumes
        (["Sponsored content", "Acme Rifles", "12 Mill Lane, Leeds LS1 4AB", "Tel. 0113 4960"], 4),
        (["ADVERTISEMENT", "Nordlicht Rail Pass", "Book now"], 3),
        (["Sponsored by Vesta Home", "Up to 40% off lamps this week only.", "Shop the sale"], 3),
        (["Paid content", "A short line of ad copy.", "The analysis resumes here", LONG], 2),
    ],
)  # fmt: skip
def test_a_sponsor_block_runs_from_its_label_to_the_end_of_its_ad_copy(block, left_out):
    parsed = parse_plain_text("\n".join([LONG, *block]), headline="H")
    assert [block.text for block in parsed.blocks] == [LONG, *block[left_out:]]
    assert [(item.kind, item.text) for item in parsed.furniture] == [
        ("sponsor", "\n".join(block[:left_out]))
    ]


def test_a_piece_that_is_all_furniture_has_no_body(db, tmp_path):
    file = piece_file(tmp_path, "Advertisement", "3 comments", "Log in to comment")
    with pytest.raises(CommandError, match="has no body"):
        run(file)


# Importing the same piece twice


def test_importing_the_same_file_again_is_refused_naming_the_existing_draft(db):
    run(PIECE)
    first = Article.objects.get()
    with pytest.raises(CommandError) as raised:
        run(PIECE, "--format", "json")
    message = str(raised.value)
    assert raised.value.returncode == 2
    assert "\n" not in message
    assert f"was imported already: draft {first.pk} “{first.headline}”" in message
    assert f"/admin/articles/article/{first.pk}/change/" in message
    assert "--allow-duplicate" in message
    assert Article.objects.count() == 1


def test_with_allow_duplicate_a_second_draft_is_created(db):
    run(PIECE)
    out, _ = run(PIECE, "--allow-duplicate", "--format", "json")
    assert (
        json.loads(out)["article"]["slug"]
        == "pipes-and-promises-slovakias-gas-bargain-with-moscow-2"
    )
    assert Article.objects.count() == 2


def test_the_same_headline_with_another_body_is_not_a_duplicate(db, tmp_path):
    run(piece_file(tmp_path, LONG))
    run(piece_file(tmp_path, LONG, "A new closing paragraph."))
    assert Article.objects.count() == 2


def test_the_same_body_under_another_headline_is_not_a_duplicate(db):
    run(PIECE)
    run(PIECE, "--headline", "Slovakia's gas bargain")
    assert Article.objects.count() == 2


def test_a_copy_past_the_draft_stage_is_named_as_such_when_the_import_is_refused(db):
    run(PIECE)
    Article.objects.update(status=Article.Status.IN_REVIEW)
    with pytest.raises(CommandError, match="imported already: in review article"):
        run(PIECE)
