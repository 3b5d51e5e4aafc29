"""Moderators work the comments; editors moderate too (DESIGN §1, §6).

The Moderators group comes from articles/migrations/0003_newsroom_groups.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATION_PERMISSIONS = [
    "view_comment",
    "change_comment",
    "view_moderationqueue",
    "change_moderationqueue",
    "view_report",
    "change_report",
    "view_suspension",
    "add_suspension",
    "change_suspension",
    "view_heldphrase",
    "add_heldphrase",
    "change_heldphrase",
    "delete_heldphrase",
    "view_moderationaction",
]
GROUPS = ["Moderators", "Editors"]


def grant(apps, schema_editor):
    comments = apps.get_app_config("comments")
    comments.models_module = True
    create_permissions(comments, verbosity=0, apps=apps)
    comments.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="comments", codename__in=MODERATION_PERMISSIONS
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="comments", codename__in=MODERATION_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0003_newsroom_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
