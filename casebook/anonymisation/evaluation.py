"""Measure the anonymiser on a marked corpus (used by the tests and bench/).

A corpus is JSON lines, one case each::

    {"id": "case-01", "text": "...",
     "pii": [{"text": "Jan de Vries", "label": "PERSOON"}, ...],
     "keep": ["Bodegraven", "TikTok", "noodverordening", ...]}

Every whole-word occurrence of a ``pii`` text is one personal-data item; it
counts as removed when all its letters and digits lie inside replaced
entities (whatever label they got). Every whole-word occurrence of a
``keep`` text is one context item; it counts as kept when no character of
it was replaced. A keep occurrence inside a pii occurrence ("2023" in
"2023-118472") is not counted. In a case without personal data (an empty
``pii`` list) every word counts for the clean-text figure: it is left alone
when no character of it was replaced.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Anonymisation


@dataclass(frozen=True)
class CorpusCase:
    id: str
    text: str
    pii: tuple[tuple[str, str], ...]  # (text, label)
    keep: tuple[str, ...]


@dataclass
class Score:
    pii_total: int = 0
    pii_removed: int = 0
    keep_total: int = 0
    keep_kept: int = 0
    per_label: Counter = field(default_factory=Counter)
    per_label_removed: Counter = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    lost: list[tuple[str, str]] = field(default_factory=list)
    clean_total: int = 0
    clean_kept: int = 0
    changed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.pii_removed / self.pii_total if self.pii_total else 1.0

    @property
    def context_kept(self) -> float:
        return self.keep_kept / self.keep_total if self.keep_total else 1.0

    @property
    def clean_left_alone(self) -> float:
        return self.clean_kept / self.clean_total if self.clean_total else 1.0

    def label_recall(self, label: str) -> float:
        total = self.per_label[label]
        return self.per_label_removed[label] / total if total else 1.0


def load_corpus(path: Path) -> list[CorpusCase]:
    cases = []
    with path.open(encoding="utf-8") as file:
        for line in file:
            if not line.strip():
                continue
            record = json.loads(line)
            cases.append(
                CorpusCase(
                    id=str(record["id"]),
                    text=record["text"],
                    pii=tuple((item["text"], item["label"]) for item in record["pii"]),
                    keep=tuple(record["keep"]),
                )
            )
    return cases


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(value) + r"(?!\w)"
    return [match.span() for match in re.finditer(pattern, text)]


def _covered(mask: Sequence[bool], text: str, start: int, end: int) -> bool:
    return all(mask[i] for i in range(start, end) if text[i].isalnum())


def _score_clean(total: Score, case: CorpusCase, mask: Sequence[bool]) -> None:
    for word in re.finditer(r"\S+", case.text):
        total.clean_total += 1
        if any(mask[word.start() : word.end()]):
            total.changed.append((case.id, word.group()))
        else:
            total.clean_kept += 1


def score(cases: Iterable[CorpusCase], results: Iterable[Anonymisation]) -> Score:
    total = Score()
    for case, result in zip(cases, results, strict=True):
        mask = [False] * len(case.text)
        for entity in result.entities:
            for i in range(entity.start, entity.end):
                mask[i] = True
        if not case.pii:
            _score_clean(total, case, mask)
        pii_spans: list[tuple[int, int]] = []
        for value, label in case.pii:
            for start, end in occurrences(case.text, value):
                pii_spans.append((start, end))
                total.pii_total += 1
                total.per_label[label] += 1
                if _covered(mask, case.text, start, end):
                    total.pii_removed += 1
                    total.per_label_removed[label] += 1
                else:
                    total.missed.append((case.id, label, value))
        for value in case.keep:
            for start, end in occurrences(case.text, value):
                if any(s < end and start < e for s, e in pii_spans):
                    continue
                total.keep_total += 1
                if any(mask[start:end]):
                    total.lost.append((case.id, value))
                else:
                    total.keep_kept += 1
    return total
