"""CSV downloads that open cleanly in Excel with Dutch settings, for every app
that lets advisers export a list."""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

# Characters with which a spreadsheet starts a formula: Excel and LibreOffice
# also read a formula after a leading tab or carriage return, and treat the
# fullwidth forms (as typed on a Japanese or Chinese keyboard) as the ASCII
# ones.
FORMULA_STARTS = (
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\uff1d",
    "\uff0b",
    "\uff0d",
    "\uff20",
)


def cell_safe(value: Any) -> Any:
    """Defuse a spreadsheet formula: a leading quote makes Excel show the
    text instead of running it. Anything but text is left as it is."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Sequence[Any]]) -> bytes:
    """Rows as UTF-8 CSV with semicolons and a BOM: what Excel expects on a
    Dutch Windows machine. Every cell passes ``cell_safe``: a name, a title or
    an answer may come from anyone, and tomorrow's column too."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows([cell_safe(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def wagtail_exports_neutralise() -> None:
    """Wagtail's own CSV exports (the site history, the page reports, the
    redirects, any listing with ``list_export``) all write their rows through
    ``SpreadsheetExportMixin.preprocess_field_value``, and Wagtail offers no
    hook for it; overriding each view's URL would miss the next report.
    So the one method is wrapped here, once at start-up (CoreConfig.ready):
    a CSV value gets ``cell_safe``. Wagtail's xlsx export needs nothing: it
    already stores a value that looks like a formula as text."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "formulas_defused", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        prepared = original(self, field, value, export_format)
        return cell_safe(prepared) if export_format == self.FORMAT_CSV else prepared

    preprocess_field_value.formulas_defused = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
