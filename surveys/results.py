"""The results of a survey, question by question: counts, percentages and a
bar chart for the questions with choices, the answers themselves for the
open ones. Data in, results out, no queries."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.contrib.forms.forms import FormBuilder

from community.policybook.charts import Bar, bar_chart_svg

from .forms import CHOICE_TYPES


@dataclass(frozen=True)
class ChoiceCount:
    label: str
    count: int
    #: Of the respondents who answered this question, rounded.
    percent: int


@dataclass(frozen=True)
class QuestionResult:
    number: int
    label: str
    #: "choice": counted and drawn; "text": the answers listed.
    kind: str
    #: Respondents who answered this question.
    answered: int
    counts: tuple[ChoiceCount, ...] = ()
    texts: tuple[str, ...] = ()
    chart: SafeString | str = ""


def _choices(field) -> list[str]:
    if field.field_type == "checkbox":
        return [_("yes"), _("no")]
    return [
        label for label, _value in FormBuilder([]).get_formatted_field_choices(field)
    ]


def _picked(field, value: Any) -> list[str]:
    """The choices one answer picked."""
    if field.field_type == "checkbox":
        return [_("yes") if value else _("no")]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value not in (None, "") else []


def answer_text(value: Any) -> str:
    """An answer as one line of text, as the export and the lists show it."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _description(label: str, counts: Sequence[ChoiceCount], answered: int) -> str:
    parts = "; ".join(f"{c.label}: {c.count} ({c.percent} %)" for c in counts)
    total = ngettext(
        "{n} respondent answered.", "{n} respondents answered.", answered
    ).format(n=answered)
    return f"{label}. {parts}. {total}"


def _choice_result(number: int, field, answers: list[Mapping[str, Any]]):
    name = field.clean_name
    given = [a[name] for a in answers if name in a and a[name] not in (None, "", [])]
    if field.field_type == "checkbox":
        given = [a[name] for a in answers if name in a]
    tally: dict[str, int] = dict.fromkeys(_choices(field), 0)
    for value in given:
        for choice in _picked(field, value):
            # A choice the adviser renamed since still counts, under its old name.
            tally[choice] = tally.get(choice, 0) + 1
    answered = len(given)
    counts = tuple(
        ChoiceCount(
            label=label,
            count=count,
            percent=round(100 * count / answered) if answered else 0,
        )
        for label, count in tally.items()
    )
    chart = bar_chart_svg(
        chart_id=f"vraag-{number}",
        title=field.label,
        desc=_description(field.label, counts, answered),
        bars=[Bar(label=c.label, value=c.count) for c in counts],
    )
    return QuestionResult(
        number=number,
        label=field.label,
        kind="choice",
        answered=answered,
        counts=counts,
        chart=chart,
    )


def _text_result(number: int, field, answers: list[Mapping[str, Any]]):
    texts = tuple(
        text
        for text in (answer_text(a.get(field.clean_name)) for a in answers)
        if text.strip()
    )
    return QuestionResult(
        number=number, label=field.label, kind="text", answered=len(texts), texts=texts
    )


def results_summarise(
    *, fields: Iterable, answers: Iterable[Mapping[str, Any]]
) -> list[QuestionResult]:
    """``fields`` are the survey's questions in order, ``answers`` the
    ``form_data`` of every response."""
    answers = list(answers)
    results = []
    for number, field in enumerate(fields, start=1):
        if field.field_type in CHOICE_TYPES:
            results.append(_choice_result(number, field, answers))
        elif field.field_type != "hidden":
            results.append(_text_result(number, field, answers))
    return results
