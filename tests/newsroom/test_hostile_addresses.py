"""Every URL pattern of the project, read from the resolver, with hostile path segments in
place of its parameters (NUL, invalid UTF-8, traversal, overlong, markup, huge numbers), and
every page without parameters with a hostile query string: never an error page."""

import pytest

from tests.access_world import world_for_a_module
from tests.hostile import HOSTILE_PATH_SEGMENTS
from tests.routes import fill, parameters, url_patterns

pytestmark = pytest.mark.django_db

ROUTES = url_patterns()
WITH_PARAMETERS = [route for route in ROUTES if parameters(route)]
WITHOUT_PARAMETERS = [route for route in ROUTES if not parameters(route)]
HOSTILE_QUERY = (
    "?q=%00%FF%3Cscript%3E&page=%00&page=-1&section=..%2F..&kind=%27--&period=%ED%A0%80"
    "&from=9999-99-99&to=%FF&next=javascript:alert(1)&o=%00&p=99999999999999999999"
    "&_changelist_filters=%FF&e=1&all=&state=%3Cb%3E&ids=1-2-x"
)


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    """Something behind each pattern, so a well-formed address would find it."""
    with world_for_a_module(django_db_blocker) as (people, world):
        yield people


def answers(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code < 500, url
    return response.status_code


@pytest.mark.parametrize("route", WITH_PARAMETERS)
def test_hostile_path_segments_never_cause_an_error(route, client, newsroom):
    # The newsroom as an editor, who gets furthest into it; public pages as a subscriber,
    # who sees the discussion, and anonymously, which is the cached page.
    visitors = (
        [newsroom["editor"]] if route.startswith("admin/") else [None, newsroom["subscriber"]]
    )
    for visitor in visitors:
        client.logout()
        if visitor is not None:
            client.force_login(visitor)
        for segment in HOSTILE_PATH_SEGMENTS:
            answers(client, fill(route, segment))
        # Every parameter at once, and the same with a trailing dot-segment.
        answers(client, fill(route, lambda name: "%2e%2e%2F%00" + name))


@pytest.mark.parametrize("route", WITHOUT_PARAMETERS)
def test_hostile_query_strings_never_cause_an_error(route, client, newsroom):
    url = fill(route, "")
    visitors = [newsroom["editor"]] if route.startswith("admin/") else [None, newsroom["editor"]]
    for visitor in visitors:
        client.logout()
        if visitor is not None:
            client.force_login(visitor)
        answers(client, url + HOSTILE_QUERY)
        answers(client, url + "?" + "x" * 8_000)


@pytest.mark.parametrize(
    "url",
    [
        "/%00",
        "/%FF%FE/",
        "/articles/%C0%AE%C0%AE/",
        "/../../etc/passwd",
        "/media/..%2f..%2fsettings.py",
        "/media/%00.jpg",
        "/static/..%2f..%2fnewsroom%2fsettings.py",
        "/" + "a/" * 2_000,
    ],
)
def test_addresses_outside_every_pattern_answer_not_found(url, client):
    assert answers(client, url) in (301, 302, 400, 404)


@pytest.mark.parametrize("term", ["a\x00b", "\x00"])
def test_admin_autocomplete_refuses_a_nul_byte_in_the_search_term(term, client, editor):
    client.force_login(editor)
    query = {"app_label": "articles", "model_name": "article", "field_name": "section"}

    response = client.get("/admin/autocomplete/", {**query, "term": term})

    assert response.status_code == 400
