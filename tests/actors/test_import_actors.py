"""``import_actors`` creates and updates actors from a CSV file, matching by Wikidata id and
then by name, and refuses a bad file whole, saying where and why."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actors.mention_index import current_index
from actors.mentions import find_mentions
from actors.models import Actor, ActorAlias
from tests.factories import ActorAliasFactory, ActorFactory
from web.progress import progress

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_actors", *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    return out.getvalue()


def failure(*args) -> tuple[CommandError, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_actors", *[str(a) for a in args], stdout=io.StringIO(), stderr=err)
    return raised.value, err.getvalue()


def csv_file(tmp_path, text: str) -> Path:
    file = tmp_path / "actors.csv"
    file.write_text("name,kind,title,country,aliases,wikidata_id\n" + text)
    return file


def aliases(actor: Actor) -> set[str]:
    return set(actor.aliases.values_list("name", flat=True))


def test_actors_are_created_with_kinds_aliases_and_wikidata_ids():
    out = run(FIXTURES / "actors.csv")
    assert Actor.objects.count() == 23
    orban = Actor.objects.get(wikidata_id="Q57641")
    assert (orban.name, orban.kind, orban.title, orban.country) == (
        "Viktor Orbán",
        "person",
        "Prime Minister of Hungary",
        "Hungary",
    )
    assert aliases(orban) == {"Orbán", "Hungarian Prime Minister"}
    kinds = dict(Actor.objects.values_list("name", "kind"))
    assert kinds["NATO"] == "organisation"  # written "organization"
    assert kinds["Soviet Union"] == "state"  # written "State"
    assert Actor.objects.get(name="Soviet Union").wikidata_id == "Q15180"  # written "q15180"
    assert Actor.objects.get(name="Robert Fico").wikidata_id == ""
    assert "created: Viktor Orbán" in out
    assert out.strip().endswith("Created 23 actors, updated 0; 0 unchanged.")


def test_a_second_run_duplicates_nothing():
    run(FIXTURES / "actors.csv")
    counts = Actor.objects.count(), ActorAlias.objects.count()
    out = run(FIXTURES / "actors.csv")
    assert (Actor.objects.count(), ActorAlias.objects.count()) == counts
    assert out.strip() == "Created 0 actors, updated 0; 23 unchanged."


def test_an_actor_is_matched_by_wikidata_id_before_its_name(tmp_path):
    orban = ActorFactory(name="Orban Viktor", wikidata_id="Q57641", title="PM")
    namesake = ActorFactory(name="Viktor Orbán", title="A namesake")
    out = run(csv_file(tmp_path, "Viktor Orbán,,Prime Minister of Hungary,,Orbán,Q57641\n"))
    orban.refresh_from_db()
    namesake.refresh_from_db()
    assert (orban.name, orban.title) == ("Viktor Orbán", "Prime Minister of Hungary")
    assert namesake.title == "A namesake"
    assert aliases(orban) == {"Orbán"}
    assert "updated: Viktor Orbán (name, title, 1 new alias)" in out


def test_then_by_name_whatever_its_case_and_empty_cells_keep_what_is_stored(tmp_path):
    fico = ActorFactory(name="Robert Fico", title="Prime Minister of Slovakia", country="Slovakia")
    ActorAliasFactory(actor=fico, name="Fico")
    run(csv_file(tmp_path, "robert fico,,,,Slovak PM,\n"))
    fico.refresh_from_db()
    assert (fico.name, fico.title, fico.country) == (
        "robert fico",
        "Prime Minister of Slovakia",
        "Slovakia",
    )
    assert aliases(fico) == {"Fico", "Slovak PM"}
    assert Actor.objects.count() == 1


def test_a_namesake_with_another_wikidata_id_is_a_different_actor(tmp_path):
    ActorFactory(name="John Smith", wikidata_id="Q1000")
    run(csv_file(tmp_path, "John Smith,person,Diplomat,,,Q2000\n"))
    assert sorted(Actor.objects.values_list("wikidata_id", flat=True)) == ["Q1000", "Q2000"]


def test_an_ambiguous_name_without_a_wikidata_id_is_refused(tmp_path):
    ActorFactory(name="John Smith")
    ActorFactory(name="John Smith")
    error, stderr = failure(csv_file(tmp_path, "John Smith,person,Diplomat,,,\n"))
    assert stderr.strip() == (
        "line 2: 2 actors are named “John Smith”; add the Wikidata id of the one meant."
    )


def test_a_dry_run_reports_and_saves_nothing():
    out = run(FIXTURES / "actors.csv", "--dry-run")
    assert Actor.objects.count() == 0
    assert "would create: Robert F. Kennedy" in out
    assert "Dry run, nothing saved: would create 23 actors and update 0" in out


def test_a_bad_file_is_refused_whole_with_each_line_and_reason():
    error, stderr = failure(FIXTURES / "actors_with_faults.csv")
    assert error.returncode == 2
    assert stderr.splitlines() == [
        "line 3: the kind of the new actor “Nobody In Particular” is empty.",
        "line 4: unknown kind “planet”; use person, state, organisation or group.",
        "line 5: “57606” is not a Wikidata id (a Q followed by digits).",
        "line 6: Wikidata id Q57641 is already on line 2.",
    ]
    assert Actor.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"  \n\n", "is empty."),
        (b"name,kind\nOrb\xe1n,person\n", "line 2: not UTF-8 text"),
        (b"\x00\x01\x02binary", "is a binary file, not text."),
    ],
)
def test_an_unreadable_file_gets_one_line_and_status_2(tmp_path, content, message):
    file = tmp_path / "actors.csv"
    file.write_bytes(content)
    error, _ = failure(file)
    assert (error.returncode, "\n" in str(error)) == (2, False)
    assert message in str(error)


def test_imported_names_are_found_in_text_at_once():
    current_index()
    run(FIXTURES / "actors.csv")
    result = find_mentions("Fico met Orbán in Bratislava.", current_index())
    assert [m.actor.name for m in result.actors] == ["Robert Fico", "Viktor Orbán", "Slovakia"]


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_long_runs_draw_a_progress_bar_on_a_terminal_only():
    terminal, log = Terminal(), io.StringIO()
    assert list(progress(range(300), 300, "Importing actors", terminal)) == list(range(300))
    assert list(progress(range(300), 300, "Importing actors", log)) == list(range(300))
    assert terminal.getvalue().endswith("\rImporting actors [" + "#" * 30 + "] 300/300\n")
    assert log.getvalue() == ""
    short = Terminal()
    list(progress(range(5), 5, "Importing actors", short))
    assert short.getvalue() == ""
