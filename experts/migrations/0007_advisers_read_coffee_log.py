"""Advisers read the audit log of the digital cup of coffee (bookings,
cancellations and the purge): Wagtail's site history shows an adviser the
entries of a model only when their group holds a permission on it. Viewing
is all this grants; there are no admin screens for it."""

from django.db import migrations

MODELS = {"coffeebooking": "coffee booking", "coffeeslot": "coffee time slot"}


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    found = []
    for model, name in MODELS.items():
        # Model permissions are normally made after migrate finishes; made
        # here so the group can be given them on a fresh database.
        content_type, _created = ContentType.objects.get_or_create(
            app_label="experts", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"view_{model}",
            defaults={"name": f"Can view {name}"},
        )
        found.append(permission)
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("experts", "0006_coffee_slots_and_bookings")]

    operations = [migrations.RunPython(grant, revoke)]
