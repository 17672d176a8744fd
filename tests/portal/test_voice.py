"""One voice: every page, for every role, and every mail speaks formal Dutch
("u", never "je", "jouw" or "jij") without English UI words.

Pages are the GET rows of the access matrix, asked as each role of the
matrix; mail templates are every template below an ``email/`` folder the
site can send (its own, and allauth's for the apps installed), rendered in
Dutch; allauth's messages and form errors are read through the catalogue.
"""

import os
from pathlib import Path
from types import SimpleNamespace

import allauth
import polib
import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.loader import get_template
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from tests.access_fixtures import ROLES, World, log_in
from tests.test_access_matrix import BEFORE, TABLE, _address
from tests.voice import visible_text, voice_faults

pytestmark = pytest.mark.django_db

ALLAUTH = Path(allauth.__file__).parent
# allauth's apps this site installs; the others' templates are never sent.
ALLAUTH_APPS = ("account", "mfa")


def _mail_templates() -> list[str]:
    names = set()
    roots = [(settings.BASE_DIR / "templates", None)]
    roots.append((ALLAUTH / "templates", ALLAUTH_APPS))
    for root, apps in roots:
        for path in root.rglob("*"):
            relative = path.relative_to(root)
            if path.is_file() and "email" in relative.parts[:-1]:
                if apps is None or relative.parts[0] in apps:
                    names.add(relative.as_posix())
    return sorted(names)


# Templates that need a value of a certain shape to render at all.
SAMPLE_CONTEXT = {
    "community/email/new_post_body.txt": {
        "recipient": SimpleNamespace(get_full_name="Anna de Vries"),
        "post": SimpleNamespace(author=None),
    },
    "newsletter/email/confirm_body.txt": {"valid_days": 7},
    "surveys/email/follow_up_body.txt": {"retention_days": 365},
    "events/email/topic_announcement_body.txt": {
        "follow": SimpleNamespace(
            user=SimpleNamespace(get_full_name="", email="a@example.org")
        )
    },
}


@pytest.mark.parametrize("name", _mail_templates())
def test_every_mail_template_speaks_formally(name):
    with translation.override("nl"):
        text = get_template(name).render(SAMPLE_CONTEXT.get(name, {}))
    assert voice_faults(text) == [], name


def _allauth_entries():
    catalogue = polib.pofile(
        os.fspath(ALLAUTH / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    )
    for entry in catalogue:
        places = {place for place, _line in entry.occurrences}
        if entry.obsolete or not any(
            place.startswith(app) or place.startswith(f"templates/{app}")
            for place in places
            for app in ALLAUTH_APPS
        ):
            continue
        yield entry


def _translated(entry) -> list[str]:
    if entry.msgid_plural:
        return [ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
    if entry.msgctxt:
        return [pgettext(entry.msgctxt, entry.msgid)]
    return [gettext(entry.msgid)]


def test_allauth_speaks_formally():
    """Messages, form errors and labels of allauth come from its catalogue;
    ours, first on LOCALE_PATHS, gives the formal words."""
    faults = []
    with translation.override("nl"):
        for entry in _allauth_entries():
            for text in _translated(entry):
                if voice_faults(text.replace(entry.msgid, "")):
                    faults.append(f"{entry.msgid!r} -> {text!r}")
    assert faults == []


PAGES = [key for key in TABLE if key[1] == "GET"]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_speaks_formally(home_page, role, settings):
    settings.ZEAL_RAISE = False  # query patterns have tests of their own
    world = World(home_page)
    faults = {}
    for name, _method, target in PAGES:
        address = _address(world, name, target)
        with transaction.atomic():
            client = log_in(Client(), world, role)
            cache.clear()
            if target in BEFORE:
                BEFORE[target](world, client, address)
            response = client.get(address)
            transaction.set_rollback(True)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for fault in voice_faults(visible_text(response.content.decode())):
            faults.setdefault(fault, f"{name} ({target})")
    assert faults == {}, "\n".join(f"{page}: {fault}" for fault, page in faults.items())
