"""Advisers see the results of surveys; the permission is given here, not
by hand."""

from django.db import migrations


def _permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given it on a fresh database.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="surveys", model="surveyresponse"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_results",
        defaults={"name": "Can see the results of surveys"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = _permission(apps)
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = _permission(apps)
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
