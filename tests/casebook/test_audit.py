"""The advisers' decisions on cases and every erasure of an original land
in the audit log: one entry each, labelled by number, never the text."""

import pytest

from casebook.errors import CaseError, CaseStateError
from casebook.services import (
    AnonymisedInput,
    case_edit_anonymised,
    case_message_post,
    case_publish,
    case_reject,
    case_schedule,
    case_withdraw,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.portal.audit import assert_says_nothing_of, entries, ours, the_entry
from tests.portal.audit import audit_actions as actions

from .factories import (
    PERSONAL,
    draft_case,
    mail_at_once,  # noqa: F401 - autouse
    submitted_case,
)

pytestmark = pytest.mark.django_db


def _private(case) -> list[str]:
    return [*PERSONAL, case.title, case.submitter.email, case.submitter.last_name]


def test_editing_logs_which_fields_changed(member, editor):
    case = submitted_case(member)
    private = _private(case)
    case_edit_anonymised(
        case=case,
        adviser=editor,
        data=AnonymisedInput(
            title="Oproep tot rellen", what_happened="<p>Een oproep.</p>"
        ),
    )
    entry = the_entry("leerkring.case.edit", on=case, by=editor)
    assert entry.label == f"Casus #{case.pk}"
    assert "anonymised_title" in entry.data["fields"]
    assert_says_nothing_of(entry, *private, "Oproep tot rellen", "Een oproep")


def test_a_refused_edit_logs_nothing(member, editor):
    case = submitted_case(member)
    with pytest.raises(CaseError):
        case_edit_anonymised(
            case=case, adviser=editor, data=AnonymisedInput(title="Zonder tekst")
        )
    assert ours(actions()) == []


def test_a_question_is_logged_without_its_text(member, editor):
    case = submitted_case(member)
    case_message_post(case=case, author=editor, body="Was Jan de Vries minderjarig?")
    entry = the_entry("leerkring.case.question", on=case, by=editor)
    assert_says_nothing_of(entry, *_private(case), "minderjarig")
    # The submitter's answer is not an adviser's action.
    case_message_post(case=case, author=member, body="Ja.")
    assert len(entries("leerkring.case.question")) == 1


def test_scheduling_is_logged_with_status_and_event(member, editor, home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    case = submitted_case(member)
    case_schedule(case=case, adviser=editor, event=event)
    entry = the_entry("leerkring.case.schedule", on=case, by=editor)
    assert entry.data == {
        "old_status": "submitted",
        "new_status": "scheduled",
        "event_id": event.pk,
    }


def test_rejection_logs_the_decision_and_the_erasure(member, editor):
    case = submitted_case(member)
    private = _private(case)
    case_reject(case=case, adviser=editor, reason="Te herleidbaar voor Lindenwaard.")
    decision = the_entry("leerkring.case.reject", on=case, by=editor)
    assert decision.data == {"old_status": "submitted", "new_status": "rejected"}
    erasure = the_entry("leerkring.case.erase_original", on=case, by=editor)
    assert erasure.data["reason"] == "rejected"
    assert erasure.data["role"] == "adviser"
    assert "what_happened" in erasure.data["fields"]
    for entry in (decision, erasure):
        assert_says_nothing_of(entry, *private, "herleidbaar", "Lindenwaard")
    assert sorted(ours(actions())) == [
        "leerkring.case.erase_original",
        "leerkring.case.reject",
    ]


def test_publication_logs_the_decision_and_the_erasure(member, editor, home_page):
    case = submitted_case(member)
    private = _private(case)
    page = case_publish(case=case, adviser=editor, members_only=False)
    entry = the_entry("leerkring.case.publish", on=case, by=editor)
    assert entry.data == {
        "old_status": "submitted",
        "new_status": "published",
        "page_id": page.pk,
        "members_only": False,
    }
    assert_says_nothing_of(entry, *private)
    the_entry("leerkring.case.erase_original", on=case, by=editor)


def test_a_refused_publication_logs_nothing(member, editor, home_page):
    case = draft_case(member)
    with pytest.raises(CaseStateError):
        case_publish(case=case, adviser=editor)
    with pytest.raises(CaseStateError):
        case_reject(case=case, adviser=editor, reason="Nee.")
    assert ours(actions()) == []


def test_a_withdrawal_is_logged_as_erasure_without_the_member(member):
    case = draft_case(member)
    case_withdraw(case=case, submitter=member)
    entry = the_entry("leerkring.case.erase_original", on=case, by=None)
    assert entry.data["reason"] == "withdrawn" and entry.data["role"] == "submitter"
    assert_says_nothing_of(entry, *PERSONAL, member.email, member.last_name)
