"""Advisers read the audit log of help requests: Wagtail's site history
shows an adviser the entries of a model only when their group holds a
permission on it. Viewing is all this grants; help requests have no admin
screens."""

from django.db import migrations


def _permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given it on a fresh database.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="experts", model="helprequest"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_helprequest",
        defaults={"name": "Can view help request"},
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
    dependencies = [("experts", "0002_advisers_manage_experts")]

    operations = [migrations.RunPython(grant, revoke)]
