"""Confirmed subscribers as CSV for advisers (opens in Excel with Dutch
settings)."""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.spreadsheets import csv_bytes

from .models import Subscriber


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def subscribers_csv(subscribers: Iterable[Subscriber]) -> bytes:
    rows = [[_("E-mail address"), _("Name"), _("Signed up"), _("Confirmed")]]
    rows += [
        [
            # Both typed by anyone on the internet: csv_bytes defuses them.
            s.email,
            s.name,
            _when(s.created_at),
            _when(s.confirmed_at),
        ]
        for s in subscribers
    ]
    return csv_bytes(rows)
