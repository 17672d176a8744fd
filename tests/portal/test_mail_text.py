"""Plain-text mails show what people typed as they typed it: "O'Brien & <Zoon>"
arrived as "O&#x27;Brien &amp; &lt;Zoon&gt;". One renderer (mail_render) turns
HTML escaping off for plain-text parts and keeps it for HTML parts; every
mail template of the site is checked, so a new one is covered without being
listed here."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from portal.accounts.services import account_approve, account_reject
from portal.core.mail import mail_render
from tests.accounts.factories import UserFactory
from tests.accounts.test_account_request import FORM

NAME = "O'Brien & <Zoon>"
# Mail parts whose only value is a date (which Typed does not stand in for).
ONLY_A_DATE = {"newsletter/email/digest_subject.txt"}
ENTITIES = re.compile(r"&(#x?[0-9a-fA-F]+|amp|lt|gt|quot);")
# The names a template takes from its context: printed, passed to
# blocktranslate, looped over or tested.
CONTEXT_NAMES = re.compile(
    r"(?:\{\{\s*|\b(?:with|count|in|if|and|or|not)\s+|(?<==))([a-z_][a-z0-9_]*)"
)


class Typed(str):
    """What a person typed, wherever a template looks: every attribute of it,
    every call and every item of a loop over it give it again. Except what a
    date has (a date filter then shows nothing) and the numbers the template
    counts with (``counted``), which are 2."""

    def __new__(cls, value: str, counted: frozenset[str] = frozenset()):
        typed = super().__new__(cls, value)
        typed.counted = counted
        return typed

    def __getattr__(self, name: str):
        if name.startswith("_") or hasattr(dt.datetime, name):
            raise AttributeError(name)
        return 2 if name in self.counted else self

    def __call__(self):
        return self

    def __iter__(self):
        yield self


def _context(source: str) -> dict:
    counted = {e.split(".")[-1] for e in re.findall(r"count \w+=([\w.]+)", source)}
    typed = Typed(NAME, frozenset(counted))
    context = {name: typed for name in CONTEXT_NAMES.findall(source)}
    return context | {name: 2 for name in counted}


def _mail_templates() -> list[Path]:
    root = Path(settings.BASE_DIR) / "templates"
    parts = [*root.glob("**/email/*.txt")]
    assert len(parts) > 50
    return sorted(parts)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", _mail_templates(), ids=lambda p: str(p).split("templates/")[-1]
)
def test_every_plain_text_mail_part_shows_a_name_as_typed(path):
    source = path.read_text()
    template = str(path).split("templates/")[-1]
    text = mail_render(template, _context(source))

    assert not ENTITIES.search(text), text
    if "{{" in source and template not in ONLY_A_DATE:
        assert NAME in text or NAME.upper() in text, text


@override_settings(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {
                            "test/email/part.txt": "Beste {{ name }},",
                            "test/email/part.html": "<p>Beste {{ name }},</p>",
                        },
                    )
                ]
            },
        }
    ]
)
def test_an_html_part_stays_escaped():
    assert mail_render("test/email/part.txt", {"name": NAME}) == f"Beste {NAME},"
    assert mail_render("test/email/part.html", {"name": NAME}) == (
        "<p>Beste O&#x27;Brien &amp; &lt;Zoon&gt;,</p>"
    )


@pytest.mark.django_db
def test_the_platforms_mails_show_a_name_as_typed(
    editor, mailoutbox, django_capture_on_commit_callbacks
):
    approved = UserFactory(first_name=NAME, approval_status="pending")
    rejected = UserFactory(first_name=NAME, approval_status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        account_approve(user=approved, decided_by=editor)
        account_reject(user=rejected, decided_by=editor, reason=f"Vraag {NAME}.")

    assert len(mailoutbox) == 2
    for mail in mailoutbox:
        assert NAME in mail.body
        assert not ENTITIES.search(mail.body + mail.subject)


@pytest.mark.django_db
def test_allauths_mails_show_an_address_as_typed(mailoutbox):
    known = "o'brien&zoon@gemeente.example"
    new = "d'arcy&dochter@gemeente.example"
    UserFactory(email=known)
    for email in (known, new):
        Client().post(reverse("account_signup"), {**FORM, "email": email})

    assert [mail.to for mail in mailoutbox] == [[known], [new]]
    for mail in mailoutbox:
        assert not ENTITIES.search(mail.body + mail.subject), mail.body
    # Our own template for the address that has an account already.
    assert known in mailoutbox[0].body
