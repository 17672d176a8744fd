"""Combinations that can still point to one person after anonymisation.

Replacing names, numbers and addresses is not always enough: "de 13-jarige
… buurthuis De Schakel … Zutphen" names nobody, yet in a small town it names
one child. No single word is personal data, so no detector removes it; this
module only warns, and the author chooses to generalise or to leave it.

Two rules, each a pattern the literature on re-identification (quasi
identifiers: age, place, a small setting) names and a case text shows often:

- an exact age together with a named venue (a community centre, club,
  mosque or snack bar with its own name) and a place name;
- a role that only one person holds in that setting: "de enige wijkagent",
  "de dorpsagent", "de beheerder van jongerencentrum De Boei".

The rules are deliberately narrow: a warning that shows on every case is a
warning nobody reads (at most one per case on the clean texts of the corpus,
tests/casebook/test_anonymisation_combinations.py).
"""

from dataclasses import dataclass
from enum import StrEnum

import regex
from django.utils.translation import gettext

from .engine import warm


class Combination(StrEnum):
    AGE_VENUE_PLACE = "age_venue_place"
    UNIQUE_ROLE = "unique_role"


@dataclass(frozen=True)
class CombinationWarning:
    kind: Combination
    #: The words that combine, as they stand in the anonymised text.
    parts: tuple[str, ...]

    @property
    def message(self) -> str:
        parts = ", ".join(f"“{part}”" for part in self.parts)
        if self.kind == Combination.AGE_VENUE_PLACE:
            return gettext(
                "An exact age, a named venue and a place together can point to "
                "one person: {parts}. Consider a more general word, such as "
                "“a young person” or “a youth centre”."
            ).format(parts=parts)
        return gettext(
            "A role that only one person holds there can point to that "
            "person: {parts}. Consider a more general word, such as “a police "
            "officer” or “a youth worker”."
        ).format(parts=parts)


_NUMBER_WORDS = (
    "acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|"
    "achttien|negentien|twintig"
)
_PERSON = (
    "jongen|jongens|meisje|meisjes|jongere|jongeren|tiener|puber|kind|zoon|"
    "dochter|leerling|leerlinge|minderjarige|verdachte|slachtoffer|man|vrouw|"
    "jongeman|knul|broer|zus"
)
#: "de 13-jarige", "een dertienjarige", "een meisje van 14 (jaar)",
#: "[PERSOON-1] (15)", "[PERSOON-2], 16 jaar,".
_AGE = regex.compile(
    rf"""
    \b(?:\d{{1,2}}|{_NUMBER_WORDS})-?jarige?\b
    | \b(?:{_PERSON})\s+van\s+\d{{1,2}}(?:\s+jaar)?\b
    | (?:\]|\b(?:{_PERSON}))\s*\(\d{{1,2}}(?:\s+jaar)?\)
    | \],\s+\d{{1,2}}\s+jaar\b
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
_VENUES = (
    "buurthuis|jongerencentrum|jeugdhonk|jongerenhonk|wijkcentrum|buurtcentrum|"
    "clubhuis|inloophuis|sportclub|voetbalclub|voetbalvereniging|hockeyclub|"
    "sportvereniging|sportschool|boksschool|vechtsportschool|moskee|kerk|"
    "café|cafetaria|snackbar|shoarmazaak|shishalounge|speeltuin|kinderboerderij|"
    "scoutinggroep|scouting|dorpshuis"
)
_NAME = (
    r"(?:['‘’]t\s+|De\s+|Het\s+|Den\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}"
)
#: A venue with its own name: "buurthuis De Schakel", "voetbalclub SV Ooster".
_VENUE = regex.compile(rf"(?i:\b(?:{_VENUES}))\s+{_NAME}")
_ARTICLES = frozenset({"De", "Het", "Den", "'t", "‘t", "’t"})
_VENUE_NOUN = regex.compile(rf"(?i:\b(?:{_VENUES}))\s+(?={_NAME})")
_ROLES = (
    "wijkagent|agent|boa|handhaver|jongerenwerker|straathoekwerker|huisarts|"
    "dominee|pastoor|predikant|imam|directeur|directrice|conciërge|trainer|"
    "coach|buurtsportcoach|beheerder|wijkbeheerder|eigenaar|uitbater|"
    "schoolleider|mentor|leraar|lerares|juf|meester"
)
#: "de enige wijkagent", "de enigste jongerenwerker", "de dorpsagent",
#: "de beheerder van buurthuis De Schakel".
_UNIQUE_ROLE = regex.compile(
    rf"""
    \b(?i:de|het)\s+enig(?:e|ste)\s+(?:{_ROLES})\b(?:\s+(?:van|in|bij|op)\s+{_NAME})?
    | \b(?i:dorps)(?:agent|politieagent|politieman|arts|huisarts|dominee|pastoor)\b
    | \b(?i:de|het)\s+(?:{_ROLES})\s+van\s+(?:het\s+|de\s+)?(?:{_VENUES})\s+{_NAME}
    """,
    regex.VERBOSE,
)
_WORD = regex.compile(
    r"\b\p{Lu}[\p{L}'’-]+(?:\s+(?:aan|op|in|de|den|der|\p{Lu}[\p{L}'’-]+)){0,3}"
)


def combination_warnings(text: str) -> list[CombinationWarning]:
    """At most one warning of each kind for the anonymised ``text`` of one
    case (all its fields together)."""
    warnings = []
    age = _first(_AGE, text)
    venue = _named_venue(text)
    place = _place(text)
    if age and venue and place:
        warnings.append(
            CombinationWarning(Combination.AGE_VENUE_PLACE, (age, venue, place))
        )
    role = _first(_UNIQUE_ROLE, text)
    if role:
        warnings.append(CombinationWarning(Combination.UNIQUE_ROLE, (role,)))
    return warnings


def _first(pattern: regex.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return " ".join(match[0].split()) if match else None


def _named_venue(text: str) -> str | None:
    # The name must be a word of its own, not a replacement: "buurthuis
    # [LOCATIE-1]" points to nobody any more.
    for match in _VENUE.finditer(text):
        name = text[_VENUE_NOUN.match(text, match.start()).end() : match.end()]
        rest = text[match.end() :].lstrip()
        if name in _ARTICLES and rest.startswith("["):
            continue  # "buurthuis De [PERSOON-1]"
        return " ".join(match[0].split())
    return None


def _place(text: str) -> str | None:
    """The first place name written with a capital, longest name first
    ("Horst aan de Maas" before "Horst")."""
    resources = warm()
    for match in _WORD.finditer(text, overlapped=True):
        words = match[0].split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            lower = candidate.lower()
            if lower in resources.placenames and lower not in resources.common_words:
                return candidate
    return None
