"""Advisers keep the tool's data; the permissions are given here, not by hand."""

from django.db import migrations

MODELS = ["phase", "classification", "actor", "intervention"]
ACTIONS = ["add", "change", "delete"]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given them on a fresh database.
    for model in MODELS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="interventions", model=model
        )
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="interventions",
        codename__in=[f"{a}_{m}" for a in ACTIONS for m in MODELS],
    )
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
