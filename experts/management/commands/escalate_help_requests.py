from django.core.management.base import BaseCommand

from experts.services import requests_escalate


class Command(BaseCommand):
    help = (
        "Mail all advisers again about acute requests for help that nobody "
        "picked up within the set working hours. Run it every quarter of an "
        "hour; each request is escalated once."
    )

    def handle(self, *args, **options) -> None:
        escalated = requests_escalate()
        self.stdout.write(f"Requests escalated: {escalated}")
