"""Editors, who do everything with content, get the permissions of the models that came with
the publish checks: source aliases, dismissed actor suggestions and publish overrides.
Overrides are only ever recorded by the publishing code; editors may read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("sources", "add_sourcealias"),
    ("sources", "change_sourcealias"),
    ("sources", "delete_sourcealias"),
    ("sources", "view_sourcealias"),
    ("actors", "add_dismissedactor"),
    ("actors", "change_dismissedactor"),
    ("actors", "delete_dismissedactor"),
    ("actors", "view_dismissedactor"),
    ("articles", "view_publishoverride"),
]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for app_label, codename in EDITOR_PERMISSIONS:
        editors.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for app_label, codename in EDITOR_PERMISSIONS:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_publish_overrides"),
        ("actors", "0003_mention_counts_and_dismissals"),
        ("sources", "0003_source_aliases"),
        ("articles", "0003_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
