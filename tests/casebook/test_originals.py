"""A case's original text is its author's alone (#12): advisers work from the
anonymised text and the replacements by kind and number, wherever they look,
and the README and the privacy statement say so word for word."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from casebook.anonymisation import Label, replacements_by_kind
from knowledge.models import InformationPage
from knowledge.seed import statements_build
from tests.second_factor import login_with_second_factor

from .factories import (
    PERSONAL,
    mail_at_once,  # noqa: F401 - autouse
    submitted_case,
)

pytestmark = pytest.mark.django_db

README_SENTENCE = (
    "The original text of a case or a help request is readable by its author "
    "only. Advisers and experts work from the anonymised text and the list of "
    "what was replaced, by kind and number (`PERSOON-1, PERSOON-2, TELEFOON-1`), "
    "never the original words; when they think too much or too little was "
    "replaced, they ask the author in the case's or the request's messages."
)
PRIVACY_SENTENCE = (
    "Uw oorspronkelijke tekst leest alleen u: adviseurs en experts zien de "
    "geanonimiseerde tekst en per soort gegeven hoeveel er is vervangen, nooit "
    "de oorspronkelijke woorden. Dat geldt ook voor een hulpvraag aan het "
    "expertnetwerk."
)
#: Words of the factory's case that the anonymiser replaces.
REPLACED = [*PERSONAL, "Oproep van Jan de Vries"]


@pytest.fixture
def adviser(client, editor):
    return login_with_second_factor(client, editor)


def _assert_no_original(body: str) -> None:
    for words in REPLACED:
        assert words not in body


def test_the_adviser_gets_the_replacements_by_kind_and_number(adviser, member):
    case = submitted_case(member)
    response = adviser.get(reverse("casebook_review:original", kwargs={"pk": case.pk}))
    assert response.status_code == 200
    body = response.content.decode()
    _assert_no_original(body)
    assert "Naam van een persoon" in body
    assert "PERSOON-1, PERSOON-2" in body
    assert "TELEFOON-1" in body


@pytest.mark.readme_claim(
    "The original text of a case or a help request is readable by its author "
    "only; advisers and experts see the anonymised text and what was replaced "
    "by kind and number, never the original words."
)
@pytest.mark.parametrize(
    "name", ["casebook_review:review", "casebook_review:edit", "casebook:detail"]
)
def test_no_adviser_page_of_a_case_holds_the_original(adviser, member, name):
    case = submitted_case(member)
    response = adviser.get(reverse(name, kwargs={"pk": case.pk}))
    assert response.status_code == 200
    _assert_no_original(response.content.decode())
    # Not even in the context, where a template change would show it.
    assert "redactions" not in response.context


def test_the_submitter_still_reads_what_was_replaced(client, member):
    case = submitted_case(member)
    client.force_login(member)
    response = client.get(reverse("casebook:detail", kwargs={"pk": case.pk}))
    replaced = [item["text"] for item in response.context["redactions"]]
    assert "Jan de Vries" in replaced


def test_the_advisers_mails_hold_no_original(member, editor, mailoutbox):
    submitted_case(member)
    to_advisers = [m for m in mailoutbox if editor.email in m.to]
    assert to_advisers
    for mail in to_advisers:
        _assert_no_original(mail.subject + mail.body)


def test_replacements_are_counted_from_the_anonymised_text_only():
    kinds = replacements_by_kind(
        ["[PERSOON-2] belde [PERSOON-1] op [TELEFOON-1].", "<p>[PERSOON-1] [X-1]</p>"]
    )
    assert [(k.label, k.replacements, k.count, k.occurrences) for k in kinds] == [
        (Label.PERSON, ("PERSOON-1", "PERSOON-2"), 2, 3),
        (Label.PHONE, ("TELEFOON-1",), 1, 1),
    ]
    assert replacements_by_kind(["", "geen persoonsgegevens"]) == []


def test_the_readme_says_who_reads_originals():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    assert README_SENTENCE in " ".join(readme.split())


def test_the_privacy_statement_says_who_reads_originals(client, home_page):
    statements_build(home=home_page, report=lambda created: None)
    page = InformationPage.objects.get(slug="privacyverklaring")
    body = " ".join(client.get(page.url).content.decode().split())
    assert PRIVACY_SENTENCE in body
