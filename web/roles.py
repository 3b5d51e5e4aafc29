"""Roles as groups whose permissions are declared in code and applied after every migrate.

A declaration maps a group's name to permissions written ``"app_label.codename"``, or
``"app_label.*"`` for every permission of an app. ``apply_roles`` makes each group hold
exactly what its declaration names: a permission added or removed by hand in the admin is
put back the next time the project migrates. Give one person more through their own
permissions, not through a role's group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db.models import Q

Declaration = Mapping[str, Iterable[str]]


def model_permissions(app_label: str, *models: str, actions=("add", "change", "delete", "view")):
    """``"app.add_model"``, ``"app.change_model"``, … for each model named (lower case)."""
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


def apply_roles(roles: Declaration, apps=installed_apps, using: str = "default") -> None:
    """Give each role's group exactly the permissions its declaration names, creating the
    groups, and any permission not made yet, first. A declared permission that does not
    exist is an error in the declaration: it is named, and nothing is changed."""
    for app_config in apps.get_app_configs():
        # Migration states have no models module; these two functions look for one.
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True
        create_contenttypes(app_config, verbosity=0, using=using, apps=apps)
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        app_config.models_module = had_models

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    resolved = {name: _resolve(Permission, using, declared) for name, declared in roles.items()}
    for name, permissions in resolved.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(permissions)


def _resolve(Permission, using: str, declared: Iterable[str]) -> list:
    wanted = Q(pk__in=[])
    named: set[tuple[str, str]] = set()
    for entry in declared:
        app_label, _, codename = entry.partition(".")
        if codename == "*":
            wanted |= Q(content_type__app_label=app_label)
        else:
            wanted |= Q(content_type__app_label=app_label, codename=codename)
            named.add((app_label, codename))
    permissions = list(Permission.objects.using(using).filter(wanted))
    found = {(p.content_type.app_label, p.codename) for p in permissions}
    if missing := sorted(named - found):
        names = ", ".join(f"{app}.{codename}" for app, codename in missing)
        raise LookupError(f"Roles name permissions that do not exist: {names}.")
    return permissions
