from django.core.management.base import BaseCommand

from events.services import reminders_send


class Command(BaseCommand):
    help = (
        "Mail confirmed participants of events starting within 24 hours. "
        "Run it every hour; nobody gets a reminder twice."
    )

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        self.stdout.write(f"Reminders sent: {sent}")
