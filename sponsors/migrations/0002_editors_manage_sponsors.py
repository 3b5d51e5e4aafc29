"""Editors manage sponsors and placements and read their reports (DESIGN §6); writers and
moderators do not see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "view_sponsor",
    "add_sponsor",
    "change_sponsor",
    "delete_sponsor",
    "view_placement",
    "add_placement",
    "change_placement",
    "delete_placement",
    "view_placementday",
]


def grant(apps, schema_editor):
    sponsors = apps.get_app_config("sponsors")
    sponsors.models_module = True
    create_permissions(sponsors, verbosity=0, apps=apps)
    sponsors.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="sponsors", codename__in=EDITOR_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="sponsors", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("sponsors", "0001_sponsors_and_placements"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
