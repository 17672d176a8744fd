"""Advisers read the audit log of their moderation: Wagtail's site history
shows an adviser the entries of a model only when their group holds a
permission on it. Viewing is all this grants; messages, discussions and
tags have no admin screens."""

from django.db import migrations

MODELS = ["post", "thread", "communitytag"]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given them on a fresh database.
    for model in MODELS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="community", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"view_{model}",
            defaults={"name": f"Can view {model}"},
        )
        yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("community", "0004_theme_case_tags")]

    operations = [migrations.RunPython(grant, revoke)]
