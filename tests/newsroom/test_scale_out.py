"""Several app servers: reads from a replica, except for a client that has just written."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from web import db_router
from web.db_router import PIN_COOKIE, PinAfterWriteMiddleware, PrimaryReplicaRouter


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)


def run(request, view):
    return PinAfterWriteMiddleware(view)(request)


def test_a_reading_request_reads_from_the_replica(with_replica):
    seen = []
    run(
        RequestFactory().get("/"),
        lambda r: seen.append(PrimaryReplicaRouter().db_for_read(None)) or HttpResponse(),
    )
    assert seen == ["replica"]


def test_after_a_write_the_same_request_reads_from_the_primary(with_replica):
    router = PrimaryReplicaRouter()
    seen = []

    def view(request):
        seen.append(router.db_for_read(None))
        router.db_for_write(None)
        seen.append(router.db_for_read(None))
        return HttpResponse()

    run(RequestFactory().get("/"), view)
    assert seen == ["replica", "default"]


def test_a_client_that_wrote_stays_on_the_primary_for_a_while(with_replica):
    response = run(RequestFactory().post("/comments/"), lambda r: HttpResponse())
    assert response.cookies[PIN_COOKIE]["max-age"] == 10
    follow_up = RequestFactory().get("/articles/x/")
    follow_up.COOKIES[PIN_COOKIE] = "1"
    seen = []
    run(
        follow_up, lambda r: seen.append(PrimaryReplicaRouter().db_for_read(None)) or HttpResponse()
    )
    assert seen == ["default"]


def test_without_a_replica_everything_uses_the_primary():
    seen = []
    run(
        RequestFactory().get("/"),
        lambda r: seen.append(PrimaryReplicaRouter().db_for_read(None)) or HttpResponse(),
    )
    assert seen == ["default"]


def test_reading_pages_never_get_the_pin_cookie(with_replica):
    response = run(RequestFactory().get("/"), lambda r: HttpResponse())
    assert PIN_COOKIE not in response.cookies
