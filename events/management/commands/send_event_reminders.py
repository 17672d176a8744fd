from django.core.management.base import BaseCommand

from events.services import reminders_send
from events.topics import announcements_send_due


class Command(BaseCommand):
    help = (
        "Mail confirmed participants of events starting within 24 hours, and "
        "the followers of a kind of meeting when a meeting's registration "
        "opened. Run it every hour; nobody gets either mail twice."
    )

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        self.stdout.write(f"Reminders sent: {sent}")
        announced = announcements_send_due()
        self.stdout.write(f"Meetings announced to followers: {announced}")
