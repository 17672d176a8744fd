"""Pure text helpers of the site search: cleaning what was typed, splitting it
into words, and the highlighted excerpt shown under each result."""

import re
import unicodedata
from collections.abc import Iterator

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .analysis import STOP_WORDS, WORD, stem, words

MAX_QUERY_LENGTH = 200
EXCERPT_LENGTH = 240
MAX_HIGHLIGHT_TERMS = 20

_WORD = re.compile(r"\w+")


def query_clean(raw: str) -> tuple[str, bool]:
    """What was typed, with control characters gone (PostgreSQL refuses NUL
    bytes in text) and whitespace collapsed; cut to MAX_QUERY_LENGTH.
    Returns the text and whether it was shortened."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw
    )
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


def query_terms(query: str) -> list[str]:
    """The words of a query, in order and without repeats. Only letters and
    digits reach the search backend: quotes, operators and markup mean
    nothing to a reader and some break SQLite's full-text syntax."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(query):
        seen.setdefault(word.lower(), None)
    return list(seen)


def _stems(terms: list[str]) -> frozenset[str]:
    """The stems to mark: those of the query's words, stop words left out
    as the search leaves them out."""
    return frozenset(
        stem(word)
        for term in terms[:MAX_HIGHLIGHT_TERMS]
        for word in words(term)
        if len(word) > 1 and word not in STOP_WORDS
    )


def _marked(text: str, stems: frozenset[str]) -> Iterator[re.Match]:
    """The words of ``text`` with a stem the search matched: 'demonstratie'
    for 'demonstraties', 'rellen' for 'rel', never a part of a word."""
    for match in WORD.finditer(text):
        if stem(match.group().lower()) in stems:
            yield match


def first_matching(texts: list[str], terms: list[str]) -> int | None:
    """The index of the first of ``texts`` with a word that has a term's
    stem, or None: which page of a file to quote."""
    stems = _stems(terms)
    if not stems:
        return None
    for number, text in enumerate(texts):
        if text and next(_marked(text, stems), None) is not None:
            return number
    return None


def _window(text: str, start: int, length: int) -> tuple[int, int]:
    """A passage of about ``length`` characters that shows position ``start``
    a little after its beginning, cut at spaces."""
    if len(text) <= length:
        return 0, len(text)
    begin = max(0, start - length // 4)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    return begin, end


def highlight(
    texts: list[str], terms: list[str], *, length: int = EXCERPT_LENGTH
) -> SafeString:
    """An excerpt of the first text that contains a query term (else of the
    first text), with every word that has a term's stem wrapped in <mark>.
    Everything else is escaped: the texts are page content and the terms are
    what a visitor typed."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return SafeString("")
    stems = _stems(terms)
    text, first = texts[0], None
    if stems:
        for candidate in texts:
            if match := next(_marked(candidate, stems), None):
                text, first = candidate, match.start()
                break
    begin, end = _window(text, first or 0, length)
    passage = text[begin:end]
    parts = ["… " if begin else ""]
    position = 0
    for match in _marked(passage, stems):
        parts.append(escape(passage[position : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    parts.append(escape(passage[position:]))
    parts.append(" …" if end < len(text) else "")
    # Every part above is escaped or built by format_html.
    return mark_safe("".join(parts))  # noqa: S308
