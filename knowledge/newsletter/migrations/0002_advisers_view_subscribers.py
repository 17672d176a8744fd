"""Advisers see the subscribers and export them; the permission is given
here, not by hand."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Model permissions are normally made after migrate finishes; made here so
    # the group can have it on a fresh database.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="newsletter", model="subscriber"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_subscriber",
        defaults={"name": "Can view newsletter subscriber"},
    )
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.filter(
        content_type__app_label="newsletter", codename="view_subscriber"
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name="Advisers"):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_subscribers_and_digests"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
