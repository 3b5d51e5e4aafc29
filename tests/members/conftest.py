"""Stripe for the members tests: no request ever leaves the machine."""

import pytest
import requests

from tests.members.stripe_doubles import (
    PUBLISHABLE_KEY,
    SECRET_KEY,
    WEBHOOK_SECRET,
    RecordedStripe,
)


@pytest.fixture(autouse=True)
def stripe_api(monkeypatch):
    """Stripe's API, answered from recordings at the HTTP layer (requests' transport).

    Every request is recorded; one without a recording fails the test.
    """
    recorded = RecordedStripe()
    monkeypatch.setattr(
        requests.adapters.HTTPAdapter, "send", lambda adapter, request, **kw: recorded.send(request)
    )
    yield recorded
    assert not recorded.unexpected, f"unrecorded requests to Stripe: {recorded.unexpected}"


@pytest.fixture
def stripe_keys(settings):
    """Online payment switched on with test keys."""
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.SUBSCRIPTION_GRACE_DAYS = 7
