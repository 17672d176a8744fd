# The read marks moved to ThreadRead in 0008; kept apart so that PostgreSQL
# commits the copied rows before the column they came from is dropped.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("community", "0008_thread_read_marks"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="follow",
            name="read_at",
        ),
    ]
