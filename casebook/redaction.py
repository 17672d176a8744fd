"""Anonymise all free-text fields of a case together, so that the numbering
is the same across them: "[PERSOON-1]" in the lessons is the [PERSOON-1] of
the account of what happened.

The engine's ``anonymise_texts`` takes the fields' texts as one case: each
read on its own, one numbering over all. The replacements are put back into
each field. HTML fields are read as the text between their tags (block tags
count as line breaks); the tags themselves are never touched, so the
result is still the sanitised HTML it was. The fields are laid end to end
in one document only to map positions back.

The submitter's corrections are kept as text, not as positions, so that a
recomputation after an edit gives the same result wherever the words moved:
``extra`` marks every occurrence of a text as personal data of a kind, and
``keep`` undoes every replacement of a text the engine found.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import html
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .anonymisation.engine import AnonymisationError, Entity, Span, anonymise_texts
from .anonymisation.labels import Label
from .sanitise import BLOCK_TAGS

logger = logging.getLogger(__name__)

#: Between two fields: a blank line and a full stop, so that the end of one
#: field and the start of the next are never read as one name.
SEPARATOR = "\n\n.\n\n"
MAX_EXTRA_LENGTH = 200
MAX_CORRECTIONS = 200
#: A text the engine replaced and the member ticked to keep: a name, a number
#: or an address. Anything longer is no replacement of ours, and a bound keeps
#: a forged form from filling the stored corrections.
MAX_KEEP_LENGTH = 500
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([a-z0-9]+)", re.IGNORECASE)


class RedactionError(ValueError):
    """Corrections that do not fit the text; the message is for people."""


@dataclass(frozen=True)
class Corrections:
    """What the submitter changed in the engine's result."""

    #: (text, label value): personal data the engine missed.
    extra: tuple[tuple[str, str], ...] = ()
    #: Texts the engine replaced that are no personal data.
    keep: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {
            "extra": [{"text": t, "label": label} for t, label in self.extra],
            "keep": list(self.keep),
        }

    @classmethod
    def from_json(cls, data: Mapping | None) -> Corrections:
        data = data or {}
        extra = tuple(
            (str(item["text"]), str(item["label"]))
            for item in data.get("extra", [])
            if isinstance(item, Mapping) and "text" in item and "label" in item
        )
        keep = tuple(str(text) for text in data.get("keep", []))
        return cls(extra=extra, keep=keep)


@dataclass(frozen=True)
class FieldText:
    """One field of the case: its stored value and whether that is HTML."""

    value: str
    is_html: bool = False


@dataclass(frozen=True)
class Redaction:
    """One distinct replacement, as the preview lists it."""

    text: str
    label: str
    replacement: str
    count: int

    def as_json(self) -> dict:
        return {
            "text": self.text,
            "label": self.label,
            "replacement": self.replacement,
            "count": self.count,
        }


@dataclass(frozen=True)
class Redacted:
    fields: dict[str, str]
    redactions: list[Redaction]
    #: Marked texts that no longer occur (the text was edited since).
    unmatched_extra: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Piece:
    start: int  # in the combined plain text
    end: int
    markup: str | None  # the tag itself; None for text


@dataclass
class _Document:
    plain: str
    pieces: dict[str, list[_Piece]]
    ranges: dict[str, tuple[int, int]]
    is_html: dict[str, bool]


def _pieces(value: str, is_html: bool, offset: int) -> tuple[list[_Piece], str]:
    if not is_html:
        return [_Piece(offset, offset + len(value), None)], value
    pieces, texts, position = [], [], offset
    for part in _TAG.split(value):
        if not part:
            continue
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            text = "\n" if name and name[1].lower() in BLOCK_TAGS else ""
            pieces.append(_Piece(position, position + len(text), part))
        else:
            text = html.unescape(part)
            pieces.append(_Piece(position, position + len(text), None))
        texts.append(text)
        position += len(text)
    return pieces, "".join(texts)


def _document(fields: Mapping[str, FieldText]) -> _Document:
    plain: list[str] = []
    pieces, ranges, is_html = {}, {}, {}
    position = 0
    for index, (name, item) in enumerate(fields.items()):
        if index:
            plain.append(SEPARATOR)
            position += len(SEPARATOR)
        pieces[name], text = _pieces(item.value, item.is_html, position)
        ranges[name] = (position, position + len(text))
        is_html[name] = item.is_html
        plain.append(text)
        position += len(text)
    return _Document("".join(plain), pieces, ranges, is_html)


def _render(doc: _Document, name: str, entities: Sequence[Entity]) -> str:
    """The field with every entity replaced. An entity that runs over a tag
    ("<strong>Jan</strong> de Vries") gets its replacement where it starts;
    its other parts are left out, the tags stay."""
    starts = [e.start for e in entities]
    out: list[str] = []
    placed: set[int] = set()
    for piece in doc.pieces[name]:
        if piece.markup is not None:
            out.append(piece.markup)
            continue
        text, position = [], piece.start
        index = max(bisect.bisect_right(starts, piece.start) - 1, 0)
        for entity_index in range(index, len(entities)):
            entity = entities[entity_index]
            if entity.start >= piece.end:
                break
            if entity.end <= position:
                continue
            text.append(doc.plain[position : max(entity.start, position)])
            if entity_index not in placed:
                text.append(entity.replacement)
                placed.add(entity_index)
            position = min(entity.end, piece.end)
        text.append(doc.plain[position : piece.end])
        joined = "".join(text)
        out.append(html.escape(joined, quote=False) if doc.is_html[name] else joined)
    return "".join(out)


