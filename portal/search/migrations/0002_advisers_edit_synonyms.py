"""Advisers keep the synonym groups (the permissions are given here, not by
hand), starting with the two groups the OAOV guidance needs most."""

from django.db import migrations

ACTIONS = ["add", "change", "delete", "view"]
FIRST_GROUPS = [
    "rel\nrellen\nongeregeldheden\nonrust",
    "noodbevel\nnoodverordening",
]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given them on a fresh database.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="portal_search", model="synonymgroup"
    )
    for action in ACTIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_synonymgroup",
            defaults={"name": f"Can {action} synonym group"},
        )
        yield permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    SynonymGroup = apps.get_model("portal_search", "SynonymGroup")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(*permissions)
    if not SynonymGroup.objects.exists():
        SynonymGroup.objects.bulk_create(
            [SynonymGroup(words=words) for words in FIRST_GROUPS]
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="portal_search",
        codename__in=[f"{action}_synonymgroup" for action in ACTIONS],
    )
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_synonym_groups"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
