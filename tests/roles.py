"""The people of the access matrix, one per role, shared by every test that asks who sees what.

``ROLES`` is the order the matrix reads in; ``make_people()`` creates one member per role
(anonymous is ``None``). The fixtures ``people`` and ``client_as`` in ``tests/conftest.py``
are built on them.
"""

import datetime

from django.utils import timezone

from tests.factories import MemberFactory, StaffFactory, SubscriptionFactory

ROLES = [
    "anonymous",
    "reader",
    "lapsed",
    "subscriber",
    "suspended",
    "moderator",
    "editor",
    "writer",
]

# Readers of the public site, with or without a subscription, and the newsroom's staff.
MEMBERS = ["reader", "lapsed", "subscriber", "suspended"]
STAFF = ["moderator", "editor", "writer"]


def subscribed(email: str, **member):
    person = MemberFactory(email=email, **member)
    SubscriptionFactory(member=person)
    return person


def make_people() -> dict:
    """One member per role: a reader who never subscribed, one whose subscription ended, a
    subscriber, a subscriber suspended from commenting, and the three newsroom groups."""
    from comments.models import Suspension

    now = timezone.now()
    lapsed = MemberFactory(email="lapsed@test.example", display_name="Jonas")
    SubscriptionFactory(
        member=lapsed,
        status="expired",
        starts_at=now - datetime.timedelta(days=60),
        ends_at=now - datetime.timedelta(days=1),
    )
    suspended = subscribed("suspended@test.example", display_name="Declan")
    Suspension.objects.create(
        member=suspended, until=now + datetime.timedelta(days=3), reason="Name-calling."
    )
    return {
        "anonymous": None,
        "reader": MemberFactory(email="reader@test.example", display_name="Daniel"),
        "lapsed": lapsed,
        "subscriber": subscribed("subscriber@test.example", display_name="Priya"),
        "suspended": suspended,
        "moderator": StaffFactory(email="moderator@test.example", group="Moderators"),
        "editor": StaffFactory(email="editor@test.example", group="Editors"),
        "writer": StaffFactory(email="writer@test.example", group="Writers"),
    }
