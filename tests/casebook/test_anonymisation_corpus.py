"""The targets of issue #5 over the whole corpus, and the JSON-lines contract
of ``manage.py anonymise``.

corpus/cases.jsonl: 56 fictional case write-ups with their personal data and
their useful context marked (see casebook.anonymisation.evaluation for the
format and how items are counted). corpus/holdout.jsonl: 26 more, written in
three batches after the engine was tuned on the first file, to see how it did
on text it was not made for (first-run figures in bench/README.md); the
engine was improved on what they showed, so they are now tuned on too.
corpus/blind1.jsonl and blind2.jsonl: 37 texts each for issue #13, each
run once before any tuning on it (first-run figures in corpus/README.md).
corpus/blind3.jsonl: 45 texts, run once (first-run figures in
corpus/README.md), then tuned on by kind.

Each file has a floor at the figures recorded for it, not only the targets,
so that one item lost shows: (items removed, context items kept, clean
words left alone), all as counts.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from casebook.anonymisation import anonymise
from casebook.anonymisation.evaluation import load_corpus, score

CORPUS = Path(__file__).parent / "corpus"
RECALL_TARGET = 0.98
CONTEXT_TARGET = 0.95


CLEAN_TARGET = 0.98
#: The recorded figures: items removed, context kept, clean words untouched.
#: The misses left in the blind sets are schools whose trailing place the
#: engine keeps by design ("Stedelijk Gymnasium Breda").
FLOORS = {
    "cases.jsonl": (303, 595, 71),
    "holdout.jsonl": (192, 257, 0),
    "blind1.jsonl": (148, 196, 198),
    "blind2.jsonl": (157, 172, 145),
    "blind3.jsonl": (343, 444, 852),
    "blind4.jsonl": (394, 557, 1099),
    "blind5.jsonl": (403, 554, 1264),
    "blind6.jsonl": (436, 561, 1205),
    # Never tuned on: the first-run figures, the measure of unseen text.
    "blind7.jsonl": (405, 787, 1084),
}
#: Sets recorded at their first run and not tuned on yet: their floor holds,
#: the targets do not apply until the engine has been improved on them.
NOT_TUNED_ON: set[str] = set()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_corpus_meets_the_targets_and_its_floor(name):
    cases = load_corpus(CORPUS / name)
    result = score(cases, [anonymise(case.text) for case in cases])
    if name not in NOT_TUNED_ON:
        assert result.recall >= RECALL_TARGET, result.missed
        assert result.context_kept >= CONTEXT_TARGET, result.lost
        assert result.clean_left_alone >= CLEAN_TARGET, result.changed
    removed, kept, clean = FLOORS[name]
    assert result.pii_removed >= removed, result.missed
    assert result.keep_kept >= kept, result.lost
    assert result.clean_kept >= clean, result.changed


def test_corpus_is_big_and_varied_enough():
    cases = load_corpus(CORPUS / "cases.jsonl")
    labels = {label for case in cases for _, label in case.pii}
    assert len(cases) >= 40
    assert labels >= {
        "PERSOON",
        "HANDLE",
        "TELEFOON",
        "EMAIL",
        "ADRES",
        "POSTCODE",
        "KENTEKEN",
        "BSN",
        "IBAN",
        "GEBOORTEDATUM",
        "IP-ADRES",
        "URL",
        "SCHOOL",
        "ZAAKNUMMER",
    }


def _run_command(stdin: str) -> tuple[list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("anonymise", stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_command_writes_one_line_per_record_in_order():
    records = [
        {"id": n, "text": f"Bel Jan de Vries op 06-1234567{n}."} for n in range(3)
    ]
    records.append({"id": "leeg", "text": ""})
    lines, err = _run_command("\n".join(json.dumps(r) for r in records) + "\n\n")
    assert [line["id"] for line in lines] == [0, 1, 2, "leeg"]
    assert lines[0] == {
        "id": 0,
        "text": "Bel [PERSOON-1] op [TELEFOON-1].",
        "entities": [
            {"start": 4, "end": 16, "label": "PERSOON"},
            {"start": 20, "end": 31, "label": "TELEFOON"},
        ],
    }
    assert lines[3] == {"id": "leeg", "text": "", "entities": []}
    assert err == ""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("dit is geen json", "geen geldige JSON"),
        ('{"id": 7}', 'het veld "text" ontbreekt'),
        ('{"id": 8, "text": 42}', 'het veld "text" moet tekst zijn'),
        ('["Jan de Vries"]', "verwacht een object"),
        ('{"id": {"a": 1}, "text": "x"}', "het id moet"),
    ],
)
def test_command_reports_a_bad_line_and_goes_on(line, message):
    good = json.dumps({"id": "goed", "text": "Jan de Vries"})
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "anonymise",
            stdin=io.StringIO(f"{good}\n{line}\n{good}\n"),
            stdout=out,
            stderr=err,
        )
    assert raised.value.returncode == 1
    assert "1 regel kon niet worden geanonimiseerd" in str(raised.value)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [lines[0]["id"], lines[2]["id"]] == ["goed", "goed"]
    assert lines[0]["text"] == lines[2]["text"] == "[PERSOON-1]"
    assert lines[1]["line"] == 2 and message in lines[1]["error"]
    assert "Regel 2: " in err.getvalue() and message in err.getvalue()


def test_command_reads_bytes_and_reports_bad_utf8():
    stdin = io.TextIOWrapper(
        io.BytesIO(b'{"id": 1, "text": "caf\xe9"}\n{"id": 2, "text": "Jan"}\n')
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("anonymise", stdin=stdin, stdout=out, stderr=err)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert "geen UTF-8" in lines[0]["error"] and lines[1]["id"] == 2


def test_command_end_to_end_on_the_corpus():
    """A real process, as `manage.py anonymise < corpus` runs: offsets into
    the input, one line each, in order, exit status 0, nothing on stderr."""
    cases = load_corpus(CORPUS / "cases.jsonl")
    stdin = "".join(json.dumps({"id": c.id, "text": c.text}) + "\n" for c in cases)
    stdin += "{kapot\n"
    process = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "anonymise"],
        input=stdin.encode(),
        capture_output=True,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        timeout=300,
        check=False,
    )
    lines = [json.loads(line) for line in process.stdout.decode().splitlines()]
    assert process.returncode == 1
    assert "Traceback" not in process.stderr.decode()
    assert "Regel 57" in process.stderr.decode()
    assert [line["id"] for line in lines[:-1]] == [c.id for c in cases]
    for case, line in zip(cases, lines, strict=False):
        assert line["text"] == anonymise(case.text).text
        for entity in line["entities"]:
            assert 0 <= entity["start"] < entity["end"] <= len(case.text)
    assert lines[-1]["line"] == 57 and "error" in lines[-1]


def test_command_warm_reports_the_load_time():
    out = io.StringIO()
    call_command("anonymise", "--warm", stdout=out)
    assert "Anonimiseringsengine klaar" in out.getvalue()


def test_the_readme_states_the_figures_on_text_never_tuned_on():
    cases = load_corpus(CORPUS / "blind7.jsonl")
    result = score(cases, [anonymise(case.text) for case in cases])
    readme = " ".join((Path(settings.BASE_DIR) / "README.md").read_text().split())
    assert f"({result.pii_removed} of {result.pii_total} items)" in readme
    assert f"({result.keep_kept} of {result.keep_total})" in readme
    assert f"{result.recall:.1%}".replace("%", " %") in readme
