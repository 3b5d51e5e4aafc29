"""The roles' groups hold what newsroom/roles.py declares, and migrating puts it back."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from newsroom.roles import ROLES
from web.roles import apply_roles

pytestmark = pytest.mark.django_db


def held(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_each_role_holds_what_it_declares_and_no_more():
    for name in ROLES:
        everything_of = {entry.partition(".")[0] for entry in ROLES[name] if entry.endswith(".*")}
        named = {entry for entry in ROLES[name] if not entry.endswith(".*")}
        assert {p for p in held(name) if p.partition(".")[0] not in everything_of} == named


def test_only_editors_may_publish():
    assert "articles.publish_article" in held("Editors")
    assert "articles.publish_article" not in held("Writers")
    assert "articles.publish_article" not in held("Moderators")


def test_a_permission_changed_by_hand_is_put_back_by_the_next_migrate():
    editors = Group.objects.get(name="Editors")
    writers = Group.objects.get(name="Writers")
    editors.permissions.remove(Permission.objects.get(codename="publish_article"))
    writers.permissions.add(Permission.objects.get(codename="publish_article"))

    call_command("migrate", verbosity=0)

    assert "articles.publish_article" in held("Editors")
    assert "articles.publish_article" not in held("Writers")


def test_a_declared_permission_that_does_not_exist_is_named_and_nothing_changes():
    before = held("Writers")

    with pytest.raises(LookupError, match="articles.sign_article"):
        apply_roles({"Writers": ["articles.view_article", "articles.sign_article"]})

    assert held("Writers") == before
