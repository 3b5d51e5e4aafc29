"""Editors grant and end complimentary subscriptions and keep the plans (DESIGN §6).

Editors and Moderators may also look members up (the admin's member search), which the
subscription and moderation forms need.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "view_member",
    "view_plan",
    "add_plan",
    "change_plan",
    "view_subscription",
    "add_subscription",
    "change_subscription",
]
MODERATOR_PERMISSIONS = ["view_member"]


def grant(apps, schema_editor):
    members = apps.get_app_config("members")
    members.models_module = True
    create_permissions(members, verbosity=0, apps=apps)
    members.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(codenames):
        return Permission.objects.filter(content_type__app_label="members", codename__in=codenames)

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions(EDITOR_PERMISSIONS))
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*permissions(MODERATOR_PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Editors", EDITOR_PERMISSIONS), ("Moderators", MODERATOR_PERMISSIONS)]:
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="members", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_plans_and_subscriptions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
