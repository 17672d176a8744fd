"""The casebook's part in a member's privacy rights: the export holds their
cases and messages; deleting the account erases and logs what is kept and
leaves published pages (which hold no personal data) in place."""

import json

import pytest
from django.urls import reverse

from casebook.models import CaseMessage, CasePage, CaseSubmission, ErasureLog
from casebook.services import case_message_post, case_publish
from portal.accounts.services import account_delete
from tests.accounts.factories import MemberFactory

from .factories import (
    PERSONAL,
    draft_case,
    mail_at_once,  # noqa: F401 - autouse
    submitted_case,
)

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_members_cases_and_messages(client, member, editor):
    case = submitted_case(member)
    case_message_post(case=case, author=editor, body="Welke school?")
    case_message_post(case=case, author=member, body="Het Da Vinci College.")
    draft_case(MemberFactory(), title="Niet van mij")
    client.force_login(member)
    data = json.loads(client.get(reverse("accounts:export")).content)
    (exported,) = data["cases"]
    assert exported["title"] == "Oproep van Jan de Vries tot rellen"
    assert "Jan de Vries" in exported["what_happened"]
    assert exported["status"] == "submitted"
    assert [m["body"] for m in exported["messages"]] == [
        "Welke school?",
        "Het Da Vinci College.",
    ]
    assert exported["platforms"] == ["TikTok", "Snapchat"]


def test_deleting_the_account_erases_drafts_and_cases_in_review(
    member, editor, home_page
):
    draft = draft_case(member)
    in_review = submitted_case(member)
    case_message_post(case=in_review, author=editor, body="Jan de Vries?")
    published = submitted_case(member)
    page = case_publish(case=published, adviser=editor)
    others = draft_case(MemberFactory())

    account_delete(user=member)

    assert list(CaseSubmission.objects.all()) == [others]
    assert not CaseMessage.objects.exists()
    reasons = dict(ErasureLog.objects.values_list("case_id", "reason"))
    assert reasons[draft.pk] == "account_deleted"
    assert reasons[in_review.pk] == "account_deleted"
    assert reasons[published.pk] == "published"  # erased when it was published
    for log in ErasureLog.objects.filter(reason="account_deleted"):
        assert log.erased_by is None and log.erased_by_role == "submitter"
        assert "what_happened" in log.fields
    # The published page stays; it never held the member's data.
    page.refresh_from_db()
    assert page.live
    stored = str(CasePage.objects.filter(pk=page.pk).values().get())
    for item in PERSONAL:
        assert item not in stored


def test_deleting_through_the_account_page(client, member):
    draft_case(member)
    client.force_login(member)
    response = client.post(
        reverse("accounts:delete"), {"password": "een-goed-wachtwoord-42"}
    )
    assert response.status_code == 302
    assert not CaseSubmission.objects.exists()
    assert ErasureLog.objects.filter(reason="account_deleted").count() == 1
