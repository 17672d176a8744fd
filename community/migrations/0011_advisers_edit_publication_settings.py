"""Advisers edit the publication details (the policy book's publisher, logo
and colophon) in Wagtail's settings, which shows them to a group holding
the change permission. The one row is made here with the platform's own
name, so a fresh install prints "Leerkring" before anyone opens it."""

from django.db import migrations

MODEL = "publicationsettings"
CODENAMES = {
    f"view_{MODEL}": "Can view publication settings",
    f"change_{MODEL}": "Can change publication settings",
}


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given them on a fresh database.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="community", model=MODEL
    )
    for codename, name in CODENAMES.items():
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        yield permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    PublicationSettings = apps.get_model("community", "PublicationSettings")
    if not PublicationSettings.objects.exists():
        PublicationSettings.objects.create(publisher="Leerkring")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0010_publication_settings"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
