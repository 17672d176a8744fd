"""Anonymisation of case texts, built on Deduce (how: ``backend``,
``detectors``, ``engine``; figures: bench/README.md). The API for the rest
of the app::

    anonymise(text, *, extra=(), keep=()) -> Anonymisation
    anonymise_texts(texts, *, extra=(), keep=()) -> tuple[Anonymisation, ...]
    anonymise_html(html, *, extra=(), keep=(), mark=None) -> AnonymisedHtml
    html_text(html) -> str
    warm() -> None
    replacements_by_kind(texts) -> list[ReplacementKind]

``Anonymisation.entities`` are ``Entity(start, end, label, text,
replacement)`` with offsets into the original text; corrections are
``Span(start, end, label)``. Labels are listed in ``labels.Label``.
"""

from .engine import (
    Anonymisation,
    AnonymisationError,
    Entity,
    Span,
    anonymise,
    anonymise_texts,
    warm,
)
from .labels import Label
from .markup import AnonymisedHtml, anonymise_html, html_text
from .summary import ReplacementKind, replacements_by_kind

__all__ = [
    "Anonymisation",
    "AnonymisationError",
    "AnonymisedHtml",
    "Entity",
    "Label",
    "ReplacementKind",
    "Span",
    "anonymise",
    "anonymise_html",
    "anonymise_texts",
    "html_text",
    "replacements_by_kind",
    "warm",
]
