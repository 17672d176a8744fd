"""Who is who: grouping the mentions of one person, and finding the mentions
that the detectors missed.

"Jan de Vries", later "De Vries", "J. de Vries" and "Jan" are one person, so
they share ``[PERSOON-1]``. "Piet de Vries" is another person with the same
surname, and gets a number of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from . import lexicon
from .detectors import (
    PERSON,
    Candidate,
    Context,
    can_only_be_a_name,
    is_place_adjective,
)
from .labels import Label
from .scanning import matches_at, places

_INITIALS = regex.compile(r"^(?:\p{Lu}\.?){1,4}$|^(?:\p{Lu}\.){1,4}\p{Lu}?$")


def _is_initials(word: str) -> bool:
    """Whether _INITIALS matches ``word``, tested cheaply first (#13): its
    second character is no lower-case letter. (Not "is a capital": regex
    knows capitals newer than Python's isupper does.)"""
    return not word[1:2].islower() and bool(_INITIALS.match(word))


_TITLES = frozenset(
    "dhr dhr. mevr mevr. mw mw. mr mr. dr dr. drs drs. ir ir. ing ing. prof "
    "prof. heer mevrouw meneer mijnheer de".split()
)


def fold(value: str) -> str:
    """Lower case without accents: "Yılmaz" and "Yilmaz" are one name."""
    if value.isascii():
        return value.lower()  # what the rest does to ASCII, faster (#13)
    value = value.replace("ı", "i").replace("ł", "l").replace("ø", "o")
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class Name:
    """A mention split into its parts."""

    first: str | None = None  # folded
    first_text: str | None = None  # as written
    initials: str = ""
    surname: str | None = None  # folded, without tussenvoegsel
    #: The surname as written, with its tussenvoegsel ("de Vries").
    surname_words: list[str] = field(default_factory=list)


def parse_name(text: str, context: Context) -> Name:
    words = text.replace("’", "'").split()
    while len(words) > 1 and words[0].lower() in _TITLES:
        words.pop(0)
    name = Name()
    index = 0
    while index < len(words) and _is_initials(words[index]):
        name.initials += "".join(ch for ch in words[index] if ch.isalpha())
        index += 1
    rest = words[index:]
    core = [w for w in rest if w.lower() not in context.interfixes]
    if not core:
        return name
    has_interfix = len(core) < len(rest)
    if len(core) >= 2 and not name.initials:
        name.first, name.first_text = fold(core[0]), core[0]
        tail = rest[rest.index(core[0]) + 1 :]
    elif len(core) == 1 and not name.initials and not has_interfix:
        # One word alone: a first name or a surname; decided by clustering.
        name.first, name.first_text = fold(core[0]), core[0]
        return name
    else:
        tail = rest
    name.surname_words = tail
    name.surname = fold(
        " ".join(w for w in tail if w.lower() not in context.interfixes)
    )
    return name


_WORD = regex.compile(r"[^\s]+")
_NEXT_WORD = regex.compile(r" (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\w-])")
_STREET_END = regex.compile(
    r"(?i)(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|markt|pad"
    r"|park|plantsoen|steeg|baan|dam|boulevard|allee|burgwal|wal|haven|brink)$"
)
#: The last letters of the street endings: a word that ends in none of them
#: (in any case; K is the Kelvin sign) needs no search (#13).
_STREET_END_LETTERS = frozenset("tngelkfdmTNGELKFDM\u212a")


def _street_end(word: str) -> regex.Match | None:
    """``_STREET_END.search(word)``, tried only on a word that ends in one of
    the letters of an ending ("$" also matches before a final line end)."""
    if word[-1:] not in _STREET_END_LETTERS and not word.endswith("\n"):
        return None
    return _STREET_END.search(word)


def _not_a_name_before_a_first_name(
    text: str, words: list[tuple[int, int]], context: Context
) -> bool:
    first = text[words[0][0] : words[0][1]]
    second = text[words[1][0] : words[1][1]]
    if all(part in context.first_names for part in first.lower().split("-")):
        return False  # "Saskia-Marije Bruin": a double first name leads
    if (
        first.lower() in context.first_names
        or _is_initials(first)
        or not second[:1].isupper()
        or second.lower() in context.interfixes
        or second.lower() not in context.first_names
    ):
        return False
    # With a surname after the first name the word before is surely no part
    # of it; before a first name alone only when it is a common word or opens
    # the sentence ("Stuur Dagmar een mail"), since in some lists surnames
    # come first ("Yilmaz Ahmet").
    before = text[max(0, words[0][0] - 3) : words[0][0]]
    opens_sentence = words[0][0] == 0 or bool(_SENTENCE_START.search(before))
    return len(words) >= 3 or first.lower() in context.common_words or opens_sentence


_SENTENCE_START = regex.compile(r"(?:[.!?:]\s+|\n\s*)$")

#: Lower-case tussenvoegsels that, leading a "name", make it a place.
_LOCATIVE = frozenset({"bij", "aan", "op", "in", "uit"})


def _is_title(word: str, context: Context) -> bool:
    lower = word.lower().strip(".,")
    return (
        lower in lexicon.ROLE_NOUNS
        or lexicon.protects(word)
        or (lower in context.stop_words and lower not in context.interfixes)
    )


def refine(text: str, candidate: Candidate, context: Context) -> Candidate | None:
    """Tidy a name found by Deduce or a detector, or None when it is none.

    Drops a leading role ("Jongerenwerker Fatima Benali"), and the whole
    find when it is a place or a group ("op de Dam", "park Schothorst",
    "Marco Pololaan", "Philips de Jongh Park", "de groep 'Drentse Jagers'");
    takes in a surname that is also a word right after a first name
    ("Kevin Arts").
    """
    words = _word_spans(text, candidate.start, candidate.end)
    titled = False
    while words and _is_title(text[words[0][0] : words[0][1]], context):
        if len(words) > 1 and _leads_a_name(text, words, context):
            break  # "Kick van Rijswijk", "Ben Heijnen": a first name leads
        titled = titled or _is_honorific(text[words[0][0] : words[0][1]])
        words.pop(0)
    if not words:
        return None
    if len(words) >= 2 and _not_a_name_before_a_first_name(text, words, context):
        words.pop(0)  # "Bel Jan de Vries": Deduce takes in the verb before a name
    if len(words) >= 3 and _preposition_before_a_full_name(text, words, context):
        words.pop(0)  # "bericht van Riet Zeldenrust"
    start, end = words[0][0], candidate.end
    # The words before, on the same line: a chat's previous line ends in
    # anything ("wie nog meer\nstorm: …"; "meer" is also a lake).
    before = (
        text[max(0, start - 30) : start].rpartition("\n")[2].rstrip(" ('\"‘“„").split()
    )
    titled = titled or bool(before and _is_honorific(before[-1]))
    # "Betrokkene (V): Teun Veldhof": after a role and a colon, a name that
    # ends like a street ("-hof") is still a person.
    after_role = (
        bool(before)
        and before[-1].endswith(":")
        and any(w.strip("():,").lower() in lexicon.ROLE_NOUNS for w in before[-2:])
    ) or (bool(before) and before[-1].lower().rstrip(":") in _NAME_CUE_WORDS)
    if _is_a_place(text, words, before, titled, context, after_role=after_role):
        return None
    named_as_account = bool(before) and before[-1].lower().rstrip(":") in _ACCOUNT_WORDS
    if (
        candidate.priority <= PERSON
        and not titled
        and not named_as_account
        and _made_of_words(text, words, context)  # before the slower test (#13)
        and not _alias_before(text, start)
    ):
        return None  # "Meldpunt Integriteit", "Persoonsgerichte Aanpak"
    # Cheap tests first (#13): each pattern needs a space and no lower-case
    # letter (a capital), or a full stop, there.
    following = (
        _NEXT_WORD.match(text, end)
        if text.startswith(" ", end) and not text[end + 1 : end + 2].islower()
        else None
    )
    if following and following.group(1).lower() in lexicon.NAMED_PLACE_WORDS:
        return None  # "Philips de Jongh Park"
    first_name_only = len(words) == 1 and is_first_name(text[start:end], context)
    if following and (
        _surname_that_is_a_word(following.group(1), context)
        or (first_name_only and _surname_that_is_a_place(following.group(1), context))
    ):
        end = following.end()
    initial = (
        _INITIAL_AFTER.match(text, end) if text[end + 2 : end + 3] == "." else None
    )
    if initial and len(text[start:end].split()) == 1:
        end = initial.end()  # "Ilias K.": the initial is part of the name
    return Candidate(start, end, candidate.label, candidate.priority)


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the words (``_WORD``) in ``text[start:end]``. In
    printable text the only space is " ", so a split finds them (#13)."""
    piece = text[start:end]
    if not piece.isprintable():
        return [(m.start() + start, m.end() + start) for m in _WORD.finditer(piece)]
    spans = []
    for word in piece.split(" "):
        if word:
            spans.append((start, start + len(word)))
        start += len(word) + 1
    return spans


def _alias_before(text: str, start: int) -> bool:
    """Whether _ALIAS_BEFORE matches up to ``start``. Each of its matches
    holds "zich" in some case, which lower() keeps but for a capital İ;
    looked for first (#13)."""
    window = text[max(0, start - 40) : start]
    if "zich" not in window.lower() and "\u0130" not in window:
        return False
    return bool(_ALIAS_BEFORE.search(text, max(0, start - 40), start))


#: Words after which what follows is someone's name ("weergavenaam Jenthe
#: Coenegracht", even though "-gracht" ends streets).
_NAME_CUE_WORDS = frozenset(
    {"weergavenaam", "genaamd", "geheten", "naam", "roepnaam", "heet", "heette"}
)
#: Words after which a name is an account's: "een tweede account: Drachtster
#: Boys".
_ACCOUNT_WORDS = frozenset({"account", "accountnaam", "profiel", "profielnaam", "naam"})
#: "een man die zich op TikTok 'Koning van Kanaleneiland' noemt": an alias.
_ALIAS_BEFORE = regex.compile(
    r"(?i:(?:man|vrouw|jongen|meisje|jongere|iemand|hij|zij)[ \t]+die[ \t]+zich"
    r"(?:[ \t]+op[ \t]+\w+)?[ \t]*['‘\"“]?)$"
)


def _preposition_before_a_full_name(
    text: str, words: list[tuple[int, int]], context: Context
) -> bool:
    first, second, third = (text[a:b] for a, b in words[:3])
    return (
        first.islower()
        and first in context.interfixes
        and second[:1].isupper()
        and third[:1].isupper()
        and (second.lower() in context.first_names or third.lower() in context.surnames)
    )


def _leads_a_name(text: str, words: list[tuple[int, int]], context: Context) -> bool:
    """A first name before a capitalised word, even when it is also a word
    ("Ben Heijnen", "Wil Jansen"): "Ben" is a verb only before "je"."""
    first = text[words[0][0] : words[0][1]]
    second = text[words[1][0] : words[1][1]]
    if is_first_name(first, context):
        return True
    return (
        first[:1].isupper()
        and first.lower() in context.first_names
        and second[:1].isupper()
        and second.lower() not in context.stop_words
    )


def _made_of_words(text: str, words: list[tuple[int, int]], context: Context) -> bool:
    """Two or more capitalised Dutch words, none a first name, at least one
    no surname either: the name of a team, a programme or a group, not of a
    person ("Weerbaar Bestuur", "Team Digitale Recherche"). "Van Dijk" and
    "Storm Doorn" stay names."""
    if any(_is_initials(text[a:b]) for a, b in words):
        return False  # "A.C. Ploos van Amstel": initials make a person
    core = [text[a:b] for a, b in words if text[a:b].lower() not in context.interfixes]
    if len(core) < 2:
        return False
    lowers = [word.lower() for word in core]
    if any(part in context.first_names for word in lowers for part in word.split("-")):
        return False  # "Daan-Jesse van Rossem"
    known = all(
        all(
            part in context.dictionary
            or part in context.placenames
            or part in lexicon.PLACE_PARTS
            for part in word.split("-")
        )
        for word in lowers
    )
    # "Riet Zeldenrust": a surname that is no word in use makes a person.
    rare_surname = any(
        word in context.surnames
        and word not in context.frequent_words
        and word not in context.placenames
        for word in lowers
    )
    return (
        known
        and not rare_surname
        and any(
            word not in context.surnames and word not in context.placenames
            for word in lowers
        )
    )


#: One capital and a full stop right after a first name, as a surname.
_INITIAL_AFTER = regex.compile(r"[ \t]\p{Lu}\.(?=[\s,;:)]|$)")


def is_first_name(word: str, context: Context) -> bool:
    """A known first name that is not also an ordinary word."""
    lower = word.lower()
    return (
        lower in context.first_names
        and lower not in context.common_words
        and not (lexicon.protects(word) and lower not in lexicon.PLATFORMS)
    )


def _surname_that_is_a_place(word: str, context: Context) -> bool:
    """ "Bram Tiel", "Jayden Nieuw-Amsterdam": after a first name a
    capitalised place is a surname. Not a role or a street ("Bram Kerkstraat"
    is an address)."""
    lower = word.lower()
    if lower in lexicon.ROLE_NOUNS or lower in lexicon.NAMED_PLACE_WORDS:
        return False
    if lower in context.placenames:
        return True  # "Nieuw-Amsterdam" ends like a street ("dam") but is none
    street_end = _street_end(word.lower())
    return not (street_end and street_end.start() >= 3)


_HONORIFICS = lexicon.ROLE_NOUNS | _TITLES


def _is_honorific(word: str) -> bool:
    return word.lower().strip(" ,") in _HONORIFICS


def _is_a_place(
    text: str,
    words: list[tuple[int, int]],
    before: list[str],
    titled: bool,
    context: Context,
    *,
    after_role: bool = False,
) -> bool:
    first = text[words[0][0] : words[0][1]]
    # "op de Dam", "bij de Brink". A surname on its own is written with a
    # capital ("De Vries"); "de Vries" only after a title ("mevrouw de
    # Vries") or a first name, and then it does not start the find.
    if first in _LOCATIVE or (first in context.interfixes and not titled):
        return True
    previous = before[-1].lower() if before else ""
    if previous in lexicon.GROUP_NOUNS or previous in lexicon.LOCATION_NOUNS:
        return True
    # "sportpark De Wiers", "winkelcentrum De Schoof".
    if (
        len(before) >= 2
        and previous in {"de", "het", "'t"}
        and before[-2].lower() in lexicon.LOCATION_NOUNS
    ):
        return True
    # "die gasten uit Emmerich": one capitalised word after "uit" is a place.
    if len(words) == 1 and previous == "uit" and not titled:
        return True
    quoted = words[0][0] > 0 and text[words[0][0] - 1] in "'\"‘“„"
    if quoted and any(w.lower() in lexicon.GROUP_NOUNS for w in before[-4:]):
        return True  # "een groep onder de naam 'Bosrave Goor'"
    if is_place_adjective(first, context):
        return True  # "Drentse Jagers", "Goudse Waarheid"
    if len(words) >= 2 and first.lower() in lexicon.LOCATION_NOUNS:
        return True  # "Winkelcentrum Groenhof", "Stad van de Zon": a place's name
    last = text[words[-1][0] : words[-1][1]]
    street_end = None if after_role else _street_end(last)
    # "Pololaan" is a street; "Van Dijk" and "Brink" are people, and so are
    # "Jurre Veendam" and "Sepp Hulshof": a place or a known surname that
    # ends like a street is no street.
    return bool(
        street_end
        and street_end.start() >= 3
        and last.lower() not in context.placenames
        and last.lower() not in context.surnames
    )


def _surname_that_is_a_word(word: str, context: Context) -> bool:
    if _is_title(word, context) or word.lower() in context.placenames:
        return False
    street_end = _street_end(word.lower())
    return not (street_end and street_end.start() >= 3)


@dataclass
class Person:
    first_names: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    surname: str | None = None
    first_seen: int = 0

    def accepts(self, name: Name) -> bool:
        if name.surname and self.surname and name.surname != self.surname:
            return False
        if name.first and self.first_names and name.first not in self.first_names:
            return False
        if name.initials and self.first_names:
            return any(f.startswith(name.initials[0].lower()) for f in self.first_names)
        if name.initials and self.initials:
            return any(i[0] == name.initials[0] for i in self.initials)
        return True

    def add(self, name: Name) -> None:
        if name.first:
            self.first_names.add(name.first)
        if name.initials:
            self.initials.add(name.initials)
        self.surname = self.surname or name.surname


def cluster(mentions: list[tuple[int, str]], context: Context) -> list[int]:
    """The person index of each mention ``(start, text)``, numbered in order
    of first appearance."""
    # Each spelling parsed once: a text names someone many times (#13).
    names = {text: parse_name(text, context) for text in {text for _, text in mentions}}
    parsed = [names[text] for _, text in mentions]
    people: list[Person] = []
    assigned: list[Person | None] = [None] * len(mentions)
    # Full names first, so that a lone "Jan" or "De Vries" joins them.
    order = sorted(
        range(len(mentions)),
        key=lambda i: (
            not (parsed[i].surname and (parsed[i].first or parsed[i].initials)),
            mentions[i][0],
        ),
    )
    for i in order:
        name = parsed[i]
        assigned[i] = _find(people, name) or _new(people, name)
        assigned[i].add(name)
        assigned[i].first_seen = min(assigned[i].first_seen, mentions[i][0])
    ranked = sorted(people, key=lambda p: p.first_seen)
    return [ranked.index(person) for person in assigned]  # type: ignore[arg-type]


#: Compiled once, not looked up in regex's cache on every call (#13).
_GENITIVE_END = regex.compile(r"['’]?s$|['’]$")


def _find(people: list[Person], name: Name) -> Person | None:
    if name.surname is None and name.first and not name.initials:
        # A single word: a known surname first, then a known first name;
        # a genitive ("Nouris", "Sven's") is the name without its s.
        stem = (
            _GENITIVE_END.sub("", name.first)
            if name.first.endswith(("s", "'", "’", "\n"))  # what it can take off
            else name.first
        )
        for word in (name.first, stem):
            for person in people:
                if person.surname == word:
                    return person
            for person in people:
                if word in person.first_names:
                    return person
        return None
    if name.surname is not None and not name.first and not name.initials:
        for person in people:
            if person.surname == name.surname:
                return person
        return None
    full = [p for p in people if p.surname == name.surname and p.accepts(name)]
    return full[0] if full else None


def _new(people: list[Person], name: Name) -> Person:
    person = Person(first_seen=10**12)
    people.append(person)
    return person


#: Longer "names" are runs of capitalised words, not someone's name.
MAX_NAME_WORDS = 6

_H = r"[ \t\xa0]"  # a space within a line: names do not run over a line end
_INTERFIX = (
    rf"(?i:van{_H}de[rn]?|van{_H}'?t|van{_H}het|van|de|der|den|ten|ter|op{_H}de"
    rf"|in{_H}'t|el|al)"
)


def more_mentions(text: str, names: list[str], context: Context) -> Iterator[Candidate]:
    """Later mentions of people already found: the surname with or without
    its tussenvoegsel ("De Vries"; "Vries" alone only when it is not a
    place), and first names. One pass over the text for all names."""
    alone: set[str] = set()  # surnames that may stand alone
    with_interfix: set[str] = set()  # surnames that are places: "de Vries"
    firsts: set[str] = set()
    for value in names:
        words = value.split()
        first_word = words[0].lower()
        if len(words) > MAX_NAME_WORDS or (
            first_word in context.common_words and first_word not in context.first_names
        ):
            continue  # a run of words, or a title ("Koning van Kanaleneiland")
        name = parse_name(value, context)
        core = " ".join(
            w for w in name.surname_words if w.lower() not in context.interfixes
        )
        if core:
            (alone if _surname_alone(core, context) else with_interfix).add(core)
        if name.first_text and _usable_alone(name.first_text, context):
            firsts.add(name.first_text)
    # Written as in a chat: "yara" for Yara, and the genitive "Svens".
    firsts |= {f.lower() for f in firsts} | {f.capitalize() for f in firsts}
    # "erwin mol" for Erwin Mol, as a chat writes it.
    for value in names:
        # The substring test first: most texts never write the name so, and
        # compiling a pattern for each name and text was a tenth of the time.
        if (
            " " in value
            and value.lower() != value
            and len(value) <= 40
            and value.lower() in text
        ):
            for match in re.finditer(
                rf"(?<![\w@.-]){re.escape(value.lower())}(?![\w@-])", text
            ):
                yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)
    single = {w for w in alone | with_interfix if " " not in w}
    if firsts or single:
        yield from _single_word_mentions(text, alone, with_interfix, firsts, context)
    for words, needs_interfix in ((alone, False), (with_interfix, True)):
        several = {w for w in words if " " in w}
        if several:  # rare: "El Amrani", a double surname
            interfix = f"{_INTERFIX}{_H}" if needs_interfix else f"(?:{_INTERFIX}{_H})?"
            pattern = (
                rf"(?<![\w@.-]){interfix}{_any(several)}{_GENITIVE}(?![\w@-]|\.\w)"
            )
            for match in re.finditer(pattern, text):
                yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)


#: One word, perhaps after a tussenvoegsel and with a genitive s. Matched
#: once per text, then looked up in the sets of known names: a pattern made
#: of the names themselves would have to be compiled for every text.
_MENTION = re.compile(
    rf"(?<![\w@.-])(?:(?P<interfix>{_INTERFIX}){_H})?"
    r"(?P<word>[^\W\d_][\w'’-]{0,40}?)(?P<genitive>['’]?s)?(?![\w@-]|\.\w)"
)


def _single_word_mentions(
    text: str,
    alone: set[str],
    with_interfix: set[str],
    firsts: set[str],
    context: Context,
) -> Iterator[Candidate]:
    """One pass over the words: a known name as written, or misspelt by one
    letter (``_misspelt``). Only the words around a name, or around a word
    that is one misspelt, are matched (#13)."""
    known = {n.lower() for n in (*alone, *firsts) if len(n) >= 5 and " " not in n}
    surnames = alone | with_interfix
    every_name = surnames | firsts
    misspelt, runs = _misspellings(text, known, context)
    starts = places(text, {name for name in every_name if name} | runs)
    for match in _mentions_at(text, starts):
        word, genitive = match.group("word"), match.group("genitive") or ""
        # "Mees" is a name, not the genitive of "Mee".
        if word + genitive in every_name:
            word, genitive = word + genitive, ""
        end = match.end("word") + len(genitive) if genitive else match.end()
        if match.group("interfix") and word in surnames:
            yield Candidate(match.start(), end, Label.PERSON, PERSON)
        elif word in alone or word in firsts:
            yield Candidate(match.start("word"), end, Label.PERSON, PERSON)
        elif text[match.start("word") : end].lower() in misspelt:
            yield Candidate(match.start("word"), end, Label.PERSON, PERSON)


#: The word and genitive of a _MENTION match are a run of these, or a run
#: and "'s" or "’s"; the run starts after no word character or hyphen.
_RUN = re.compile(r"[^\W\d_][\w-]*")
_RUN_BEFORE_GENITIVE = re.compile(r"(?<![\w-])[^\W\d_][\w-]*+(?=['’]s)")


def _misspellings(
    text: str, known: set[str], context: Context
) -> tuple[set[str], set[str]]:
    """The words of ``text`` that ``_misspelt`` takes for a ``known`` name
    (in lower case), and the runs (``_RUN``) they are made of."""
    if not known:
        return set(), set()
    runs = set(_RUN.findall(text))
    # Most words are known ones: left out at the speed of sets.
    words = (
        set(map(str.lower, runs))
        - known
        - context.common_words
        - context.frequent_words
    )
    # One letter off, a word of five letters or more keeps the first two or
    # the last two: a cheap test before _misspelt's (#13).
    heads = {name[:2] for name in known}
    tails = {name[-2:] for name in known}
    misspelt = {
        word
        for word in words
        if (word[:2] in heads or word[-2:] in tails) and _misspelt(word, known, context)
    }
    found = {run for run in runs if run.lower() in misspelt} if misspelt else set()
    if "'s" in text or "’s" in text:
        for run in set(_RUN_BEFORE_GENITIVE.findall(text)):
            for genitive in ("'s", "’s"):
                word = (run + genitive).lower()
                if _misspelt(word, known, context):
                    misspelt.add(word)
                    found.add(run)
    return misspelt, found


def _mentions_at(text: str, starts: list[int]) -> Iterator[re.Match]:
    """The matches of ``_MENTION.finditer(text)`` that take in one of the
    ``starts`` (in order), and a few others: scanned from shortly before
    each start, where no match runs over (``_scan_start``), to past it.
    Each stretch of text is walked and scanned about once."""
    position = 0  # from here on, the matches are those of the whole text
    following: re.Match | None = None  # the first of them, once searched for
    for start in starts:
        if start < position or (following is not None and following.start() > start):
            continue  # in the last match taken, or in none
        floor = position if following is None else following.start()
        scan = _scan_start(text, start, floor)
        if scan > position:
            position = scan
            if following is not None and following.start() < position:
                following = None
        while True:
            if following is None:
                if position == start:
                    following = _MENTION.match(text, position)
                    if following is None:
                        break  # none here: start is in no match
                else:
                    following = _MENTION.search(text, position)
                    if following is None:
                        return  # no match left
            if following.start() > start:
                break
            yield following
            position = following.end()
            following = None


#: A match of _MENTION holds only these, and the spaces after (the first
#: word of) an interfix: "van de Vries", "op de Kamp".
_MENTION_CHARACTER = re.compile(r"[\w'’-]")
_INTERFIX_BEFORE = re.compile(rf"(?<![\w@.-])(?:{_INTERFIX}|(?i:op|in))\Z")
_INTERFIX_LAST_LETTERS = frozenset("nertplNERTPL")


def _scan_start(text: str, position: int, floor: int = 0) -> int:
    """A position at or before ``position`` that no match of _MENTION runs
    over: scanned from there, _MENTION finds the matches that it finds in
    the whole text. That is after a character that no match holds, or
    after a space that follows no interfix; or ``floor``, a position known
    to be one."""
    while position > floor:
        char = text[position - 1]
        if char in " \t\xa0":
            # An interfix ends in one of these letters, in either case.
            if text[position - 2 : position - 1] not in _INTERFIX_LAST_LETTERS:
                return position
            interfix = _INTERFIX_BEFORE.search(
                text, max(0, position - 12), position - 1
            )
            if interfix is None:
                return position
            position = interfix.start()
        elif _MENTION_CHARACTER.match(char):
            position -= 1
        else:
            return position
    return floor


_AND_AFTER = regex.compile(
    r"[ \t]+(?:en|of|&)[ \t]+(?P<word>\p{Lu}\p{Ll}{2,20})(?![\w@-])"
)
_AND_AFTER_LOWER = regex.compile(
    r"[ \t]+(?:en|of|&)[ \t]+(?P<word>\p{Ll}{2,20})(?![\w@-])"
)
_AND_BEFORE = regex.compile(
    r"(?<![\w@.-])(?P<word>\p{Lu}\p{Ll}{2,20})[ \t]+(?:en|of|&)[ \t]+$"
)
#: Person nouns after which a capitalised word is a name, listed or not:
#: "de broers Suleiman", "De jongste, Majd,".
_RELATIVE = r"(?i:(?<![\w-])(?:" + lexicon.alternation(lexicon.RELATIVE_NOUNS) + "))"
_PERSON_NOUN_BEFORE = regex.compile(
    _RELATIVE + r",?[ \t]+(?P<word>\p{Lu}\p{Ll}{2,20})(?![\w@-])"
)


#: "gesprek met Dailyn", "het komt van 'Flexx'": after these a capitalised
#: word in no Dutch list at all (not even as a name) is a person's name.
_UNKNOWN_AFTER_PREPOSITION = regex.compile(
    r"(?<![\w-])(?:(?:met|volgens|door|tegen)[ \t]+['‘\"“]?|van[ \t]+['‘\"“])"
    r"(?P<word>\p{Lu}\p{Ll}{2,20})(?![\w@-])"
)
#: "zn broertje kevo": a lower-case word in no list after a relative.
_LOWER_AFTER_RELATIVE = regex.compile(
    _RELATIVE + r"[ \t]+(?P<word>\p{Ll}{3,20})(?![\w@-])"
)


def coordinated_names(
    text: str, chosen: list[Candidate], context: Context
) -> Iterator[Candidate]:
    """Names no list knows, by what stands next to them: listed with a
    person found ("met Achraf en Yonas") or after a word for a relative
    ("de broers Suleiman")."""
    for candidate in chosen:
        if candidate.label is not Label.PERSON:
            continue
        # "met milou en sterre": a lower-case first name after a lower-case one.
        lower_after = _and_after(_AND_AFTER_LOWER, text, candidate.end)
        if (
            lower_after
            and text[candidate.start : candidate.end].islower()
            and lower_after.group("word") in context.first_names
            and lower_after.group("word") not in context.stop_words
        ):
            yield Candidate(*lower_after.span("word"), Label.PERSON, PERSON)
        after = _and_after(_AND_AFTER, text, candidate.end)
        if after and can_only_be_a_name(after.group("word"), context):
            yield Candidate(*after.span("word"), Label.PERSON, PERSON)
        before = _and_before(text, candidate.start)
        if before and can_only_be_a_name(before.group("word"), context):
            yield Candidate(*before.span("word"), Label.PERSON, PERSON)
    relatives = _relative_starts(text)
    for match in _after_relatives(_PERSON_NOUN_BEFORE, text, relatives):
        if can_only_be_a_name(match.group("word"), context):
            yield Candidate(*match.span("word"), Label.PERSON, PERSON)
    for matches in (
        _UNKNOWN_AFTER_PREPOSITION.finditer(text),
        _after_relatives(_LOWER_AFTER_RELATIVE, text, relatives),
    ):
        for match in matches:
            word = match.group("word")
            if word.lower() not in context.dictionary and can_only_be_a_name(
                word, context
            ):
                yield Candidate(*match.span("word"), Label.PERSON, PERSON)


def _and_after(pattern: regex.Pattern, text: str, end: int) -> regex.Match | None:
    """``pattern.match(text, end)`` for _AND_AFTER and _AND_AFTER_LOWER,
    which open with a space or a tab: most names are followed by neither,
    and are not matched (#13)."""
    if not text.startswith((" ", "\t"), end):
        return None
    return pattern.match(text, end)


def _and_before(text: str, start: int) -> regex.Match | None:
    """``_AND_BEFORE.search`` in the 30 characters before ``start``, tried
    only where they end in "en", "of" or "&" and spaces or tabs (perhaps a
    line end after them: "$" matches there too). Those end every match:
    after its word come spaces, the conjunction, spaces, the end (#13)."""
    window_start = max(0, start - 30)
    if not text[window_start:start].rstrip(" \t\n").endswith(("en", "of", "&")):
        return None
    return _AND_BEFORE.search(text, window_start, start)


#: Where a relative noun (``_RELATIVE``) can start, in the folded text
#: (``lexicon.folded_text``); found by re, many times faster than regex
#: tries the case-insensitive pattern at every character (#13).
_RELATIVE_STARTS = re.compile(
    r"(?<![a-z0-9_\-])(?:" + lexicon.alternation(lexicon.RELATIVE_NOUNS) + ")"
)


def _relative_starts(text: str) -> list[int] | None:
    """Where the patterns that start with a relative noun can match; None
    when anywhere."""
    folded = lexicon.folded_text(text)
    return None if folded is None else lexicon.cue_starts(_RELATIVE_STARTS, folded)


def _after_relatives(
    pattern: regex.Pattern, text: str, starts: list[int] | None
) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern that starts with
    ``_RELATIVE``, tried at its ``starts``."""
    if starts is None:
        return pattern.finditer(text)
    return matches_at(pattern, text, starts)


def _misspelt(lower: str, known: set[str], context: Context) -> bool:
    """A known name written with one letter wrong, as in a chat ("wauters"
    for Wouters, "Mohamed" for Mohammed): a word of five letters or more,
    not counted as a Dutch word in use ("bakken" is no misspelt Bakker), one
    edit away from a name of this text."""
    return (
        len(lower) >= 5
        and lower not in known
        and lower not in context.common_words
        and lower not in context.frequent_words
        and any(_one_edit_apart(lower, name) for name in known)
    )


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter replaced, added, left out, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1] if diffs else (0, 0)
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return True
    return False


_GENITIVE = r"(?:['’]?s)?"


def _any(words: set[str]) -> str:
    """An alternation of ``words``, longest first, matched case-sensitively."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(word) for word in ordered) + ")"


def _surname_alone(surname: str, context: Context) -> bool:
    """A surname that is also a word ("Vos", "Storm") still stands alone
    for the person once we know them; one that is a place ("Vries") does
    not."""
    lower = surname.lower()
    return " " in surname or (
        len(lower) >= 3
        and lower not in context.placenames
        and lower not in context.stop_words
        and not lexicon.protects(surname)
    )


def _usable_alone(word: str, context: Context) -> bool:
    """A first name that can stand alone without being something else."""
    lower = word.lower().strip(".")
    # A platform that is also a first name ("Kick") is a name once the text
    # has used it as one.
    platform_name = lower in lexicon.PLATFORMS and lower in context.first_names
    return (
        len(lower) >= 3
        and (word[:1].isupper() or lower in context.first_names)
        and lower not in context.common_words
        and lower not in context.placenames
        and (platform_name or not lexicon.protects(word))
        and " " not in lower
    )
