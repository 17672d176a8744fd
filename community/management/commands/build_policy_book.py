"""``manage.py build_policy_book 2026-H1``: the admin's build, from the
command line (for example from cron at the start of each half year)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from community.models import PolicyBookBuild
from community.policybook.errors import PolicyBookError
from community.policybook.services import build_start


class Command(BaseCommand):
    help = "Build the policy book of a half year, for example 2026-H1."

    def add_arguments(self, parser):
        parser.add_argument("period", help="The half year: 2026-H1 or 2026-H2.")

    def handle(self, *args, period: str, **options) -> None:
        with translation.override("nl"):
            try:
                build = build_start(period=period)
            except PolicyBookError as exc:
                raise CommandError(str(exc)) from exc
            if build.status == PolicyBookBuild.Status.FAILED:
                raise CommandError(build.error)
            if build.status == PolicyBookBuild.Status.DONE:
                self.stdout.write(
                    _("Policy book {period} saved as a draft: {title}.").format(
                        period=build.period, title=build.page.title
                    )
                )
            else:
                self.stdout.write(
                    _("Policy book {period} is being built by the task queue.").format(
                        period=build.period
                    )
                )
