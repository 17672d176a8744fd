"""Decisions on accounts, exports and erasures land in the audit log with
a neutral label and no personal data."""

import pytest
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from portal.accounts.errors import AccountError
from portal.accounts.models import User
from portal.accounts.services import (
    account_approve,
    account_delete,
    account_export,
    account_reject,
    account_request_verified,
)
from tests.portal.audit import assert_says_nothing_of, ours, the_entry
from tests.portal.audit import audit_actions as actions

pytestmark = pytest.mark.django_db


def _personal(user: User) -> list[str]:
    return [user.email, user.first_name, user.last_name]


def test_approval_is_logged_with_adviser_and_status(editor, unapproved):
    account_approve(user=unapproved, decided_by=editor)
    entry = the_entry("leerkring.account.approve", on=unapproved, by=editor)
    assert entry.label == f"Account #{unapproved.pk}"
    assert entry.data == {
        "old_status": "pending",
        "new_status": "approved",
        "automatic": False,
    }
    assert entry.message == "Accountaanvraag goedgekeurd"
    assert_says_nothing_of(entry, *_personal(unapproved))


def test_automatic_approval_is_the_platforms(settings):
    from tests.accounts.factories import UserFactory

    settings.ACCOUNTS_AUTO_APPROVE_DOMAINS = ["gemeente.example"]
    user = UserFactory()
    account_request_verified(user=user)
    entry = the_entry("leerkring.account.approve", on=user, by=None)
    assert entry.data["automatic"] is True


def test_rejection_is_logged_without_the_reason(editor, unapproved):
    account_reject(user=unapproved, decided_by=editor, reason="Geen OOV-functie.")
    entry = the_entry("leerkring.account.reject", on=unapproved, by=editor)
    assert entry.data == {"old_status": "pending", "new_status": "rejected"}
    assert_says_nothing_of(entry, "OOV-functie", *_personal(unapproved))


def test_a_refused_decision_logs_nothing(editor, member):
    with pytest.raises(AccountError):
        account_reject(user=member, decided_by=editor, reason="Te laat.")
    with pytest.raises(AccountError):
        account_approve(user=member, decided_by=editor)
    assert ours(actions()) == []


def test_export_is_logged_with_the_sections_only(member):
    account_export(user=member)
    entry = the_entry("leerkring.account.export", on=member, by=None)
    assert "account" in entry.data["sections"]
    assert_says_nothing_of(entry, *_personal(member))


def test_entries_of_an_erased_account_keep_only_its_number(editor, unapproved):
    personal = _personal(unapproved)
    pk = unapproved.pk
    account_approve(user=unapproved, decided_by=editor)
    # As Wagtail's own user admin logs: labelled with str(user), the name.
    log(instance=unapproved, action="wagtail.edit", user=editor)
    assert ModelLogEntry.objects.get(action="wagtail.edit").label == str(unapproved)
    account_delete(user=unapproved)
    assert not User.objects.filter(pk=pk).exists()
    the_entry("leerkring.account.delete", on=User(pk=pk), by=None)
    left = ModelLogEntry.objects.filter(object_id=str(pk))
    assert sorted(e.action for e in left) == [
        "leerkring.account.approve",
        "leerkring.account.delete",
        "wagtail.edit",
    ]
    for entry in left:
        assert entry.label == f"Account #{pk}"
        assert_says_nothing_of(entry, *personal)
