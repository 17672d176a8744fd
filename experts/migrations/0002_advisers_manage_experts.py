"""Advisers make members experts and keep the areas of expertise in the
admin; the permissions are given here, not by hand."""

from django.db import migrations

GRANTS = {
    "expertprofile": ["add", "change", "delete", "view"],
    "expertisetag": ["add", "change", "delete", "view"],
}


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Model permissions are normally made after migrate finishes; made here
    # so the group can be given them on a fresh database.
    for model, actions in GRANTS.items():
        content_type, _created = ContentType.objects.get_or_create(
            app_label="experts", model=model
        )
        for action in actions:
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
    codenames = [f"{a}_{m}" for m, actions in GRANTS.items() for a in actions]
    permissions = Permission.objects.filter(
        content_type__app_label="experts", codename__in=codenames
    )
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
