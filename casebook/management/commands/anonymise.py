"""``manage.py anonymise``: anonymise JSON lines from standard input.

Input, one object a line: ``{"id": ..., "text": ...}``. Output, one line
for each input line, in order: ``{"id": ..., "text": <anonymised>,
"entities": [{"start", "end", "label"}]}`` with offsets into the input text.

A bad line (not UTF-8, not JSON, no text) gives ``{"id": <id or null>,
"line": <n>, "error": <message>}`` in its place, the same message on
standard error, and the command exits with status 1 after the last line;
the good lines are all written. Blank lines are skipped.
"""

from __future__ import annotations

import json
import sys
import time
from typing import IO, Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casebook.anonymisation.engine import AnonymisationError, anonymise, warm

#: Longer lines are refused rather than held in memory whole.
MAX_TEXT_LENGTH = 1_000_000


class BadLine(ValueError):
    def __init__(self, message: str, record_id: Any = None) -> None:
        super().__init__(message)
        self.record_id = record_id


class Command(BaseCommand):
    # Tests pass a stream as ``stdin``; the command line reads sys.stdin.
    stealth_options = ("stdin",)
    help = (
        'Anonymise JSON lines {"id": ..., "text": ...} from standard input; '
        "write the anonymised text and its entities as JSON lines."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--warm",
            action="store_true",
            help="Only build or load the engine and print how long it took.",
        )

    def handle(self, *args, **options) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            if options["warm"]:
                self._warm()
                return
            stdin: IO = options.get("stdin") or sys.stdin
            errors = self._run(stdin)
            if errors:
                message = ngettext(
                    "{n} line could not be anonymised; see above.",
                    "{n} lines could not be anonymised; see above.",
                    errors,
                )
                raise CommandError(message.format(n=errors), returncode=1)

    def _warm(self) -> None:
        started = time.perf_counter()
        resources = warm()
        self.stdout.write(
            _("Anonymisation engine ready in {seconds:.1f} s.").format(
                seconds=time.perf_counter() - started
            )
        )
        if "build" in resources.timings:
            self.stdout.write(
                _("Lookup data built in {seconds:.1f} s.").format(
                    seconds=resources.timings["build"]
                )
            )

    def _run(self, stdin: IO) -> int:
        errors = 0
        for number, raw in enumerate(_lines(stdin), start=1):
            if not raw.strip():
                continue
            try:
                output = self._anonymise_line(raw)
            except BadLine as error:
                errors += 1
                message = _("Line {n}: {error}").format(n=number, error=error)
                self.stderr.write(message)
                output = {"id": error.record_id, "line": number, "error": str(error)}
            self.stdout.write(json.dumps(output, ensure_ascii=False))
            self.stdout.flush()
        return errors

    def _anonymise_line(self, raw: str | bytes) -> dict:
        record = _parse(raw)
        record_id = record.get("id")
        try:
            result = anonymise(record["text"])
        except AnonymisationError as error:
            raise BadLine(str(error), record_id) from error
        return {
            "id": record_id,
            "text": result.text,
            "entities": [
                {"start": e.start, "end": e.end, "label": e.label.value}
                for e in result.entities
            ],
        }


def _lines(stdin: IO):
    """Lines as bytes when the stream has them, so bad UTF-8 is one bad
    line rather than the end of the run."""
    stream = getattr(stdin, "buffer", stdin)
    yield from stream


def _parse(raw: str | bytes) -> dict:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadLine(_("not UTF-8 text.")) from error
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise BadLine(
            _("not valid JSON ({problem}).").format(problem=error.msg)
        ) from error
    if not isinstance(record, dict):
        raise BadLine(_('expected a JSON object with "id" and "text".'))
    record_id = record.get("id")
    if isinstance(record_id, dict | list):
        raise BadLine(_("the id must be a string or a number."))
    if "text" not in record:
        raise BadLine(_('the "text" field is missing.'), record_id)
    if not isinstance(record["text"], str):
        raise BadLine(_('the "text" field must be a string.'), record_id)
    if len(record["text"]) > MAX_TEXT_LENGTH:
        raise BadLine(
            _("the text is longer than {n} characters.").format(
                n=f"{MAX_TEXT_LENGTH:,}".replace(",", ".")
            ),
            record_id,
        )
    return record
