"""What was replaced in an anonymised text, by kind and number, read from
the anonymised text alone: "[PERSOON-1]", "[PERSOON-2]", "[TELEFOON-1]".

This is what advisers and experts get instead of the original. It is made
from the replacements that stand in the text, never from the words they
replaced, so nothing here can repeat an original word.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .labels import Label

#: A replacement as it appears in anonymised text, e.g. "[PERSOON-1]".
REPLACEMENT = re.compile(
    r"\[({labels})-(\d+)\]".format(
        labels="|".join(re.escape(label.value) for label in Label)
    )
)


@dataclass(frozen=True)
class ReplacementKind:
    """One kind of personal data and its distinct replacements."""

    label: Label
    #: e.g. ("PERSOON-1", "PERSOON-2"), in numeric order.
    replacements: tuple[str, ...]
    #: How often a replacement of this kind stands in the text.
    occurrences: int

    @property
    def description(self) -> str:
        return self.label.description

    @property
    def count(self) -> int:
        """How many different values of this kind were replaced."""
        return len(self.replacements)


def replacements_by_kind(texts: Iterable[str]) -> list[ReplacementKind]:
    """The replacements in ``texts`` (plain or sanitised HTML), grouped by
    kind in the order of ``Label``. One case is several texts numbered as
    one, so "[PERSOON-1]" in two of them is one person."""
    numbers: dict[Label, set[int]] = {}
    occurrences: dict[Label, int] = {}
    for text in texts:
        for match in REPLACEMENT.finditer(text or ""):
            label = Label(match[1])
            numbers.setdefault(label, set()).add(int(match[2]))
            occurrences[label] = occurrences.get(label, 0) + 1
    return [
        ReplacementKind(
            label=label,
            replacements=tuple(f"{label.value}-{n}" for n in sorted(numbers[label])),
            occurrences=occurrences[label],
        )
        for label in Label
        if label in numbers
    ]
