from django.conf import settings
from django.core.management.base import BaseCommand

from events.services import registrations_anonymise_expired


class Command(BaseCommand):
    help = (
        "Erase participants' personal data of events that ended more than "
        "EVENTS_RETENTION_DAYS ago; the counts per event stay."
    )

    def handle(self, *args, **options) -> None:
        count = registrations_anonymise_expired()
        self.stdout.write(
            f"Registrations anonymised: {count} "
            f"(retention {settings.EVENTS_RETENTION_DAYS} days)"
        )
