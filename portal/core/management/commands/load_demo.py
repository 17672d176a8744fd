from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from portal.core.signals import demo_content_requested


class Command(BaseCommand):
    help = (
        "Fill the site with demo content. Idempotent: pages that exist are kept "
        "as they are, so it is safe to run again."
    )

    def handle(self, *args, **options) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("No default site; run `manage.py migrate` first.")
        counts = {"created": 0, "kept": 0}

        def report(created: bool) -> None:
            counts["created" if created else "kept"] += 1

        with transaction.atomic():
            demo_content_requested.send(
                sender=None, home=site.root_page.specific, report=report
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Demo content: {created} pages created, {kept} already there.".format(
                    **counts
                )
            )
        )
