from django.conf import settings
from django.core.management.base import BaseCommand

from events.services import (
    registrations_anonymise_expired,
    registrations_purge_unconfirmed,
)
from events.states import UNCONFIRMED_LAPSE
from portal.core.signals import retention_purge_requested


class Command(BaseCommand):
    help = (
        "Erase participants' personal data of events that ended more than "
        "EVENTS_RETENTION_DAYS ago (the counts per event stay), and delete "
        "guests' registrations that were not confirmed within 48 hours. "
        "Other apps erase what is due for them too (the digital cup of coffee: "
        "time slots whose conversation is over)."
    )

    def handle(self, *args, **options) -> None:
        count = registrations_anonymise_expired()
        self.stdout.write(
            f"Registrations anonymised: {count} "
            f"(retention {settings.EVENTS_RETENTION_DAYS} days)"
        )
        lapsed = registrations_purge_unconfirmed()
        hours = int(UNCONFIRMED_LAPSE.total_seconds() // 3600)
        self.stdout.write(
            f"Unconfirmed registrations deleted: {lapsed} (older than {hours} hours)"
        )
        # Apps that depend on events (the expert network) erase theirs through
        # the signal: this command cannot import them.
        for _receiver, line in retention_purge_requested.send(sender=None):
            if line:
                self.stdout.write(str(line))
