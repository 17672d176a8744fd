"""A survey's answers as CSV for advisers (Excel with Dutch settings;
``csv_bytes`` defuses formulas in every cell, and an open answer may well
start with "=" or "-")."""

from collections.abc import Iterable, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.spreadsheets import csv_bytes

from .results import answer_text


def responses_csv(*, fields: Sequence, responses: Iterable) -> bytes:
    """One row per response: when it came in, then one column per question."""
    fields = [field for field in fields if field.field_type != "hidden"]
    rows: list[list[str]] = [[_("Answered at"), *(field.label for field in fields)]]
    for response in responses:
        data = response.form_data
        rows.append(
            [
                timezone.localtime(response.submit_time).strftime("%Y-%m-%d %H:%M"),
                *(answer_text(data.get(field.clean_name)) for field in fields),
            ]
        )
    return csv_bytes(rows)
