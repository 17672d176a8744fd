"""CSV downloads that open cleanly in Excel with Dutch settings, for every app
that lets advisers export a list."""

import csv
import io
from collections.abc import Iterable, Sequence

# Characters with which a spreadsheet starts a formula.
FORMULA_STARTS = ("=", "+", "-", "@")


def cell_safe(value: str) -> str:
    """Defuse spreadsheet formulas typed into a public form: a leading quote
    makes Excel show the text instead of running it."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def csv_bytes(rows: Iterable[Sequence[str]]) -> bytes:
    """Rows as UTF-8 CSV with semicolons and a BOM: what Excel expects on a
    Dutch Windows machine. Values typed by outsiders must pass ``cell_safe``
    first; the caller knows which ones those are."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
