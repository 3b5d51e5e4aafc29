"""``import_article`` turns a piece copied as plain text into a draft, links the actors and
the credit, reports attributions and the publish checks, and refuses files it cannot read."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, ArticleActor, Citation
from articles.plaintext import parse_plain_text
from tests.factories import AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROOT = Path(__file__).resolve().parents[2]
HEADLINE = "Quiet channels: the private diplomacy of two premiers"


@pytest.fixture
def newsroom(db):
    for command, file in [("import_sources", "sources.csv"), ("import_actors", "actors.csv")]:
        call_command(command, str(FIXTURES / file), stdout=io.StringIO())


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_article", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failure(*args) -> CommandError:
    with pytest.raises(CommandError) as raised:
        run(*args)
    return raised.value


def test_json_output_is_exactly_the_report_object(newsroom):
    out, _ = run(FIXTURES / "quiet_channels.txt", "--headline", HEADLINE, "--format", "json")
    report = json.loads(out)
    article = Article.objects.get()
    assert list(report) == [
        "article",
        "headings",
        "actors",
        "sources",
        "checks",
        "caption_found",
        "credit_found",
        "furniture",
    ]
    assert (report["caption_found"], report["credit_found"], report["furniture"]) == (
        True,
        True,
        [],
    )
    assert report["article"] == {
        "id": article.pk,
        "slug": "quiet-channels-the-private-diplomacy-of-two-premiers",
        "headline": HEADLINE,
        "admin_url": f"/admin/articles/article/{article.pk}/change/",
        "status": "draft",
    }
    assert report["headings"] == [
        "The old art of the quiet channel",
        "Two leaders who keep their own lines",
        "The old art of the quiet channel",
        "Two leaders who keep their own lines",
        "A summer of visits",
        "Fico and the gas question",
        "What Europe makes of it",
        "Summing up",
    ]
    assert report["sources"] == [
        {"name": "BBC News", "slug": "bbc-news", "role": "credit"},
        {"name": "Reuters", "slug": "reuters", "role": "attribution"},
        {"name": "Associated Press", "slug": "associated-press", "role": "attribution"},
    ]
    assert [(c["code"], c["severity"]) for c in report["checks"]] == [
        ("repeated_blocks", "blocking"),
        ("uncited_attribution", "blocking"),
        ("uncited_attribution", "blocking"),
        ("missing_byline", "blocking"),
        ("missing_section", "blocking"),
        ("missing_dek", "warning"),
    ]
    assert "Reuters" in report["checks"][1]["message"]
    assert "Associated Press" in report["checks"][2]["message"]


def test_every_actor_named_is_reported_and_linked_the_shared_surname_marked(newsroom):
    out, _ = run(FIXTURES / "quiet_channels.txt", "--headline", HEADLINE, "--format", "json")
    actors = {actor["name"]: actor for actor in json.loads(out)["actors"]}
    assert set(actors["Viktor Orbán"]) == {"name", "slug", "kind", "mentions", "ambiguous"}
    assert actors["Viktor Orbán"] == {
        "name": "Viktor Orbán",
        "slug": "viktor-orban",
        "kind": "person",
        "mentions": 14,
        "ambiguous": False,
    }
    assert {name: a["mentions"] for name, a in actors.items() if a["ambiguous"]} == {
        "John F. Kennedy": 2,
        "Robert F. Kennedy": 8,
    }
    assert len(actors) == 19
    assert not {"Xi Jinping", "Mark Rutte", "United Nations", "World Health Organization"} & set(
        actors
    )
    links = ArticleActor.objects.filter(article=Article.objects.get())
    assert links.count() == 19
    assert set(links.values_list("found_automatically", "role")) == {(True, "mentioned")}
    assert links.get(actor__name="Anatoly Dobrynin").mentions == 9


def test_the_piece_is_a_draft_with_its_caption_and_linked_credit_and_no_citations(newsroom):
    run(FIXTURES / "quiet_channels.txt", "--headline", HEADLINE)
    article = Article.objects.get()
    assert (article.status, article.publish_at, article.is_public()) == ("draft", None, False)
    assert article.lead_image_caption == (
        "Viktor Orbán and Robert Fico pose for photographers before their talks in Bratislava"
    )
    assert (article.lead_image_credit_source.name, article.lead_image_credit_text) == (
        "BBC News",
        "",
    )
    assert article.body.count("<h2>") == 8
    assert article.body.count("<p>") == 32
    assert not Citation.objects.exists()


def test_the_text_report_says_what_was_made_and_found(newsroom):
    out, err = run(FIXTURES / "quiet_channels.txt", "--headline", HEADLINE)
    assert err == ""
    assert f"Created draft {Article.objects.get().pk}: “{HEADLINE}”" in out
    assert "Lead image: caption “Viktor Orbán and Robert Fico pose" in out
    assert "credit BBC News (linked to the source)" in out
    assert "Actors linked (19): Viktor Orbán ×14, Robert Fico ×12" in out
    assert "“Kennedy” ×3 could mean John F. Kennedy or Robert F. Kennedy: linked to neither." in out
    assert "Attributed to Reuters, not cited" in out
    assert "Checks: 6 finding(s), 5 blocking." in out
    assert "no byline" in out and "no section" in out


def test_section_and_author_are_optional_and_found_by_name_or_slug(newsroom):
    section = SectionFactory(name="Diplomacy")
    author = AuthorFactory(byline="Tomasz Ferenc")
    run(FIXTURES / "quiet_channels.txt", "--section", "diplomacy", "--author", "Tomasz Ferenc")
    article = Article.objects.get()
    assert article.section == section
    assert list(article.authors.all()) == [author]
    # Signed and placed, the draft is no longer held back for want of either.
    report = json.loads(
        run(
            FIXTURES / "quiet_channels.txt",
            "--allow-duplicate",
            "--format",
            "json",
            "--section",
            "diplomacy",
            "--author",
            "Tomasz Ferenc",
        )[0]
    )
    codes = {check["code"] for check in report["checks"]}
    assert not codes & {"missing_byline", "missing_section"}


def test_an_unknown_section_or_author_creates_nothing(newsroom):
    error = failure(FIXTURES / "quiet_channels.txt", "--section", "Nowhere")
    assert error.returncode == 2
    assert "No section is called “Nowhere”" in str(error)
    assert not Article.objects.exists()


def test_without_a_headline_the_file_name_serves_and_json_stays_alone_on_stdout(newsroom, tmp_path):
    file = tmp_path / "budapest-and-bratislava.txt"
    file.write_text("According to Reuters, the talks failed.\nFico left early.\n")
    out, err = run(file, "--format", "json")
    assert json.loads(out)["article"]["headline"] == "Budapest and bratislava"
    assert "No headline given" in err


def test_a_first_line_that_reads_like_a_headline_is_the_headline(db, tmp_path):
    file = tmp_path / "piece.txt"
    file.write_text("A headline without a full stop\nPhoto: Jane Doe\nThe body, at last.\n")
    run(file)
    article = Article.objects.get()
    assert article.headline == "A headline without a full stop"
    assert (article.lead_image_caption, article.lead_image_credit_text) == ("", "Jane Doe")
    assert article.body == "<p>The body, at last.</p>"


def test_it_works_on_a_database_that_holds_nothing_else(db):
    out, _ = run(FIXTURES / "quiet_channels.txt", "--format", "json")
    report = json.loads(out)
    assert report["actors"] == []
    assert report["sources"] == []
    assert Article.objects.get().lead_image_credit_text == "BBC"


def test_headings_follow_the_rule_of_twelve_words_and_no_closing_punctuation():
    text = "\n".join(
        [
            "Title line",
            "What the summit decided",
            "What the summit decided, in brief.",
            "One two three four five six seven eight nine ten eleven twelve",
            "One two three four five six seven eight nine ten eleven twelve thirteen",
            "A quoted line ends in a quote”",
            "Was it worth it?",
            "- first point",
            "- second point",
        ]
    )
    parsed = parse_plain_text(text)
    assert parsed.headline == "Title line"
    assert [(b.kind, b.text or b.items) for b in parsed.blocks] == [
        ("heading", "What the summit decided"),
        ("paragraph", "What the summit decided, in brief."),
        ("heading", "One two three four five six seven eight nine ten eleven twelve"),
        ("paragraph", "One two three four five six seven eight nine ten eleven twelve thirteen"),
        ("paragraph", "A quoted line ends in a quote”"),
        ("paragraph", "Was it worth it?"),
        ("list", ("first point", "second point")),
    ]


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Leaders meet in Bratislava. Image Credit: BBC", "Leaders meet in Bratislava", "BBC"),
        (
            "Leaders meet in Bratislava – Photo: Jane Doe/AP",
            "Leaders meet in Bratislava",
            "Jane Doe/AP",
        ),
        ("Credit: Reuters", "", "Reuters"),
    ],
)
def test_the_first_line_ending_in_a_credit_is_the_caption_and_credit(line, caption, credit):
    parsed = parse_plain_text(f"{line}\nThe body.", headline="H")
    assert (parsed.caption, parsed.credit) == (caption, credit)
    assert [b.text for b in parsed.blocks] == ["The body."]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty."),
        (b"   \n\n\t\n", "is empty."),
        (b"... --- ...\n\xe2\x80\xa6\n", "holds no text."),
        (b"Caf\xe9 society\n", "line 1: not UTF-8 text (byte 4)"),
        (b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "is a binary file, not text."),
        (b"Just a headline\n", "has no body"),
    ],
)
def test_a_file_it_cannot_read_gets_one_line_status_2_and_nothing_created(
    tmp_path, content, message
):
    file = tmp_path / "piece.txt"
    file.write_bytes(content)
    error = failure(file, "--format", "json")
    assert error.returncode == 2
    assert message in str(error)
    assert "\n" not in str(error)
    assert not Article.objects.exists()


def test_from_the_shell_a_bad_file_prints_one_line_and_exits_2_without_a_traceback(tmp_path):
    file = tmp_path / "picture.txt"
    file.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_article", str(file), "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"CommandError: {file} is a binary file, not text."
    ]
