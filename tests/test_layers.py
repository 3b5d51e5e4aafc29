"""The project's layers (DESIGN §3): an app imports only from the layers below it.

Top to bottom: the project and its demo and benchmark content; comments, sponsors and
members; articles; actors and sources; the web infrastructure package, which imports no
app. Apps of one layer may import each other, never in a cycle. Migrations are history
and are left out.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LAYERS = [
    {"newsroom", "demo", "bench"},
    {"comments", "sponsors", "members", "newsletters"},
    {"articles"},
    {"actors", "sources"},
    {"web"},
]
LAYER_OF = {package: depth for depth, layer in enumerate(LAYERS) for package in layer}


def imported_packages(package: str) -> dict[str, set[str]]:
    """Each of our packages that ``package`` imports, with the files that import it."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top in LAYER_OF and top != package:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


GRAPH = {package: imported_packages(package) for package in LAYER_OF}


def test_every_package_of_the_project_has_a_layer():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "node_modules"}
    }
    assert packages == set(LAYER_OF)


@pytest.mark.parametrize("package", sorted(LAYER_OF))
def test_a_package_imports_nothing_from_a_layer_above_it(package):
    upward = {
        other: sorted(files)
        for other, files in GRAPH[package].items()
        if LAYER_OF[other] < LAYER_OF[package]
    }
    assert upward == {}


def test_no_packages_import_each_other_in_a_cycle():
    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for other in GRAPH[start]:
            if other == target:
                return True
            if other not in seen:
                seen.add(other)
                if reaches(other, target, seen):
                    return True
        return False

    cycles = sorted(package for package in GRAPH if reaches(package, package, set()))
    assert cycles == []
