"""Create the newsroom's groups (DESIGN §6) and give each the permissions of its role."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITER_PERMISSIONS = [
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "view_article"),
    ("articles", "add_articleauthor"),
    ("articles", "change_articleauthor"),
    ("articles", "delete_articleauthor"),
    ("articles", "view_articleauthor"),
    ("articles", "view_section"),
    ("articles", "view_authorprofile"),
    ("actors", "view_actor"),
    ("actors", "add_articleactor"),
    ("actors", "change_articleactor"),
    ("actors", "delete_articleactor"),
    ("actors", "view_articleactor"),
    ("sources", "view_source"),
    ("sources", "add_citation"),
    ("sources", "change_citation"),
    ("sources", "delete_citation"),
    ("sources", "view_citation"),
    ("taggit", "add_tag"),
    ("taggit", "view_tag"),
    ("taggit", "add_taggeditem"),
    ("taggit", "change_taggeditem"),
    ("taggit", "delete_taggeditem"),
    ("taggit", "view_taggeditem"),
]

# Editors do everything with content.
EDITOR_APPS = ["articles", "actors", "sources", "taggit"]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    writers, _ = Group.objects.get_or_create(name="Writers")
    for app_label, codename in WRITER_PERMISSIONS:
        writers.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)
    )

    # Moderators work the comments only; the comments app grants their permissions.
    Group.objects.get_or_create(name="Moderators")


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Writers", "Editors", "Moderators"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_article_relations"),
        ("actors", "0002_article_links"),
        ("sources", "0002_citation"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
