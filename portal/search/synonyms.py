"""The advisers' synonym groups as the search applies them: a term matches
every word of its group. Read once and kept in the cache until an adviser
changes a group (wagtail_hooks) or SYNONYMS_SECONDS pass (a change made
outside the admin, such as a migration)."""

from django.core.cache import cache

from .analysis import analyse
from .models import SynonymGroup

SYNONYMS_KEY = "search:synonyms"
SYNONYMS_SECONDS = 600


def synonym_groups() -> list[list[str]]:
    """Every group's words; one query, then none until the cache empties."""
    groups = cache.get(SYNONYMS_KEY)
    if groups is None:
        groups = [group.word_list for group in SynonymGroup.objects.all()]
        cache.set(SYNONYMS_KEY, groups, SYNONYMS_SECONDS)
    return groups


def synonyms_forget() -> None:
    cache.delete(SYNONYMS_KEY)


def term_alternatives(term: str, groups: list[list[str]]) -> list[str]:
    """``term`` and the words of every group that holds it in any form
    ('rellen' is in the group that says 'rel'), in a stable order."""
    stems = analyse(term)
    found = {term: None}
    if not stems:  # a stop word: in no group
        return [term]
    for group in groups:
        if any(analyse(word) == stems for word in group):
            found.update(dict.fromkeys(group))
    return list(found)
