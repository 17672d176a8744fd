"""The anonymised text as the submitter and the advisers see it: every
replacement highlighted, with its kind spelled out for screen readers."""

from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .anonymisation.combinations import CombinationWarning, combination_warnings
from .anonymisation.labels import Label
from .anonymisation.markup import html_text
from .anonymisation.summary import REPLACEMENT, replacements_by_kind
from .models import CaseSubmission
from .models.submission import HTML_FIELDS, TEXT_FIELDS
from .redaction import Corrections


def _mark(match) -> str:
    description = Label(match[1]).description
    # Both classes hide the kind visually: ours on the site, Wagtail's in the
    # admin; screen readers read it after the replacement.
    return format_html(
        '<mark class="redaction">{}<span class="{}"> ({})</span></mark>',
        match[0],
        "visually-hidden w-sr-only",
        description,
    )


def marked(value: str, *, is_html: bool) -> SafeString:
    """``value`` with each "[LABEL-n]" in a <mark>. HTML values come from
    casebook.sanitise (no attributes), so a replacement is always text."""
    markup = value if is_html else str(escape(value))
    return mark_safe(REPLACEMENT.sub(_mark, markup))  # noqa: S308 - sanitised above


def anonymised_sections(case: CaseSubmission) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "label": CaseSubmission._meta.get_field(name).verbose_name,
            "value": marked(
                getattr(case, f"anonymised_{name}"), is_html=name in HTML_FIELDS
            ),
            "is_html": name in HTML_FIELDS,
            "empty": not getattr(case, f"anonymised_{name}"),
        }
        for name in TEXT_FIELDS
    ]


def preview_context(case: CaseSubmission) -> dict[str, Any]:
    """What the preview (and the case pages) show of the anonymisation."""
    corrections = Corrections.from_json(case.corrections)
    marked_by_submitter = {text.casefold() for text, _label in corrections.extra}
    redactions = [
        {
            **item,
            "description": Label(item["label"]).description,
            "marked": item["text"].casefold() in marked_by_submitter,
        }
        for item in case.redactions
        if item.get("label") in Label._value2member_map_
    ]
    replaced = {item["text"] for item in redactions}
    return {
        "sections": {s["name"]: s for s in anonymised_sections(case)},
        "redactions": redactions,
        "kept": [text for text in corrections.keep if text not in replaced],
        "version": case.anonymised_source,
        "has_anonymisation": bool(case.anonymised_at),
        "combinations": combinations_in(case),
    }


def combinations_in(case: CaseSubmission) -> list[CombinationWarning]:
    """What in the anonymised case, all fields together, can still point to
    one person (an age with a named venue and a place, a unique role)."""
    texts = [
        html_text(value) if name in HTML_FIELDS else value
        for name in TEXT_FIELDS
        if (value := getattr(case, f"anonymised_{name}"))
    ]
    return combination_warnings("\n\n".join(texts))


def review_context(case: CaseSubmission) -> dict[str, Any]:
    """What anyone but the submitter sees of the anonymisation: the
    anonymised text and the replacements by kind and number. Never the
    words replaced (``preview_context`` lists those, for the submitter)."""
    texts = [getattr(case, f"anonymised_{name}") for name in TEXT_FIELDS]
    return {
        "sections": {s["name"]: s for s in anonymised_sections(case)},
        "replacements": replacements_by_kind(texts),
        "has_anonymisation": bool(case.anonymised_at),
    }
