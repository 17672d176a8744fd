from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from knowledge.newsletter.digest import DigestOutcome, digest_send
from knowledge.newsletter.errors import NewsletterError
from knowledge.newsletter.services import subscribers_purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Mail every confirmed subscriber the news and new meetings since the "
        "previous digest. Run it as often as a digest is wanted (say weekly); "
        "nobody gets an item twice, and with nothing new nothing is sent. "
        "Also deletes sign-ups never confirmed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be sent; send and change nothing.",
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        if not dry_run:
            purged = subscribers_purge_unconfirmed()
            self.stdout.write(f"Unconfirmed sign-ups deleted: {purged}")
        try:
            outcome = digest_send(dry_run=dry_run)
        except NewsletterError as exc:
            raise CommandError(str(exc)) from exc
        since, until = map(timezone.localtime, (outcome.since, outcome.until))
        period = f"{since:%Y-%m-%d %H:%M} – {until:%Y-%m-%d %H:%M}"
        if outcome.digest is None:
            self.stdout.write(f"Nothing new in {period}; no digest sent.")
            return
        if outcome.resumed:
            self.stdout.write("Finishing the digest an earlier run broke off.")
        if dry_run:
            self._describe(outcome, period)
            return
        self.stdout.write(f"Digest for {period} sent to {outcome.sent} subscribers.")
        if outcome.failed:
            raise CommandError(
                f"{outcome.failed} mails could not be sent; "
                "run the command again to retry them."
            )

    def _describe(self, outcome: DigestOutcome, period: str) -> None:
        self.stdout.write(f"Dry run: nothing is sent. Digest for {period}:")
        for section in outcome.digest.sections:
            self.stdout.write(f"  {section['heading']} ({section['total']}):")
            for item in section["items"]:
                self.stdout.write(f"    - {item['title']}  {item['url']}")
        self.stdout.write(f"Would be sent to {outcome.recipients} subscribers.")
