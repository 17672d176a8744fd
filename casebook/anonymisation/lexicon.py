"""Words the anonymiser must keep, and the cue words around personal data.

A case is useful because it says where, on which platform, which
organisations acted and with which legal instruments. These words can look
like names to Deduce ("Halt", "Signal", "Kick") and are protected here.
All entries are matched in lower case unless noted.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .scanning import matches_at, places


def alternation(
    words: Iterable[str], *, ignore_case: bool = False, space: str | None = None
) -> str:
    r"""An alternation of the literal ``words`` that matches exactly as
    ``w1|w2|...`` with the words longest first does, written as a trie
    ("a(?:gent|anklager)|b..."): at each position the regex engine only
    tries the words that share its first letters, not all of them, which
    halves the time of a pattern built on a long list. With ``space``, a " "
    in a word becomes that pattern (r"\s+"). For ``ignore_case`` (the
    pattern is case-insensitive) the trie is built in lower case, which only
    holds for letters with one plain upper and lower case; a list with
    others is written out as it is.
    """
    words = list(words)
    if ignore_case and not all(_plain_case(ch) for word in words for ch in word):
        longest_first = sorted(words, key=len, reverse=True)
        return "|".join(_escaped(word, space) for word in longest_first)
    trie: dict = {}
    for word in words:
        node = trie
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_source(trie, space)


def _plain_case(char: str) -> bool:
    return char.isascii() or (
        ord(char) < 0x250
        and char not in "ßµſıİ"
        and len(char.lower()) == len(char.upper()) == 1
    )


def _escaped(word: str, space: str | None) -> str:
    if space is None:
        return regex.escape(word)
    return space.join(regex.escape(part) for part in word.split(" "))


def _trie_source(node: dict, space: str | None) -> str:
    """Longer words before a word that ends here: the order in which the
    plain alternation, longest first, tries the words that match."""
    branches = []
    for char in sorted(key for key in node if key):
        head = space if space is not None and char == " " else regex.escape(char)
        child = node[char]
        tail = _trie_source(child, space)
        if len(child) > 1:
            tail = "(?:" + tail + ")"
        branches.append(head + tail)
    if "" in node:
        branches.append("")
    return "|".join(branches)


PLATFORMS = frozenset(
    """
    tiktok telegram snapchat snap instagram insta whatsapp facebook messenger
    youtube discord signal reddit twitch kick threads bluesky mastodon twitter x
    linkedin pinterest tumblr bereal wechat viber line vk vkontakte grindr tinder
    rumble gab
    parler onlyfans roblox fortnite minecraft steam playstation
    xbox google snapmap whatsapp-groep whatsappgroep teams zoom
    webex
    telegramgroep telegramkanaal tiktokker tiktokkers
    """.split()
) | {
    # Names of several words stay whole: "truth" or "maps" alone is no
    # platform, and a platform that is also a first name ("Kick") is a
    # person when a surname follows (see people.refine).
    "truth social",
    "google maps",
    "snap map",
    "microsoft teams",
    "facebook messenger",
}

# Multi-word names and acronyms of organisations and roles in the field.
ORGANISATIONS = frozenset(
    {
        "gemeente",
        "politie",
        "om",
        "openbaar ministerie",
        "nctv",
        "bzk",
        "jenv",
        "vng",
        "ccv",
        "halt",
        "veilig thuis",
        "raad voor de kinderbescherming",
        "leger des heils",
        "jongerenwerk",
        "jongerenwerker",
        "jongerenwerkers",
        "me",
        "mobiele eenheid",
        "koninklijke marechaussee",
        "kmar",
        "marechaussee",
        "boa",
        "boa's",
        "handhaving",
        "jeugdzorg",
        "justitie",
        "officier van justitie",
        "ggd",
        "ggz",
        "riec",
        "lies",
        "zorg- en veiligheidshuis",
        "veiligheidshuis",
        "veiligheidsregio",
        "rijksoverheid",
        "ministerie",
        "ministerie van justitie en veiligheid",
        "ministerie van binnenlandse zaken",
        "aivd",
        "mivd",
        "fiod",
        "nfi",
        "dji",
        "reclassering",
        "leerplicht",
        "leerplichtambtenaar",
        "wijkteam",
        "buurtwacht",
        "brandweer",
        "ambulance",
        "nos",
        "anp",
        "rtv",
        "meld misdaad anoniem",
        "team digitale opsporing",
        "regionale eenheid",
        "eenheid",
        "basisteam",
        "rtic",
        "oc",
        "sgbo",
        "gbo",
        "dienst speciale interventies",
        "dsi",
        "ic",
        "oov",
        "oaov",
        "apv",
        "rdw",
        "duo",
        "kvk",
        "ind",
        "coa",
        "tweede kamer",
        "justitie en veiligheid",
        "binnenlandse zaken",
        "binnenlandse zaken en koninkrijksrelaties",
        "nationaal coördinator terrorismebestrijding en veiligheid",
        "centrum voor criminaliteitspreventie en veiligheid",
        "algemene inlichtingen- en veiligheidsdienst",
        "vereniging van nederlandse gemeenten",
        "microsoft teams",
        "burgernet",
        "burgernetapp",
        "nl-alert",
        "amber alert",
        "eerste kamer",
        "raad van state",
        "nationale politie",
        "dreigingsbeeld",
        "dreigingsbeeld terrorisme nederland",
        "rechtbank",
        "gerechtshof",
        "hoge raad",
        "meld een vermoeden",
        "europol",
        "interpol",
    }
)

LEGAL_TERMS = frozenset(
    {
        "noodverordening",
        "noodbevel",
        "gebiedsverbod",
        "dwangsom",
        "last onder dwangsom",
        "apv",
        "gemeentewet",
        "wetboek van strafrecht",
        "wetboek van strafvordering",
        "opiumwet",
        "wet damocles",
        "wet bibob",
        "bibob",
        "wet mbveo",
        "wet maatregelen bestrijding voetbalvandalisme",
        "cameratoezicht",
        "veiligheidsrisicogebied",
        "preventief fouilleren",
        "samenscholingsverbod",
        "demonstratierecht",
        "wet openbare manifestaties",
        "wom",
        "sr",
        "sv",
        "awb",
        "algemene wet bestuursrecht",
        "grondwet",
        "evrm",
        "avg",
        "wpg",
        "wet politiegegevens",
        "wjsg",
        "proces-verbaal",
        "aangifte",
        "bestuurlijke ophouding",
        "lik-op-stukbeleid",
        "snelrecht",
        "supersnelrecht",
        "taakstraf",
        "voorlopige hechtenis",
    }
)

#: Feasts and events that carry a person's name or look like one.
EVENTS = frozenset(
    {
        "sinterklaas",
        "zwarte piet",
        "pieten",
        "koningsdag",
        "koningsnacht",
        "bevrijdingsdag",
        "oud en nieuw",
        "oudejaarsavond",
        "nieuwjaarsdag",
        "carnaval",
        "kerst",
        "kerstmis",
        "pasen",
        "pinksteren",
        "ramadan",
        "suikerfeest",
        "offerfeest",
        "halloween",
        "sint-maarten",
        "kermis",
        "prinsjesdag",
        "dodenherdenking",
        "keti koti",
        "project x",
        "avondklok",
    }
)

#: Words for the phenomena themselves, capitalised at the start of a title.
PHENOMENA = frozenset(
    """
    pedojagers pedojager pedojacht rellen relschoppers rel hooligans
    avondklokrellen oproer oproerkraaiers relzoekers onrust ongeregeldheden
    demonstratie demonstranten tegendemonstranten jaarwisseling vuurwerk
    ondermijning doxing doxxing
    """.split()
)

#: Places Deduce's list lacks, and words that make a part of town of a
#: place ("Amsterdam-Noord", "Rotterdam-Zuid").
PLACES = frozenset(
    {
        "den bosch",
        "mokum",
        "randstad",
        "veluwe",
        "achterhoek",
        "twente",
        "kop van schouwen",
        "kop van overijssel",
        "kop van noord-holland",
        "brabant",
        "limburg",
        "friesland",
        "fryslân",
        "zeeland",
        "holland",
        "nederland",
        "belgië",
        "duitsland",
    }
)
PLACE_PARTS = frozenset({"noord", "zuid", "oost", "west", "centrum", "nieuw", "oud"})

#: Movements, campaigns, parties and companies that turn up in cases: their
#: names look like people's ("Farmers Defence Force", "Tata Steel").
MOVEMENTS = frozenset(
    {
        "extinction rebellion",
        "farmers defence force",
        "greenpeace",
        "milieudefensie",
        "black lives matter",
        "kick out zwarte piet",
        "kozp",
        "nederland in verzet",
        "viruswaarheid",
        "fridays for future",
        "code rood",
        "pegida",
        "identitair verzet",
        "erkenbrand",
        "voorpost",
        "antifa",
        "wakker dier",
        "animal rights",
        "amnesty international",
        "me too",
        "forum voor democratie",
        "partij voor de dieren",
        "nieuw sociaal contract",
        "boerburgerbeweging",
        "boer burger beweging",
        "groenlinks",
        "christenunie",
        "tata steel",
        "shell",
        "schiphol",
        "albert heijn",
        "prorail",
        "postnl",
        "thuisbezorgd",
        "hema",
        "aldi",
        "lidl",
        "jumbo",
        "action",
        "zara",
        "nike",
        "avia",
        "kruidvat",
        "primark",
        "etos",
        "ikea",
        "blokker",
        "febo",
        "kfc",
        "burger king",
        "marktplaats",
        "geenstijl",
    }
)

#: Football clubs of the two professional leagues, by the names supporters
#: and reports use; "FC …", "… Sport" and the like are found by shape below.
FOOTBALL_CLUBS = frozenset(
    """
    ajax feyenoord psv az vitesse heerenveen heracles excelsior sparta telstar
    cambuur twente nac nec pec mvv vvv rkc dordrecht volendam knvb
    """.split()
) | frozenset(
    {
        "rkc waalwijk",
        "willem ii",
        "roda jc",
        "de graafschap",
        "go ahead eagles",
        "fortuna sittard",
        "almere city",
        "ado den haag",
        "top oss",
        "jong ajax",
        "jong psv",
        "jong az",
        "fc volendam",
    }
)

#: Car makes: "een grijze Opel Astra" is a car, not a person; the model after
#: the make is found below.
CAR_MAKES = frozenset(
    """
    audi bmw citroën citroen dacia fiat ford honda hyundai kia lexus mazda
    mercedes mercedes-benz mini mitsubishi nissan opel peugeot porsche renault
    seat skoda škoda suzuki tesla toyota volkswagen vw volvo alfa jeep lynk
    polestar cupra smart saab chevrolet chrysler dodge jaguar landrover subaru
    """.split()
)

#: Everything above, for filtering names: a "name" that is one of these stays.
PROTECTED = (
    PLATFORMS
    | ORGANISATIONS
    | LEGAL_TERMS
    | EVENTS
    | PHENOMENA
    | PLACES
    | MOVEMENTS
    | FOOTBALL_CLUBS
    | CAR_MAKES
)

#: Nouns after which a (quoted) name is a group's, which stays: "de groep
#: 'Drentse Jagers'", "de Facebookpagina 'Apeldoorn Zegt Nee'".
GROUP_NOUNS = frozenset(
    """
    groep groepen groepje groepsapp groepschat chat kanaal pagina community
    server telegramgroep telegramkanaal facebookgroep facebookpagina
    telegram-groep telegram-kanaal facebook-groep facebook-pagina signalgroep
    whatsappgroep whatsapp-groep snapchatgroep snapchat-groep instagramgroep
    buurtapp buurtwhatsapp appgroep
    discordserver discord-server actiegroep beweging collectief
    """.split()
)

#: Capitalised words after a name that make it the name of a place or an
#: institution ("Philips de Jongh Park", "Willem Alexander Stadion").
NAMED_PLACE_WORDS = frozenset(
    """
    park plein laan straat weg kade singel brug tunnel stadion sporthal
    ziekenhuis kliniek college lyceum school academie museum theater kerk
    moskee huis hof bos plantsoen centrum paviljoen hal zaal fonds stichting
    prijs instituut
    """.split()
)

#: Lower-case nouns after which a capitalised word is a place, not a
#: person ("park Schothorst", "de wijk Lombok", "station Zaandam").
LOCATION_NOUNS = frozenset(
    """
    park wijk buurt woonwijk stadsdeel dorp stad kern gemeente provincie regio
    station winkelcentrum plein haven strand bos recreatiegebied camping
    parkeerplaats sportpark stadion wijkcentrum buurthuis moskee kerk
    sporthal zwembad jeugdhonk hangplek skatebaan bedrijventerrein
    industrieterrein polder vijver meer rivier
    """.split()
)

#: Acronyms that only count as protected in upper case ("OM", not "om");
#: some are also first names ("Lies").
UPPERCASE_ONLY = frozenset(
    {"om", "me", "oc", "ic", "sr", "sv", "x", "lies", "line", "snap", "steam", "ind"}
)


_PHRASES = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + alternation(
        (phrase for phrase in PROTECTED if " " in phrase),
        ignore_case=True,
        space=r"\s+",
    )
    # Also as the head of a compound: "Keti Koti-viering".
    + r")(?:(?![\w-])|(?=-\p{Ll}))"
)
#: Where _PHRASES can start, in the folded text (``folded_text``): the first
#: two words of a phrase, not after a letter, digit or hyphen that is
#: certainly one in ``text`` too. Python's re scans for these literals
#: ten times faster than regex tries the case-insensitive pattern at every
#: character (#13). re's \s takes in every character that regex's \s does.
_PHRASE_STARTS = re.compile(
    r"(?<![a-z0-9_\-])(?:"
    + alternation(
        {
            " ".join(phrase.lower().split(" ")[:2])
            for phrase in PROTECTED
            if " " in phrase
        },
        space=r"\s+",
    )
    + ")"
)


#: Regional bodies, each followed by the name of a region: "GGD Hollands
#: Noorden", "Veiligheidsregio Gooi en Vechtstreek", "RTV Rijnmond".
_REGIONAL_BODIES = (
    "GGD",
    "GGZ",
    "RIEC",
    "RTV",
    "Omroep",
    "Veiligheidsregio",
    "Politie",
    "Regionale",
    "Basisteam",
    "Team",
    "Halt",
    "Arrondissementsparket",
    "Parket",
    "Rechtbank",
    "Gerechtshof",
    "basisteam",
    "politie",
    "eenheid",
    "Expertisecentrum",
    "Eenheid",
    "Districtsrecherche",
    "Jongerenwerk",
    "Jeugdbescherming Eenheid",
    "Zorg- en Veiligheidshuis",
    "Veiligheidshuis",
    "Veilig Thuis",
)
_REGIONAL_BODY = regex.compile(
    r"(?<![\w-])(?:"
    + "|".join(body.replace(" ", r"[ \t]") for body in _REGIONAL_BODIES)
    + r")(?:[ \t](?:(?:en|aan|de|den|van|op|in)[ \t])?\p{Lu}[\p{L}-]+){1,4}"
)
#: Every match of _REGIONAL_BODY starts with one of these (#13).
_REGIONAL_STARTS = frozenset(body.split(" ")[0] for body in _REGIONAL_BODIES)


@dataclass(frozen=True)
class _Shape:
    """One alternative of _NAMED_BY_SHAPE, and what stands in each of its
    matches: where that is missing, it need not be looked for (#13)."""

    source: str
    #: Words as written, one of which stands in every match.
    words: tuple[str, ...] = ()
    #: Or a cue that every match has in the folded text (``folded_text``).
    cue: re.Pattern | None = None

    def may_match(self, text: str, folded: str | None, *, any_word: bool) -> bool:
        """``any_word``: whether a word of any shape stands in ``text``."""
        return (any_word and any(word in text for word in self.words)) or (
            self.cue is not None and (folded is None or bool(self.cue.search(folded)))
        )


_CAP = r"\p{Lu}[\p{L}'’-]+"
_FOUNDATIONS = ("Stichting", "Dienst", "Vereniging", "Coöperatie", "Fonds")
_FOUNDATIONS += ("Genootschap", "Woningcorporatie")
_CLUBS = ("FC", "SC", "SV", "VV", "RKSV", "RKVV", "VVV", "AFC", "HFC", "FK")
_CLUB_ENDS = ("Sport", "City", "United", "Stadion", "Stadium", "Arena", "Centraal")
_OPERATIONS = ("sgbo", "operatie", "actie", "project", "codenaam", "draaiboek")
#: The alternatives of _NAMED_BY_SHAPE, in its order.
_SHAPES = (
    # "Stichting Rijnwijs", "Dienst Regionale Informatieorganisatie".
    _Shape(
        rf"(?:\p{{Lu}}\p{{Ll}}*stichting|{'|'.join(_FOUNDATIONS)})"
        rf"(?:[ \t](?:(?:voor|van|de|het|en|der)[ \t])?{_CAP}){{1,4}}",
        words=("stichting", *_FOUNDATIONS),
    ),
    # "woningcorporatie Lekstede Wonen": the name after the lower-case noun.
    _Shape(
        r"(?<=(?i:woningcorporatie|corporatie|woonstichting)[ \t])"
        rf"{_CAP}(?:[ \t]{_CAP}){{0,2}}",
        cue=re.compile(r"(?:corporatie|woonstichting)[ \t]"),
    ),
    # "FC Den Bosch", "SV Spakenburg", "Helmond Sport", "Philips Stadion".
    _Shape(
        rf"(?:{'|'.join(_CLUBS)})(?:[ \t](?:Den|De)?[ \t]?{_CAP}){{1,2}}",
        words=_CLUBS,
    ),
    _Shape(
        rf"{_CAP}(?:[ \t]{_CAP})?[ \t](?:{'|'.join(_CLUB_ENDS)})",
        words=_CLUB_ENDS,
    ),
    _Shape(
        rf"(?:Stadion|Sportpark)[ \t](?:De[ \t]|Het[ \t])?{_CAP}",
        words=("Stadion", "Sportpark"),
    ),
    # "Vrij Westland Verzet", "Nijmegen Ontwaakt", "Apeldoorn Zegt Nee",
    # "Oldambt Jagers", "Jagers Rijk van Nijmegen", "Boerenverzet Flevoland",
    # "Trots op de Kop van Overijssel", "Hart voor LV".
    _Shape(
        rf"(?:{_CAP}[ \t]){{1,3}}(?:Verzet|Ontwaakt|Wakker|Zegt[ \t]Nee|Rebellion"
        r"|Jagers)",
        words=("Verzet", "Ontwaakt", "Wakker", "Zegt", "Rebellion", "Jagers"),
    ),
    _Shape(
        rf"(?:{_CAP}[ \t]){{0,3}}"
        rf"(?:Jagers|\p{{Lu}}\p{{Ll}}{{2,}}(?:verzet|belang|protest|collectief|jagers))"
        rf"(?:[ \t](?:(?:van|de|het|op|en|aan)[ \t]){{0,2}}"
        rf"(?:{_CAP}|\p{{Lu}}{{2,5}})){{0,4}}",
        words=("Jagers", "verzet", "belang", "protest", "collectief", "jagers"),
    ),
    _Shape(
        r"(?:Trots[ \t]op|Hart[ \t]voor|Stop[ \t]de)"
        rf"(?:[ \t](?:(?:van|de|het|den)[ \t])*(?:{_CAP}|\p{{Lu}}{{2,5}})){{1,4}}",
        words=("Trots", "Hart", "Stop"),
    ),
    # A car with its model: "Opel Astra", "Volkswagen Golf", "VW Polo GTI".
    _Shape(
        rf"(?i:{'|'.join(sorted(CAR_MAKES, key=len, reverse=True))})"
        r"(?:[ \t](?:\p{Lu}[\p{L}\p{N}-]*|\p{N}{1,4}[\p{L}]{0,3})){1,2}",
        cue=re.compile(r"(?<![a-z0-9_\-])(?:" + alternation(CAR_MAKES) + r")[ \t]"),
    ),
    # An operation's or event's name in quotes: "SGBO 'Derby'".
    _Shape(
        rf"(?<=(?i:{'|'.join(_OPERATIONS)})[ \t]['‘\"“])"
        r"\p{Lu}[^'’\"”\n]{1,40}(?=['’\"”])",
        cue=re.compile(rf"(?:{'|'.join(_OPERATIONS)})[ \t]['‘\"“]"),
    ),
)
#: Names of organisations, clubs, venues, movements and things by their
#: shape; all context, even when their words look like a person's name.
_NAMED_BY_SHAPE = regex.compile(
    r"(?<![\w-])(?:" + "|".join(shape.source for shape in _SHAPES) + r")(?![\w-])"
)
#: Each alternative on its own, to look for only those that may match (#13).
_SHAPE_PATTERNS = tuple(
    regex.compile(r"(?<![\w-])(?:" + shape.source + r")(?![\w-])") for shape in _SHAPES
)
#: Finds a word of any shape: most texts hold none, and one search costs
#: less than looking for each word (#13). It matches wherever one of them
#: stands, so where it finds nothing, no shape's word is in the text.
_SHAPE_WORDS = re.compile(
    "|".join(re.escape(word) for shape in _SHAPES for word in shape.words)
)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Where the protected phrases of several words stand in ``text``."""
    folded = folded_text(text)
    return [
        *_phrase_spans(text, folded),
        *(
            match.span()
            for match in matches_at(
                _REGIONAL_BODY, text, places(text, _REGIONAL_STARTS)
            )
        ),
        *_named_by_shape_spans(text, folded),
    ]


def folded_text(text: str) -> str | None:
    """``text`` in lower case, character for character, with each letter as
    a case-insensitive pattern takes it: regex matches "İ" and "ſ" as "i"
    and "s", which lower() keeps or writes as two characters. None should
    lower() change the length in some other way: then positions in the
    folded text would not be those in ``text``."""
    if "\u0130" in text or "\u017f" in text:
        text = text.replace("\u0130", "i").replace("\u017f", "s")
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def _phrase_spans(text: str, folded: str | None) -> list[tuple[int, int]]:
    """``_PHRASES.finditer(text)``, tried only where the first two words of
    a phrase stand: a case-insensitive match in ``text`` is a
    case-sensitive one in ``folded``."""
    if folded is None:
        return [match.span() for match in _PHRASES.finditer(text)]
    starts = cue_starts(_PHRASE_STARTS, folded)
    return [match.span() for match in matches_at(_PHRASES, text, starts)]


def _named_by_shape_spans(text: str, folded: str | None) -> list[tuple[int, int]]:
    """``_NAMED_BY_SHAPE.finditer(text)``, from the alternatives that may
    match: at each position the alternation takes the first alternative
    that matches there, so the next match is the earliest of theirs, and of
    two at one position the one listed first."""
    any_word = _SHAPE_WORDS.search(text) is not None
    patterns = [
        pattern
        for shape, pattern in zip(_SHAPES, _SHAPE_PATTERNS, strict=True)
        if shape.may_match(text, folded, any_word=any_word)
    ]
    spans = []
    found = [pattern.search(text) for pattern in patterns]
    while any(found):
        first = min(
            (match for match in found if match), key=lambda match: match.start()
        )
        spans.append(first.span())
        end = first.end()
        found = [
            match
            if match is None or match.start() >= end
            else pattern.search(text, end)
            for pattern, match in zip(patterns, found, strict=True)
        ]
    return spans


def cue_starts(cue: re.Pattern, text: str) -> list[int]:
    """Every position where ``cue`` matches in ``text``, also where one
    match starts inside another ("de" in "code rood")."""
    starts = []
    position = 0
    while match := cue.search(text, position):
        starts.append(match.start())
        position = match.start() + 1
    return starts


def protects(phrase: str) -> bool:
    """Whether ``phrase`` (as written) is a word the anonymiser keeps."""
    lower = " ".join(phrase.lower().split()).strip(".,")
    if lower not in PROTECTED:
        return False
    return lower not in UPPERCASE_ONLY or phrase.strip(".,").isupper()


#: Domains kept when mentioned bare (no path): platforms and authorities.
PROTECTED_DOMAINS = frozenset(
    {
        "tiktok.com",
        "t.me",
        "telegram.org",
        "telegram.me",
        "snapchat.com",
        "instagram.com",
        "whatsapp.com",
        "facebook.com",
        "fb.com",
        "youtube.com",
        "youtu.be",
        "discord.com",
        "discord.gg",
        "x.com",
        "twitter.com",
        "reddit.com",
        "twitch.tv",
        "kick.com",
        "signal.org",
        "threads.net",
        "bsky.app",
        "linkedin.com",
        "politie.nl",
        "om.nl",
        "nctv.nl",
        "rijksoverheid.nl",
        "overheid.nl",
        "government.nl",
        "vng.nl",
        "hetccv.nl",
        "ccv.nl",
        "halt.nl",
        "veiligthuis.nl",
        "meldmisdaadanoniem.nl",
        "wetten.overheid.nl",
        "officielebekendmakingen.nl",
        "rechtspraak.nl",
        "nos.nl",
    }
)

#: Social platforms whose URL paths name an account, group or post.
SOCIAL_DOMAINS = frozenset(
    {
        "tiktok.com",
        "vm.tiktok.com",
        "t.me",
        "telegram.me",
        "snapchat.com",
        "instagram.com",
        "facebook.com",
        "fb.com",
        "youtube.com",
        "youtu.be",
        "discord.gg",
        "discord.com",
        "x.com",
        "twitter.com",
        "reddit.com",
        "twitch.tv",
        "kick.com",
        "threads.net",
        "bsky.app",
        "chat.whatsapp.com",
        "wa.me",
        "linkedin.com",
    }
)

#: Words after which a capitalised word is someone's name ("wethouder
#: Jansen", "verdachte Yilmaz").
ROLE_NOUNS = frozenset(
    """
    burgemeester loco-burgemeester wethouder raadslid gemeenteraadslid
    ambtenaar wijkagent agent agente hoofdagent brigadier inspecteur
    hoofdinspecteur rechercheur teamchef operationeel commissaris minister
    minister-president premier staatssecretaris kamerlid gedeputeerde
    gouverneur
    officier advocaat advocate rechter jongerenwerker boa handhaver
    buurtbewoner bewoner bewoonster buurman buurvrouw verdachte verdachten
    aangever aangeefster getuige slachtoffer melder melders organisator
    influencer tiktokker youtuber streamer vlogger rapper leerling
    leerlinge student studente docent docente leraar lerares directeur
    directrice mentor moeder vader broer zus zoon dochter oom tante neef nicht
    opa oma vriend vriendin vriendje vriendinnetje zwager schoonzus jongen
    meisje jongeman man vrouw heer mevrouw meneer mijnheer dhr dhr. mevr mevr.
    mw mw. familie fam. beheerder admin moderator eigenaar huurder verhuurder exploitant
    ondernemer uitbater portier beveiliger coördinator woordvoerder
    betrokkene minderjarige jongere medeverdachte mededader medeverdachten
    casusregisseur procesregisseur verbalisant indiener aanvrager contactpersoon
    behandelaar opsteller casemanager
    """.split()
)

#: Nouns for a person, after which a date in brackets is a date of birth
#: ("de verdachte (03-04-2007)").
PERSON_NOUNS = ROLE_NOUNS

#: Words that introduce a name outright ("genaamd Sem", "alias Mocro").
NAME_CUES = (
    "weergavenaam",
    "genaamd",
    "geheten",
    "met de naam",
    "onder de naam",
    "bij de naam",
    "naam",
    "roepnaam",
    "voornaam",
    "achternaam",
    "bijnaam",
    "alias",
    "bekend als",
    "bekend onder",
    "ook wel",
    "heet",
    "heette",
    "noemt zich",
    "noemde zich",
)

#: Relatives and friends: after them a word is a name even when no list
#: knows it ("de broers Suleiman", "zn broertje kevo", "mijn collega bas").
RELATIVE_NOUNS = frozenset(
    """
    broer broers broertje zus zussen zusje zoon zonen dochter dochters neef neven
    nicht vriend vrienden vriendin vriendje maat collega jongste oudste buurjongen
    buurmeisje buurman buurvrouw klasgenoot klasgenote stiefvader stiefmoeder
    partner echtgenoot echtgenote vader moeder oom tante opa oma
    """.split()
)

#: Words that introduce a user name without @ ("gebruikersnaam jantje_xl").
HANDLE_CUES = (
    "onder de naam",
    "gebruiker",
    "noemt zich",
    "noemde zich",
    "reactie van",
    "gepost door",
    "geplaatst door",
    "gedeeld door",
    "bericht van",
    "met de naam",
    "gebruikersnaam",
    "accountnaam",
    "profielnaam",
    "schermnaam",
    "username",
    "user",
    "snapnaam",
    "snapchatnaam",
    "tiktoknaam",
    "instanaam",
    "instagramnaam",
    "gamertag",
    "account",
    "profiel",
    "het account",
    "tiktokaccount",
    "instagramaccount",
    "snapchataccount",
    "tiktok-account",
    "instagram-account",
    "snapchat-account",
    "x-account",
    "twitteraccount",
)


#: Words that make the capitalised word after them a surname, even when it
#: is also a place ("meneer Wijhe", "familie Putten").
HONORIFICS = frozenset(
    "heer mevrouw meneer mijnheer dhr dhr. mevr mevr. mw mw. familie fam. fam".split()
)
_WORD_BEFORE = regex.compile(r"(\S+)[ \t]+$")
#: The characters an honorific can end with, in either case: the only ones
#: whose lower case ends in one of their last letters (a test checks).
HONORIFIC_LAST = frozenset(
    {word[-1] for word in HONORIFICS} | {word[-1].upper() for word in HONORIFICS}
)


def after_honorific(text: str, start: int) -> bool:
    """Whether the word before ``start`` is an honorific ("meneer Wijhe").
    Asked for most names: _WORD_BEFORE's word ends right before the spaces
    and tabs (and a final line end) that end the window, so where the
    window's last other character cannot end an honorific, none is there,
    and the pattern is not tried (#13)."""
    window = text[max(0, start - 20) : start]
    if window.rstrip(" \t\n")[-1:] not in HONORIFIC_LAST:
        return False
    match = _WORD_BEFORE.search(window)
    return bool(match and match.group(1).lower() in HONORIFICS)
