"""Numbers take the right plural: "1 discussie", "2 discussies"."""

import os
import re
from pathlib import Path
from types import SimpleNamespace

import allauth
import polib
import pytest
import wagtail
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from portal.core.audit import Counted


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Deelnemerslijst geëxporteerd (1 rij)"),
        (2, "Deelnemerslijst geëxporteerd (2 rijen)"),
    ],
)
def test_a_log_message_about_a_number_takes_its_plural(count, expected):
    message = Counted(
        "Participant list exported ({rows} row)",
        "Participant list exported ({rows} rows)",
        "rows",
    )
    with translation.override("nl"):
        assert message.format(rows=count) == expected


def test_the_policy_books_figures_take_their_plurals():
    activity = SimpleNamespace(threads=1, posts=2, meetings=1, participants=0)
    content = SimpleNamespace(activity=activity)
    chapter = SimpleNamespace(content=content, anchor="h1", number=1, title="Thema")
    with translation.override("nl"):
        html = render_to_string(
            "community/policybook/includes/chapter.html", {"chapter": chapter}
        )
    assert "1 discussie, 2 berichten, 1 bijeenkomst, 0 deelnemers." in html


COUNT_BEFORE_PLURAL_NOUN = re.compile(
    r"(\{\w+\}|%\(\w+\)[sd]) (?!(?:is|has|was|wants|does|calls)\b)([a-z]+s)\b"
)
# A fixed limit ("at most {n} tags", "under {n} characters") is never 1, nor
# a length over it ("this text is {length} characters long").
LIMIT = re.compile(r"(at most|under|than|up to|shortened to|is) $", re.IGNORECASE)


def _their_catalogues() -> set[str]:
    """The msgids of the libraries whose words the site only translates."""
    msgids = set()
    for package in (allauth, wagtail):
        root = Path(package.__file__).parent
        for path in root.rglob("locale/nl/LC_MESSAGES/django.po"):
            msgids.update(entry.msgid for entry in polib.pofile(os.fspath(path)))
    return msgids


def test_every_count_of_the_sites_own_words_has_a_plural():
    """A singular msgid that says "{n} things" reads "1 things" one day."""
    catalogue = polib.pofile(
        os.fspath(settings.BASE_DIR / "locale/nl/LC_MESSAGES/django.po")
    )
    theirs = _their_catalogues()
    singular_counts = [
        entry.msgid
        for entry in catalogue
        if not entry.msgid_plural
        and not entry.obsolete
        and entry.msgid not in theirs
        and any(
            not LIMIT.search(entry.msgid[: match.start()])
            for match in COUNT_BEFORE_PLURAL_NOUN.finditer(entry.msgid)
        )
    ]
    assert singular_counts == [], "\n".join(singular_counts)