def _extra_spans(
    doc: _Document, corrections: Corrections
) -> tuple[list[Span], list[str]]:
    """Every occurrence of each marked text, within a field (never across
    the separator); case and runs of spaces do not matter."""
    spans, unmatched = [], []
    for text, label in corrections.extra:
        words = text.split()
        pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
        found = (
            [
                Span(m.start(), m.end(), Label(label))
                for start, end in doc.ranges.values()  # finditer's pos/endpos
                for m in pattern.finditer(doc.plain, start, end)
            ]
            if words
            else []
        )
        spans.extend(found)
        if not found:
            unmatched.append(text)
    return spans, unmatched


def _summary(entities: Sequence[Entity]) -> list[Redaction]:
    counts: dict[tuple[str, str, str], int] = {}
    for entity in entities:
        key = (entity.text, str(entity.label), entity.replacement)
        counts[key] = counts.get(key, 0) + 1
    return [
        Redaction(text=t, label=label, replacement=r, count=n)
        for (t, label, r), n in counts.items()
    ]


def corrections_check(corrections: Corrections) -> None:
    """Raise RedactionError for corrections no form should let through."""
    if len(corrections.extra) + len(corrections.keep) > MAX_CORRECTIONS:
        raise RedactionError(
            _("At most {n} corrections per case.").format(n=MAX_CORRECTIONS)
        )
    if any(len(text) > MAX_KEEP_LENGTH for text in corrections.keep):
        raise RedactionError(
            _("A replacement to undo is at most {n} characters long.").format(
                n=MAX_KEEP_LENGTH
            )
        )
    labels = {label.value for label in Label}
    for text, label in corrections.extra:
        if label not in labels:
            raise RedactionError(_("Say what kind of personal data you marked."))
        if len(text.strip()) < 2:
            raise RedactionError(_("Mark at least two characters."))
        if len(text) > MAX_EXTRA_LENGTH:
            raise RedactionError(
                _("Mark at most {n} characters at a time.").format(n=MAX_EXTRA_LENGTH)
            )


def redact(fields: Mapping[str, FieldText], corrections: Corrections) -> Redacted:
    """Anonymise ``fields`` together (see the module docstring)."""
    corrections_check(corrections)
    doc = _document(fields)
    extra, unmatched = _extra_spans(doc, corrections)
    ranges = list(doc.ranges.values())
    texts = [doc.plain[start:end] for start, end in ranges]
    extra_per_field = [
        [
            Span(s.start - start, s.end - start, s.label)
            for s in extra
            if start <= s.start and s.end <= end
        ]
        for start, end in ranges
    ]
    try:
        results = anonymise_texts(texts, extra=extra_per_field)
        kept = set(corrections.keep)
        keep = [
            [Span(e.start, e.end) for e in r.entities if e.text in kept]
            for r in results
        ]
        if any(keep):
            results = anonymise_texts(texts, extra=extra_per_field, keep=keep)
    except AnonymisationError as exc:
        raise RedactionError(str(exc)) from exc
    except Exception as exc:
        # An engine fault on some odd text must not cost the member their
        # draft or show a server error; it is logged for the developers.
        logger.exception(
            "anonymisation failed on a text of %d characters", len(doc.plain)
        )
        raise RedactionError(
            _(
                "The text could not be anonymised. Your draft has been kept; "
                "try again later or contact an adviser."
            )
        ) from exc
    # Back to positions in the whole document, which the rendering reads.
    entities = [
        dataclasses.replace(e, start=e.start + start, end=e.end + start)
        for result, (start, _) in zip(results, ranges, strict=True)
        for e in result.entities
    ]
    rendered = {}
    for name, (start, end) in doc.ranges.items():
        inside = [e for e in entities if e.start < end and start < e.end]
        rendered[name] = _render(doc, name, inside)
    return Redacted(
        fields=rendered, redactions=_summary(entities), unmatched_extra=unmatched
    )


def source_hash(fields: Mapping[str, FieldText], corrections: Corrections) -> str:
    """Identifies the input of an anonymisation: the same texts and the same
    corrections give the same result, so a stored result is current while
    this hash is unchanged."""
    payload = {
        "fields": {name: [f.value, f.is_html] for name, f in fields.items()},
        "corrections": corrections.as_json(),
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def corrections_updated(
    current: Corrections, *, keep: Sequence[str], add: tuple[str, str] | None
) -> Corrections:
    """The corrections after the preview form: ``keep`` holds every text the
    submitter ticked as "do not replace" (unticking one replaces it again);
    ``add`` is a newly marked (text, label). Ticking a text one marked
    oneself removes the marking; marking a kept text replaces it again."""
    keep_set = {text for text in keep if text}
    folded = {text.casefold() for text in keep_set}
    extra = [e for e in current.extra if e[0].casefold() not in folded]
    if add is not None and add[0]:
        extra = [e for e in extra if e[0].casefold() != add[0].casefold()]
        extra.append(add)
        keep_set = {t for t in keep_set if t.casefold() != add[0].casefold()}
    return Corrections(extra=tuple(extra), keep=tuple(sorted(keep_set)))
