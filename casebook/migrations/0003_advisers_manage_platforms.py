"""Advisers keep the list of platforms; the permissions are given here, not
by hand."""

from django.db import migrations

ACTIONS = ["add", "change", "delete", "view"]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given them on a fresh database.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="casebook", model="platform"
    )
    for action in ACTIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_platform",
            defaults={"name": f"Can {action} platform"},
        )
        yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("casebook", "0002_platforms_and_review_permission")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
