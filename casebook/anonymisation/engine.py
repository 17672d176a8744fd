"""Anonymise a case text: find personal data, keep the context, replace each
item by a numbered label that is consistent within the text.

The rest of the app calls :func:`anonymise` (plain text) or
:func:`casebook.anonymisation.markup.anonymise_html` (sanitised HTML).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex
from django.utils.translation import gettext as _

from . import backend, dates, detectors, dictionary, lexicon, people
from .detectors import PERSON, Candidate, Context, informal
from .labels import Label

#: Priority of a span the submitter marked: above every detector.
MARKED = 100


class AnonymisationError(ValueError):
    """A correction that does not fit the text; the message is for people."""


@dataclass(frozen=True)
class Span:
    """A stretch of the original text: ``text[start:end]``.

    As a correction, ``extra`` spans need a ``label`` (the kind of personal
    data the submitter says it is); ``keep`` spans need none.
    """

    start: int
    end: int
    label: Label | None = None


@dataclass(frozen=True)
class Entity:
    """One replaced item. ``start`` and ``end`` index the original text."""

    start: int
    end: int
    label: Label
    text: str
    replacement: str


@dataclass(frozen=True)
class Anonymisation:
    #: The anonymised text: plain text, to be escaped by whoever shows it.
    text: str
    #: The replaced items, in the order of the original text.
    entities: tuple[Entity, ...]


#: Without Django settings; resolved once: ``anonymise`` asks for every text.
_PACKAGE_CACHE_DIR = Path(__file__).resolve().parents[2] / "var" / "anonymisation"


def default_cache_dir() -> Path:
    """``settings.ANONYMISATION_CACHE_DIR``, by default ``var/anonymisation``."""
    from django.conf import settings  # noqa: PLC0415 - usable without Django too

    if settings.configured:
        configured = getattr(settings, "ANONYMISATION_CACHE_DIR", None)
        if configured:
            return Path(configured)
        var_dir = getattr(settings, "VAR_DIR", None)
        if var_dir:
            return Path(var_dir) / "anonymisation"
    return _PACKAGE_CACHE_DIR


def warm(cache_dir: Path | None = None) -> backend.Resources:
    """Load the engine now (building its cache if missing), so the first
    anonymisation does not pay for it. Safe to call more than once."""
    resources = backend.get_resources(cache_dir or default_cache_dir())
    _context(resources)
    return resources


def anonymise(
    text: str, *, extra: Sequence[Span] = (), keep: Sequence[Span] = ()
) -> Anonymisation:
    """Replace the personal data in ``text``.

    ``extra`` marks items the detectors missed; every other occurrence of the
    same words is replaced as well. ``keep`` undoes a detection: entities
    overlapping a keep span stay in the text (only there: a name kept in
    one place is still replaced elsewhere). Raises AnonymisationError for a
    span outside the text or an extra span without a label.
    """
    return anonymise_texts([text], extra=[extra], keep=[keep])[0]


#: Between the texts of one case when they are numbered together.
_TEXT_BREAK = "\n\n.\n\n"


def anonymise_texts(
    texts: Sequence[str],
    *,
    extra: Sequence[Sequence[Span]] = (),
    keep: Sequence[Sequence[Span]] = (),
) -> tuple[Anonymisation, ...]:
    """Anonymise the texts of one case (a case's fields) together.

    Each text is read on its own, so no name runs from the end of one into
    the next; a person found in one text is looked for in all of them; and
    the numbering is shared: "[PERSOON-1]" is the same person in every text.
    ``extra`` and ``keep`` hold the corrections of each text, in order.
    """
    extra = list(extra) or [()] * len(texts)
    keep = list(keep) or [()] * len(texts)
    if not (len(extra) == len(keep) == len(texts)):
        raise AnonymisationError(_("Give the corrections of each text."))
    for text, marked, kept in zip(texts, extra, keep, strict=True):
        _check_spans(text, marked, kept)
    if not any(text.strip() for text in texts) and not any(extra):
        return tuple(Anonymisation(text=text, entities=()) for text in texts)
    resources = warm()
    context = _context(resources)
    protected_name = _ProtectedNames(context)
    found_per_text: list[tuple[list[Candidate], list[tuple[int, int]]]] = []
    for text in texts:
        found, protected = _candidates(text, resources, context, protected_name)
        chosen = _merge_adjacent_names(text, _resolve(found))
        named = [
            c
            for c in people.coordinated_names(text, chosen, context)
            if not _inside(c, protected, text)
        ]
        chosen = _merge_in(chosen, named, None)
        found_per_text.append((chosen, protected))
    names = {
        text[c.start : c.end]
        for text, (chosen, _) in zip(texts, found_per_text, strict=True)
        for c in chosen
        if c.label is Label.PERSON
    }
    chosen_per_text = [
        _apply_corrections(
            text,
            _add_more_mentions(text, chosen, context, protected, names, protected_name),
            marked,
            kept,
        )
        for text, (chosen, protected), marked, kept in zip(
            texts, found_per_text, extra, keep, strict=True
        )
    ]
    numbers = _shared_numbers(texts, chosen_per_text, context)
    return tuple(
        _render(text, chosen, numbers[index])
        for index, (text, chosen) in enumerate(zip(texts, chosen_per_text, strict=True))
    )


def _shared_numbers(
    texts: Sequence[str], chosen_per_text: list[list[Candidate]], context: Context
) -> list[dict[Candidate, int]]:
    """One numbering over all texts: they are numbered as one text, laid end
    to end in order."""
    if len(texts) == 1:  # most calls: nothing to lay end to end (#13)
        return [_numbers(texts[0], chosen_per_text[0], context)]
    joined, shifted, origin = "", [], []
    for index, (text, chosen) in enumerate(zip(texts, chosen_per_text, strict=True)):
        if index:
            joined += _TEXT_BREAK
        offset = len(joined)
        joined += text
        for candidate in chosen:
            shifted.append(
                Candidate(
                    candidate.start + offset,
                    candidate.end + offset,
                    candidate.label,
                    candidate.priority,
                )
            )
            origin.append((index, candidate))
    numbers = _numbers(joined, shifted, context)
    per_text: list[dict[Candidate, int]] = [{} for _ in texts]
    for candidate, (index, own) in zip(shifted, origin, strict=True):
        per_text[index][own] = numbers[candidate]
    return per_text


def _check_spans(text: str, extra: Sequence[Span], keep: Sequence[Span]) -> None:
    for span in (*extra, *keep):
        if not 0 <= span.start < span.end <= len(text):
            raise AnonymisationError(
                _("The marked passage ({start}-{end}) is not in the text.").format(
                    start=span.start, end=span.end
                )
            )
    for span in extra:
        if span.label is None or span.label not in set(Label):
            raise AnonymisationError(_("Say what kind of personal data you marked."))


_contexts: dict[int, Context] = {}


def _context(resources: backend.Resources) -> Context:
    """Derived once per loaded resources (they live as long as the process)."""
    context = _contexts.get(id(resources))
    if context is None:
        context = _contexts[id(resources)] = _build_context(resources)
    return context


def _build_context(resources: backend.Resources) -> Context:
    interfixes = {word for item in resources.interfixes for word in item.split()}
    return Context(
        streets=resources.streets,
        placenames=resources.placenames,
        common_words=resources.common_words,
        stop_words=resources.stop_words,
        first_names=resources.first_names | dictionary.world_first_names(),
        surnames=resources.surnames,
        interfixes=frozenset(interfixes | resources.interfixes),
        domain_places=frozenset(
            regex.sub(r"[\s'-]", "", place) for place in resources.placenames
        ),
        place_prefixes=frozenset(
            part[:size]
            for place in resources.placenames
            for part in {place, *regex.split(r"[\s-]", place)}
            for size in range(4, len(part) + 1)
        ),
        dictionary=dictionary.dutch_words(),
        frequent_words=dictionary.frequent_words(),
    )


# --- candidates ------


#: Tussenvoegsels that are also prepositions: "van Utrecht" is a place,
#: "de Vries" (the surname) is not, even though Vries is a village.
_PREPOSITIONS = frozenset({"van", "uit", "in", "te", "bij", "aan", "op", "over"})


def _is_protected_name(value: str, context: Context) -> bool:
    """A "name" that is a platform, an organisation, a legal term, a role or
    a place ("van Utrecht", "Amsterdam-Noord"; but "Van Bussel", with its
    capital, is a surname even though Bussel is a village)."""
    words = value.replace("’", "'").split()
    while len(words) > 1 and words[0] in _PREPOSITIONS:
        words = words[1:]  # "van Den Haag" is "Den Haag"
    phrase = " ".join(words)
    if lexicon.protects(phrase) or phrase.lower() in context.placenames:
        return True
    core = []
    for word in words:
        if word.lower() not in context.interfixes:
            core.append(word.strip(".,"))
        elif word not in _PREPOSITIONS:
            return False  # a particle of a name: "de", "ter"
    if len(core) >= 2 and people.is_first_name(core[0], context):
        return False  # "Kick van Rijswijk", "Bram Tiel": a first name leads
    return bool(core) and all(_is_context_word(w, context) for w in core)


class _ProtectedNames:
    """``_is_protected_name``, asked once per spelling in one call of the
    engine: a name recurs in its text, and is found and tested again as a
    later mention (#13). Lives as long as the call: it holds names."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.known: dict[str, bool] = {}

    def __call__(self, value: str) -> bool:
        known = self.known.get(value)
        if known is None:
            known = self.known[value] = _is_protected_name(value, self.context)
        return known


def _is_context_word(word: str, context: Context) -> bool:
    if lexicon.protects(word) or word.lower() in lexicon.ROLE_NOUNS:
        return True
    parts = word.lower().split("-")
    return all(p in context.placenames or p in lexicon.PLACE_PARTS for p in parts)


def _candidates(
    text: str,
    resources: backend.Resources,
    context: Context,
    protected_name: _ProtectedNames,
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Deduce's names and phone numbers, the detectors' finds, and the dates
    that are dates of birth; overlapping, and names tidied and filtered.
    Also the protected spans (places, protected phrases), sorted."""
    found: list[Candidate] = []
    date_spans: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []
    for span in backend.deduce_spans(resources, text):
        if span.tag == "persoon":
            found.extend(_split_at_sentence_end(text, span.start, span.end))
        elif span.tag == "telefoonnummer" and _standalone_phone(text, span):
            found.append(Candidate(span.start, span.end, Label.PHONE, detectors.PHONE))
        elif span.tag == "datum":
            date_spans.append((span.start, span.end))
        elif span.tag == "locatie":
            places.append((span.start, span.end))
    found.extend(detectors.detect_all(text, context))
    places.extend(lexicon.protected_spans(text))
    places.sort()
    # Deduce and the detectors often find the same name: refined once (#13).
    found = [
        refined
        for c in dict.fromkeys(found)
        if (outside := _outside_places(text, c, places, context)) is not None
        and (refined := _refine(text, outside, context)) is not None
        and not _protected(text, refined, context, places, protected_name)
    ]
    person_ends = [c.end for c in found if c.label is Label.PERSON]
    found.extend(dates.birth_dates(text, sorted(set(date_spans)), person_ends))
    return found, places


# "haar man Pim. Ten Cate woont": Deduce reads "Pim." as an initial and
# makes one name of two people; a word of two letters or more before the
# full stop is no initial (titles like "dhr." are dropped later).
_SENTENCE_BREAK = regex.compile(r"(?<=\p{L}{2,})\.\s+(?=\p{Lu})")
# "FC Emmen - Cambuur": a dash between spaces separates two names.
_BREAK = regex.compile(rf"{_SENTENCE_BREAK.pattern}|[ \t][-–][ \t]")
_ABBREVIATED_TITLE = regex.compile(
    r"(?i)(?:^|\s)(?:dhr|mevr|mw|mr|dr|drs|ir|ing|prof|st)$"
)


def _outside_places(
    text: str,
    candidate: Candidate,
    places: list[tuple[int, int]],
    context: Context,
) -> Candidate | None:
    """A name that runs into a place of several words loses the place's
    words: "Buurtpreventie Dijk" in "Buurtpreventie Dijk en Waard". What is
    left must still look like a name: not one ordinary word."""
    if candidate.label is not Label.PERSON:
        return candidate
    start, end = candidate.start, candidate.end
    for place_start, place_end in places:
        place = text[place_start:place_end]
        # "ter Haar" (a hamlet) after "Seth" is a surname, not a place.
        if (
            place_end <= start
            or place_start >= end
            or " " not in place
            or not place[:1].isupper()
        ):
            continue
        if place_start <= start and end <= place_end:
            return candidate  # inside: _protected decides
        if place_start > start:
            end = min(end, place_start)
        else:
            start = max(start, place_end)
    if (start, end) == (candidate.start, candidate.end):
        return candidate
    value = text[start:end].strip(" \t-–,")
    if not value:
        return None
    start = text.index(value, start)
    words = value.split()
    if len(words) == 1 and not people.is_first_name(value, context):
        if value.lower() in context.dictionary or value.lower() in context.common_words:
            return None
    return Candidate(start, start + len(value), candidate.label, candidate.priority)


def _split_at_sentence_end(text: str, start: int, end: int) -> list[Candidate]:
    pieces: list[Candidate] = []
    for match in _BREAK.finditer(text, start, end):
        if _ABBREVIATED_TITLE.search(text[start : match.start()]):
            continue
        pieces.append(Candidate(start, match.start(), Label.PERSON, PERSON))
        start = match.end()
    pieces.append(Candidate(start, end, Label.PERSON, PERSON))
    return pieces


def _standalone_phone(text: str, span: backend.DeduceSpan) -> bool:
    """Deduce also finds "phone numbers" glued to letters, inside an IBAN
    or a case number; and 0800/090x numbers belong to organisations."""
    glued = span.start > 0 and text[span.start - 1].isalnum()
    return not glued and not detectors.is_service_number(span.text)


def _refine(text: str, candidate: Candidate, context: Context) -> Candidate | None:
    if candidate.label is Label.PERSON:
        return people.refine(text, candidate, context)
    return candidate


def _protected(
    text: str,
    candidate: Candidate,
    context: Context,
    places: list[tuple[int, int]],
    protected_name: _ProtectedNames,
) -> bool:
    if candidate.label not in {Label.PERSON, Label.HANDLE}:
        return False
    value = text[candidate.start : candidate.end]
    if candidate.label is Label.HANDLE:
        return value.lstrip("@").lower() in lexicon.PLATFORMS
    if not _inside(candidate, places, text, longer=True) and (
        lexicon.after_honorific(text, candidate.start)  # "meneer Wijhe"
        # "meldde zich Wessel": a first name that is also a place
        or informal.first_name_in_person_context(text, candidate, context)
    ):
        return False
    if protected_name(value):
        return True
    # A name inside a place name ("Den Helder", "Alphen aan den Rijn") or
    # a protected phrase ("Zwarte Piet", "Veilig Thuis").
    return _inside(candidate, places, text)


def _inside(
    candidate: Candidate,
    spans: list[tuple[int, int]],
    text: str,
    *,
    longer: bool = False,
) -> bool:
    """Whether ``candidate`` lies within one of the sorted ``spans`` (with
    ``longer``, one that is longer than the candidate: "Peel en Maas" holds
    "Maas", while the place "Wijhe" is the same span as the name)."""
    index = bisect.bisect_right(spans, (candidate.start, len(text) + 1))
    size = candidate.end - candidate.start
    for start, end in reversed(spans[max(0, index - 8) : index]):
        if start <= candidate.start and candidate.end <= end:
            if not longer or end - start > size:
                return True
    return False


# --- overlaps ------


def _resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the best of overlapping candidates: highest priority, then the
    longest, then the first."""
    # The label last: the same span found as two kinds is decided the same
    # way in every process (a set's order is not).
    ordered = sorted(
        set(candidates),
        key=lambda c: (-c.priority, -(c.end - c.start), c.start, c.label.value),
    )
    starts: list[int] = []
    chosen: list[Candidate] = []
    for candidate in ordered:
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and chosen[index - 1].end > candidate.start:
            continue
        if index < len(chosen) and chosen[index].start < candidate.end:
            continue
        starts.insert(index, candidate.start)
        chosen.insert(index, candidate)
    return chosen


# fullmatch, not "$": "$" also matches before a newline, and names on two
# lines are two names.
_NAME_JOIN = regex.compile(r"[ \t]{0,2}(?:-[ \t]{0,2})?")


def _merge_adjacent_names(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """ "Jan" and "de Vries" found apart are one mention "Jan de Vries"."""
    merged: list[Candidate] = []
    for candidate in chosen:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.label is candidate.label is Label.PERSON
            and _NAME_JOIN.fullmatch(text[previous.end : candidate.start])
            and len(text[previous.start : candidate.end].split())
            <= people.MAX_NAME_WORDS
        ):
            merged[-1] = Candidate(
                previous.start, candidate.end, Label.PERSON, previous.priority
            )
        else:
            merged.append(candidate)
    return merged


def _add_more_mentions(
    text: str,
    chosen: list[Candidate],
    context: Context,
    protected: list[tuple[int, int]],
    names: set[str],
    protected_name: _ProtectedNames,
) -> list[Candidate]:
    """Later mentions of the ``names`` found (in this text or another text
    of the same case)."""
    if not names:
        return chosen
    # "Kick van Rijswijk" makes a later "Kick" the person, not the platform.
    used_as_first = {name.split()[0] for name in names if len(name.split()) > 1}
    extra = [
        c
        for c in people.more_mentions(text, sorted(names), context)
        if (
            text[c.start : c.end] in used_as_first
            or not protected_name(text[c.start : c.end])
        )
        and not _inside(c, protected, text)
    ]
    return _merge_in(chosen, extra, Label.PERSON)


def _merge_in(
    chosen: list[Candidate], extra: Iterable[Candidate], joinable: Label | None
) -> list[Candidate]:
    """Add ``extra`` to non-overlapping ``chosen``. An extra candidate that
    overlaps only candidates of the ``joinable`` label swallows them (union);
    one that overlaps anything else is dropped."""
    result = _Spans(chosen)
    for candidate in extra:
        overlapping = result.overlapping(candidate.start, candidate.end)
        if any(c.label is not joinable for c in overlapping):
            continue
        result.replace(overlapping, _union(candidate, overlapping, candidate.priority))
    return result.items


def _union(candidate: Candidate, others: list[Candidate], priority: int) -> Candidate:
    start = min([candidate.start, *(c.start for c in others)])
    end = max([candidate.end, *(c.end for c in others)])
    return Candidate(start, end, candidate.label, priority)


class _Spans:
    """Non-overlapping candidates in text order, with overlap look-ups in
    logarithmic time (a 200,000-character text has thousands)."""

    def __init__(self, items: Iterable[Candidate]) -> None:
        self.items = sorted(items, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]
        self.ends = [c.end for c in self.items]  # sorted too: nothing overlaps

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        low = bisect.bisect_right(self.ends, start)
        high = bisect.bisect_left(self.starts, end)
        return self.items[low:high]

    def replace(self, old: list[Candidate], new: Candidate) -> None:
        if old:
            first = bisect.bisect_left(self.starts, old[0].start)
            del self.items[first : first + len(old)]
            del self.starts[first : first + len(old)]
            del self.ends[first : first + len(old)]
        index = bisect.bisect_left(self.starts, new.start)
        self.items.insert(index, new)
        self.starts.insert(index, new.start)
        self.ends.insert(index, new.end)


# --- corrections ------


def _apply_corrections(
    text: str, chosen: list[Candidate], extra: Sequence[Span], keep: Sequence[Span]
) -> list[Candidate]:
    marked: list[Candidate] = []
    for span in extra:
        marked.append(Candidate(span.start, span.end, Label(span.label), MARKED))
        marked.extend(_same_words(text, span))
    result = _Spans(chosen)
    for candidate in sorted(marked, key=lambda c: (c.start, -c.end)):
        overlapping = result.overlapping(candidate.start, candidate.end)
        if any(c.priority == MARKED for c in overlapping):
            continue
        # The marked span wins, widened over what it overlaps, so a detected
        # "de Vries" inside a marked "Jan de Vries junior" never half-stays.
        result.replace(overlapping, _union(candidate, overlapping, MARKED))
    # What the submitter marked stays marked, even where a keep span meets it.
    return [
        c
        for c in result.items
        if c.priority == MARKED
        or not any(k.start < c.end and c.start < k.end for k in keep)
    ]


def _same_words(text: str, span: Span) -> list[Candidate]:
    words = text[span.start : span.end].strip()
    if len(words) < 2:
        return []
    pattern = rf"(?<![\w-]){regex.escape(words)}(?![\w-])"
    return [
        Candidate(m.start(), m.end(), Label(span.label), MARKED)
        for m in regex.finditer(pattern, text)
        if (m.start(), m.end()) != (span.start, span.end)
    ]


# --- replacements ------


# Compiled once, not looked up in regex's cache on every call (#13).
_COUNTRY_CODE = regex.compile(r"^(?:0031|31)(?=[1-9])")
_NOT_ALPHANUMERIC = regex.compile(r"[\W_]")
_URL_START = regex.compile(r"^(?:https?://)?(?:www\.)?")
_ARTICLE = regex.compile(r"^(?:het|de|'t)\s+")


def _value_key(label: Label, value: str) -> str:
    """Two spellings of one value get one number: "06-12345678" and
    "+31 6 12345678", "@Jantje" and "@jantje"."""
    folded = people.fold(value)
    if label is Label.PHONE:
        digits = "".join(ch for ch in value if ch.isdigit())
        return _COUNTRY_CODE.sub("0", digits)
    if label in {
        Label.BSN,
        Label.IBAN,
        Label.PLATE,
        Label.CASE_NUMBER,
        Label.ID_NUMBER,
        Label.POSTCODE,
        Label.BIRTH_DATE,
    }:
        return _NOT_ALPHANUMERIC.sub("", folded)
    if label in {Label.HANDLE, Label.EMAIL}:
        return folded.lstrip("@")
    if label is Label.URL:
        return _URL_START.sub("", folded).rstrip("/")
    if label is Label.SCHOOL:
        return _ARTICLE.sub("", " ".join(folded.split()))
    return " ".join(folded.split())


def _numbers(
    text: str, chosen: list[Candidate], context: Context
) -> dict[Candidate, int]:
    """The number of each replacement: people by who they are (see
    ``people.cluster``), other values by their normalised spelling."""
    persons = [c for c in chosen if c.label is Label.PERSON]
    clusters = people.cluster(
        [(c.start, text[c.start : c.end]) for c in persons], context
    )
    numbers = {c: n + 1 for c, n in zip(persons, clusters, strict=True)}
    keys: dict[tuple[Label, str], int] = {}
    counts: dict[Label, int] = {}
    for candidate in chosen:
        if candidate.label is Label.PERSON:
            continue
        value = text[candidate.start : candidate.end]
        key = (candidate.label, _value_key(candidate.label, value))
        if key not in keys:
            counts[candidate.label] = counts.get(candidate.label, 0) + 1
            keys[key] = counts[candidate.label]
        numbers[candidate] = keys[key]
    return numbers


def _render(
    text: str, chosen: list[Candidate], numbers: dict[Candidate, int]
) -> Anonymisation:
    pieces: list[str] = []
    entities: list[Entity] = []
    position = 0
    for candidate in chosen:
        replacement = f"[{candidate.label.value}-{numbers[candidate]}]"
        pieces += [text[position : candidate.start], replacement]
        position = candidate.end
        entities.append(
            Entity(
                start=candidate.start,
                end=candidate.end,
                label=candidate.label,
                text=text[candidate.start : candidate.end],
                replacement=replacement,
            )
        )
    pieces.append(text[position:])
    return Anonymisation(text="".join(pieces), entities=tuple(entities))
