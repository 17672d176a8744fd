from django.core.management.base import BaseCommand

from events.services import reminders_send
from events.topics import announcements_send_due
from portal.core.signals import hourly_mail_requested


class Command(BaseCommand):
    help = (
        "Mail confirmed participants of events starting within 24 hours, "
        "the followers of a kind of meeting when a meeting's registration "
        "opened, and (through other apps) the follow-up mail with the "
        "evaluation after a meeting. Run it every hour; nobody gets any of "
        "these mails twice."
    )

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        self.stdout.write(f"Reminders sent: {sent}")
        announced = announcements_send_due()
        self.stdout.write(f"Meetings announced to followers: {announced}")
        # Apps that depend on events (the evaluations' follow-up mail) send
        # theirs through the signal: this command cannot import them.
        for _receiver, line in hourly_mail_requested.send(sender=None):
            if line:
                self.stdout.write(str(line))
