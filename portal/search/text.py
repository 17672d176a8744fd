"""Pure text helpers of the site search: cleaning what was typed, splitting it
into words, and the highlighted excerpt shown under each result."""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

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


_VOWELS = set("aeiouyéëèïóöü")


def term_variants(term: str) -> list[str]:
    """The term and its other number where Dutch adds a bare -s after a
    vowel: 'demonstraties' and 'demonstratie', 'bureau' and 'bureaus'.
    PostgreSQL's Dutch stemmer joins -en plurals ('bijeenkomsten') but
    leaves these apart."""
    if len(term) > 4 and term.endswith("s") and term[-2] in _VOWELS:
        return [term, term[:-1]]
    if len(term) > 3 and term[-1] in _VOWELS:
        return [term, term + "s"]
    return [term]


def term_stem(term: str) -> str:
    """A rough Dutch stem: the term without its last letters, so that
    'demonstraties' marks 'demonstratie' and 'gemeenten' marks 'gemeente'.
    PostgreSQL found the page with a real stemmer; this only decides what to
    mark, so erring on the generous side is harmless."""
    term = term.lower()
    if len(term) <= 4:
        return term
    if len(term) <= 7:
        return term[: len(term) - 2]
    return term[: len(term) - 3]


def _pattern(terms: list[str]) -> re.Pattern | None:
    stems = {
        term_stem(term)
        for term in terms[:MAX_HIGHLIGHT_TERMS]
        if len(term) > 1 and _WORD.fullmatch(term)
    }
    if not stems:
        return None
    # Whichever stem matches, the whole word is marked; sorted for a stable
    # pattern.
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


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
    first text), with every word starting like a term wrapped in <mark>.
    Everything else is escaped: the texts are page content and the terms are
    what a visitor typed."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return SafeString("")
    pattern = _pattern(terms)
    text, first = texts[0], None
    if pattern is not None:
        for candidate in texts:
            if match := pattern.search(candidate):
                text, first = candidate, match.start()
                break
    begin, end = _window(text, first or 0, length)
    passage = text[begin:end]
    parts = ["… " if begin else ""]
    position = 0
    for match in pattern.finditer(passage) if pattern is not None else ():
        parts.append(escape(passage[position : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    parts.append(escape(passage[position:]))
    parts.append(" …" if end < len(text) else "")
    # Every part above is escaped or built by format_html.
    return mark_safe("".join(parts))  # noqa: S308
