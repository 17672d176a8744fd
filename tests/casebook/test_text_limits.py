"""The anonymiser's time grows with the text it reads (three fields of
49,000 characters held a worker for 7.5 s): a text past the limit is refused
with a message before the anonymiser runs, and nothing is stored."""

import uuid
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from casebook.models import CaseSubmission
from casebook.redaction import MAX_KEEP_LENGTH
from casebook.sanitise import MAX_LENGTH
from experts.models import HelpRequest

from .factories import (
    anonymised_case,
    draft_case,
    mail_at_once,  # noqa: F401 - autouse
)

pytestmark = pytest.mark.django_db

TOO_LONG = "a" * 20_001


@pytest.fixture
def anonymiser():
    """Both places that call the engine, replaced by one mock the tests
    check was never called."""
    engine = mock.MagicMock(side_effect=AssertionError("the anonymiser ran"))
    with (
        mock.patch("casebook.redaction.anonymise_texts", engine),
        mock.patch("experts.services.anonymise", engine),
    ):
        yield engine


def _case_form(**overrides) -> dict:
    data = {
        "form_token": str(uuid.uuid4()),
        "title": "Oproep tot rellen",
        "what_happened": "Een oproep op TikTok.",
        "interventions_tried": "",
        "lessons": "",
        "tags": "",
        "action": "preview",
    }
    data.update(overrides)
    return data


def test_the_limit_is_twenty_thousand_characters():
    assert MAX_LENGTH == 20_000


@pytest.mark.parametrize("field", ["what_happened", "interventions_tried", "lessons"])
def test_a_new_case_past_the_limit_is_refused(client, member, anonymiser, field):
    client.force_login(member)
    response = client.post(reverse("casebook:new"), _case_form(**{field: TOO_LONG}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "20.001" in body and "de grens is 20.000" in body
    assert not CaseSubmission.objects.exists()
    anonymiser.assert_not_called()


def test_a_text_at_the_limit_is_kept(client, member):
    client.force_login(member)
    text = "a" * MAX_LENGTH
    client.post(reverse("casebook:new"), _case_form(what_happened=text, action="save"))
    assert CaseSubmission.objects.get().what_happened == f"<p>{text}</p>"


def test_an_edit_past_the_limit_leaves_the_draft_as_it_was(client, member):
    case = draft_case(member)
    before = case.what_happened
    client.force_login(member)
    with mock.patch("casebook.redaction.anonymise_texts") as engine:
        response = client.post(
            reverse("casebook:edit", kwargs={"pk": case.pk}),
            _case_form(what_happened=TOO_LONG),
        )
    assert response.status_code == 200
    assert "de grens is 20.000" in response.content.decode()
    case.refresh_from_db()
    assert case.what_happened == before
    engine.assert_not_called()


def test_a_draft_stored_before_the_limit_is_not_anonymised(client, member):
    case = draft_case(member)
    CaseSubmission.objects.filter(pk=case.pk).update(lessons=f"<p>{TOO_LONG}</p>")
    client.force_login(member)
    with mock.patch("casebook.redaction.anonymise_texts") as engine:
        response = client.get(
            reverse("casebook:preview", kwargs={"pk": case.pk}), follow=True
        )
    assert "de grens is 20.000" in response.content.decode()
    engine.assert_not_called()
    case.refresh_from_db()
    assert not case.anonymised_source


def test_a_forged_keep_past_its_bound_is_refused(client, member):
    case = anonymised_case(member)
    before = (case.corrections, case.anonymised_source)
    client.force_login(member)
    with mock.patch("casebook.redaction.anonymise_texts") as engine:
        response = client.post(
            reverse("casebook:preview", kwargs={"pk": case.pk}),
            {"action": "recompute", "keep": ["x" * (MAX_KEEP_LENGTH + 1)]},
        )
    with translation.override("nl"):
        message = gettext(
            "A replacement to undo is at most {n} characters long."
        ).format(n=MAX_KEEP_LENGTH)
    assert message in response.content.decode()
    engine.assert_not_called()
    case.refresh_from_db()
    assert (case.corrections, case.anonymised_source) == before


def test_a_help_request_past_the_limit_is_refused(client, member, anonymiser):
    client.force_login(member)
    response = client.post(
        reverse("experts:request_new"),
        {
            "urgency": "acute",
            "callback_phone": "06-12345678",
            "municipality": "Lindenwaard",
            "region": "utrecht",
            "description": TOO_LONG,
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    assert "20.001" in response.content.decode()
    assert not HelpRequest.objects.exists()
    anonymiser.assert_not_called()


def test_a_help_request_message_past_the_limit_is_refused(client, member):
    from experts.forms import MessageForm

    form = MessageForm(data={"body": TOO_LONG})
    assert not form.is_valid()
    assert "20.001" in str(form.errors["body"])
