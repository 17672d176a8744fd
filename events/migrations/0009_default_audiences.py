"""The audiences the platform starts with; advisers can add more."""

from django.db import migrations

AUDIENCES = [
    ("jongerenwerkers", "Jongerenwerkers"),
    ("oov-gemeente", "OOV-medewerkers gemeente"),
    ("politie", "Politie"),
    ("om", "Openbaar Ministerie"),
    ("bestuurders", "Burgemeesters en bestuurders"),
    ("juristen", "Juristen"),
    ("boa", "Boa's en handhavers"),
]


def create(apps, schema_editor):
    Audience = apps.get_model("events", "Audience")
    for slug, name in AUDIENCES:
        Audience.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("events", "0008_audiences")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
