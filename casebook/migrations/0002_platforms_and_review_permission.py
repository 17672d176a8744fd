"""The platforms the casebook starts with (advisers can add more) and the
advisers' permission to review cases, given here rather than by hand."""

from django.db import migrations

PLATFORMS = [
    ("tiktok", "TikTok"),
    ("telegram", "Telegram"),
    ("snapchat", "Snapchat"),
    ("instagram", "Instagram"),
    ("x", "X (Twitter)"),
    ("whatsapp", "WhatsApp-groepen"),
    ("facebook", "Facebook"),
    ("youtube", "YouTube"),
    ("discord", "Discord"),
    ("overig", "Overig platform"),
]


def create_platforms(apps, schema_editor):
    Platform = apps.get_model("casebook", "Platform")
    for order, (slug, name) in enumerate(PLATFORMS):
        Platform.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="casebook", model="casesubmission"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="review_cases",
        defaults={"name": "Can review, publish and reject submitted cases"},
    )
    for group in Group.objects.filter(name="Advisers"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("casebook", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(create_platforms, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
