"""The personal-data guard on posts: before a message is published, the
casebook's anonymiser reads it. When it finds personal data, the member
sees what was found and chooses: replace it by placeholders, edit the
message, or post it as written. Posts are not anonymised like cases; the
member decides, and the choice is logged without the text.

It runs once per submit (not per keystroke) and only on the message's text.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from casebook.anonymisation import Entity, anonymise_texts
from casebook.anonymisation.markup import anonymise_html
from portal.core.audit import audit_log

from .sanitise import rich_text_clean

#: What the member chose, as posted by the guard's buttons.
REPLACE, KEEP = "replace", "keep"
CHOICES = (REPLACE, KEEP)


@dataclass(frozen=True)
class Finding:
    text: str
    replacement: str
    #: The kind in words ("name of a person") and as a code ("PERSOON").
    kind: str
    code: str


@dataclass(frozen=True)
class GuardResult:
    findings: tuple[Finding, ...]
    #: The message with every finding replaced by its placeholder.
    replaced: str


def _findings(entities: tuple[Entity, ...]) -> tuple[Finding, ...]:
    return tuple(
        Finding(
            text=e.text,
            replacement=e.replacement,
            kind=e.label.description,
            code=e.label.value,
        )
        for e in entities
    )


def guard_check(body: str) -> GuardResult:
    """What the anonymiser finds in ``body`` (cleaned message HTML)."""
    result = anonymise_html(body)
    return GuardResult(
        findings=_findings(result.entities), replaced=rich_text_clean(result.html)
    )


def guard_check_texts(texts: list[str]) -> list[GuardResult]:
    """The same check for plain texts written together (the open answers of
    one survey): one numbering, so "[PERSOON-1]" is one person in all."""
    return [
        GuardResult(findings=_findings(result.entities), replaced=result.text)
        for result in anonymise_texts(texts)
    ]


def guard_choice_record(*, user, choice: str, result: GuardResult) -> None:
    """Log what the member chose and how many items of which kind were
    found; never the words."""
    kinds: dict[str, int] = {}
    for finding in result.findings:
        kinds[finding.code] = kinds.get(finding.code, 0) + 1
    audit_log(
        instance=user,
        action=f"leerkring.post_guard.{choice}",
        user=user,
        label=_("Personal-data check of a message"),
        data={"found": kinds},
    )
