"""Participant lists as CSV for advisers (opens in Excel with Dutch settings;
``csv_bytes`` defuses formulas in every cell)."""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.spreadsheets import csv_bytes

from .models import Registration


def participants_csv(registrations: Iterable[Registration]) -> bytes:
    registrations = list(registrations)
    questions = _questions(registrations)
    rows = [
        [
            _("Name"),
            _("Organisation"),
            _("Function"),
            _("E-mail address"),
            _("Status"),
            _("Registered"),
            _("Attended"),
            *questions,
        ]
    ]
    for r in registrations:
        rows.append(
            [
                r.name,
                r.organisation,
                r.job_title,
                r.email,
                r.get_status_display(),
                timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
                {True: _("yes"), False: _("no"), None: ""}[r.attended],
                *(_answer(r, q) for q in questions),
            ]
        )
    return csv_bytes(rows)


def _questions(registrations: list[Registration]) -> list[str]:
    """Every question anyone answered, in the order first met."""
    seen: dict[str, None] = {}
    for registration in registrations:
        for item in registration.answers:
            seen.setdefault(item["question"], None)
    return list(seen)


def _answer(registration: Registration, question: str) -> str:
    for item in registration.answers:
        if item["question"] == question:
            return str(item["answer"])
    return ""
