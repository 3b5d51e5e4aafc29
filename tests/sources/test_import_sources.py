"""``import_sources`` creates and updates sources from a CSV file, and refuses a bad file
whole, saying where and why."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sources.models import Source, SourceAlias
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_sources", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failure(*args) -> tuple[CommandError, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_sources", *[str(a) for a in args], stdout=io.StringIO(), stderr=err)
    return raised.value, err.getvalue()


def aliases(name: str) -> set[str]:
    return set(SourceAlias.objects.filter(source__name=name).values_list("name", flat=True))


def test_sources_are_created_with_kinds_written_as_labels_or_codes_and_their_aliases():
    out, _ = run(FIXTURES / "sources.csv")
    kinds = dict(Source.objects.values_list("name", "kind"))
    assert kinds == {
        "Reuters": "news_agency",
        "Associated Press": "news_agency",
        "Agence France-Presse": "news_agency",
        "BBC News": "broadcaster",
        "Financial Times": "newspaper",
        "Office of the Historian, U.S. Department of State": "government",
    }
    assert aliases("Associated Press") == {"AP", "the AP"}
    assert aliases("BBC News") == {"BBC", "the BBC"}
    assert Source.objects.get(name="Financial Times").url == "https://www.ft.com"
    assert "created: Reuters" in out
    assert out.strip().endswith("Created 6 sources, updated 0; 0 unchanged.")


def test_a_second_run_duplicates_nothing():
    run(FIXTURES / "sources.csv")
    counts = Source.objects.count(), SourceAlias.objects.count()
    out, _ = run(FIXTURES / "sources.csv")
    assert (Source.objects.count(), SourceAlias.objects.count()) == counts
    assert out.strip() == "Created 0 sources, updated 0; 6 unchanged."


def test_an_existing_source_is_matched_by_name_and_updated_keeping_its_aliases(tmp_path):
    reuters = SourceFactory(name="REUTERS", kind="newspaper", url="https://old.example/")
    SourceAlias.objects.create(source=reuters, name="Thomson Reuters")
    file = tmp_path / "one.csv"
    file.write_text(
        "name,kind,url,aliases\nReuters,news agency,https://www.reuters.com/,Reuters wire\n"
    )
    out, _ = run(file)
    reuters.refresh_from_db()
    assert (reuters.name, reuters.kind, reuters.url) == (
        "Reuters",
        "news_agency",
        "https://www.reuters.com/",
    )
    assert aliases("Reuters") == {"Thomson Reuters", "Reuters wire"}
    assert Source.objects.count() == 1
    assert "updated: Reuters (name, kind, url, 1 new alias)" in out


def test_a_file_without_a_header_row_is_read_in_the_documented_order(tmp_path):
    file = tmp_path / "bare.csv"
    file.write_text("Deutsche Welle,broadcaster,https://www.dw.com/,DW\n")
    run(file)
    assert Source.objects.get(name="Deutsche Welle").kind == "broadcaster"
    assert aliases("Deutsche Welle") == {"DW"}


def test_a_dry_run_reports_and_saves_nothing():
    out, _ = run(FIXTURES / "sources.csv", "--dry-run")
    assert Source.objects.count() == 0
    assert "would create: BBC News" in out
    assert "Dry run, nothing saved: would create 6 sources and update 0; 0 unchanged." in out


def test_a_bad_file_is_refused_whole_with_each_line_and_reason():
    error, stderr = failure(FIXTURES / "sources_with_faults.csv")
    assert error.returncode == 2
    assert stderr.splitlines() == [
        "line 3: the name is empty.",
        "line 4: unknown kind “spaceship”; use one of “news agency”, “newspaper”, "
        "“broadcaster”, “government body”, “think tank”, “document”, “social account”.",
        "line 5: “not a web address” is not a web address.",
        "line 6: “Reuters” is already on line 2.",
    ]
    assert "nothing was saved" in str(error)
    assert Source.objects.count() == 0


def test_a_new_source_needs_a_kind(tmp_path):
    file = tmp_path / "kindless.csv"
    file.write_text("name,kind\nThe Kyiv Independent,\n")
    error, stderr = failure(file)
    assert stderr.strip() == "line 2: the kind of the new source “The Kyiv Independent” is empty."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty."),
        (b"name,kind\n\xe9cole,newspaper\n", "line 2: not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file, not text."),
        (b"name,colour\nReuters,blue\n", "line 1: unknown column “colour”"),
    ],
)
def test_an_unreadable_file_gets_one_line_and_status_2(tmp_path, content, message):
    file = tmp_path / "sources.csv"
    file.write_bytes(content)
    error, _ = failure(file)
    assert error.returncode == 2
    assert message in str(error)
    assert "\n" not in str(error)
    assert Source.objects.count() == 0
