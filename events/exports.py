"""Participant lists as CSV for advisers (opens in Excel with Dutch settings)."""

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Registration


def participants_csv(registrations: Iterable[Registration]) -> bytes:
    registrations = list(registrations)
    questions = _questions(registrations)
    buffer = io.StringIO()
    # Semicolons and a BOM: what Excel expects on a Dutch Windows machine.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
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
    )
    for r in registrations:
        writer.writerow(
            [
                _safe(r.name),
                _safe(r.organisation),
                _safe(r.job_title),
                _safe(r.email),
                r.get_status_display(),
                timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
                {True: _("yes"), False: _("no"), None: ""}[r.attended],
                *(_safe(_answer(r, q)) for q in questions),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _safe(value: str) -> str:
    """Defuse spreadsheet formulas typed into a registration form."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


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
