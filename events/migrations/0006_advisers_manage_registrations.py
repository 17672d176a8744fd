"""Advisers manage participants; the permission is given here, not by hand."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="events", model="registration"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_registrations",
        defaults={"name": "Can see and manage the participants"},
    )
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_attendance"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
