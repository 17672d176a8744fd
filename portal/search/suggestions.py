""" "Did you mean": the closest words of the site's own vocabulary for the
terms it does not know, when a search finds little.

The vocabulary is the words of the titles and texts of the live pages that
every visitor may read, a publication's files included (so no members-only
word is ever suggested), built with one query per page type (and what it
names in ``search_prefetch``) and kept in the cache. PostgreSQL picks the
closest word with pg_trgm's ``similarity()`` in one query for all terms;
SQLite with rapidfuzz in Python; both over the same cached vocabulary.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from rapidfuzz import fuzz, process

from portal.accounts.access import pages_visible_to, restricted_sections

from .analysis import STOP_WORDS, stem, words
from .registry import search_types
from .summaries import page_texts

#: A search with fewer results than this gets a suggestion.
SUGGEST_BELOW = 3
VOCABULARY_KEY = "search:vocabulary"
VOCABULARY_SECONDS = 3600
MIN_WORD_LENGTH = 4
#: How alike a word must be: trigram similarity on PostgreSQL, rapidfuzz's
#: ratio (0-100) on SQLite. 'dwansgom' and 'dwangsom' score 0.38 and 87.5.
MIN_SIMILARITY = 0.3
MIN_RATIO = 75


def _more_texts(page) -> list[str]:
    """What a page type indexes beyond its own fields (a publication's
    files), named by a method ``search_more_texts``."""
    more = getattr(page, "search_more_texts", None)
    return more() if callable(more) else []


def _page_words() -> list[str]:
    anonymous = AnonymousUser()
    sections = restricted_sections(anonymous)
    found: set[str] = set()
    for search_type in search_types():
        for model in search_type.models:
            live = model.objects.live().prefetch_related(
                *getattr(model, "search_prefetch", ())
            )
            for page in pages_visible_to(anonymous, live, sections=sections):
                for text in [page.title, *page_texts(page), *_more_texts(page)]:
                    found.update(words(text))
    return sorted(
        word
        for word in found
        if len(word) >= MIN_WORD_LENGTH
        and not word.isdigit()
        and word not in STOP_WORDS
    )


def vocabulary() -> list[str]:
    """The site's words, sorted; cached until a page is published or
    unpublished (receivers.py) or VOCABULARY_SECONDS pass."""
    found = cache.get(VOCABULARY_KEY)
    if found is None:
        found = _page_words()
        cache.set(VOCABULARY_KEY, found, VOCABULARY_SECONDS)
    return found


def vocabulary_forget() -> None:
    cache.delete(VOCABULARY_KEY)


def _closest_postgresql(terms: list[str], known: list[str]) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT t.term, (
                SELECT w FROM unnest(%s::text[]) AS w
                WHERE similarity(w, t.term) >= %s
                ORDER BY similarity(w, t.term) DESC, w LIMIT 1
            ) FROM unnest(%s::text[]) AS t(term)
            """,
            [known, MIN_SIMILARITY, terms],
        )
        return {term: word for term, word in cursor.fetchall() if word}


def _closest_python(terms: list[str], known: list[str]) -> dict[str, str]:
    closest = {}
    for term in terms:
        best = process.extractOne(
            term, known, scorer=fuzz.ratio, score_cutoff=MIN_RATIO
        )
        if best is not None:
            closest[term] = best[0]
    return closest


def suggestion(terms: list[str], *, also_known: list[str] = ()) -> str:
    """The query with every term the site does not know (in any form)
    replaced by its closest word, or "" when there is nothing to offer.
    ``also_known`` are words to leave alone, such as the synonyms."""
    known = vocabulary()
    stems = {stem(word) for word in [*known, *also_known]}
    unknown = [
        term
        for term in terms
        if len(term) >= MIN_WORD_LENGTH
        and not term.isdigit()
        and stem(term) not in stems
    ]
    if not unknown or not known:
        return ""
    closest = (
        _closest_postgresql(unknown, known)
        if connection.vendor == "postgresql"
        else _closest_python(unknown, known)
    )
    if not closest:
        return ""
    return " ".join(closest.get(term, term) for term in terms)
