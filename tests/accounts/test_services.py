import pytest
from django.contrib.auth.models import Group

from portal.accounts import services
from portal.accounts.errors import AccountError
from portal.accounts.models import User
from portal.accounts.roles import MEMBERS_GROUP
from portal.accounts.selectors import user_is_adviser, user_is_member
from portal.accounts.signals import account_deleting, personal_data_requested
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = User.ApprovalStatus


def test_verified_request_waits_for_adviser_and_notifies_them(
    editor, mailoutbox, django_capture_on_commit_callbacks
):
    applicant = UserFactory(email="a.jansen@gemeente-utrecht.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.account_request_verified(user=applicant)
    applicant.refresh_from_db()
    assert applicant.approval_status == Status.PENDING
    assert applicant.requested_at is not None
    assert not user_is_member(applicant)
    assert [m.to for m in mailoutbox] == [[editor.email]]
    assert applicant.email in mailoutbox[0].body
    assert "/admin/accountaanvragen/" in mailoutbox[0].body


def test_trusted_domain_is_approved_at_once(
    mailoutbox, django_capture_on_commit_callbacks
):
    applicant = UserFactory(email="wijkagent@politie.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.account_request_verified(user=applicant)
    applicant.refresh_from_db()
    assert applicant.approval_status == Status.APPROVED
    assert user_is_member(User.objects.get(pk=applicant.pk))
    assert [m.to for m in mailoutbox] == [[applicant.email]]


def test_verifying_twice_changes_nothing(editor, django_capture_on_commit_callbacks):
    applicant = UserFactory()
    services.account_request_verified(user=applicant)
    first = User.objects.get(pk=applicant.pk).requested_at
    services.account_request_verified(user=applicant)
    assert User.objects.get(pk=applicant.pk).requested_at == first


def test_approve_makes_a_member_and_mails_in_dutch(
    editor, unapproved, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.account_approve(user=unapproved, decided_by=editor)
    unapproved.refresh_from_db()
    assert unapproved.approval_status == Status.APPROVED
    assert unapproved.decided_by == editor
    assert unapproved.groups.filter(name=MEMBERS_GROUP).exists()
    assert mailoutbox[0].subject == "[Leerkring] Uw account is goedgekeurd"


def test_reject_needs_a_reason_and_leaves_data_as_it_was(editor, unapproved):
    with pytest.raises(AccountError, match="reden"):
        services.account_reject(user=unapproved, decided_by=editor, reason="  ")
    unapproved.refresh_from_db()
    assert unapproved.approval_status == Status.PENDING
    assert unapproved.decided_at is None


def test_reject_mails_the_reason(
    editor, unapproved, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.account_reject(
            user=unapproved, decided_by=editor, reason="Geen professional."
        )
    unapproved.refresh_from_db()
    assert unapproved.approval_status == Status.REJECTED
    assert "Geen professional." in mailoutbox[0].body


def test_a_decided_request_cannot_be_decided_again(editor, unapproved):
    services.account_approve(user=unapproved, decided_by=editor)
    with pytest.raises(AccountError, match="al behandeld"):
        services.account_reject(user=unapproved, decided_by=editor, reason="Toch niet")
    with pytest.raises(AccountError):
        services.account_approve(user=unapproved, decided_by=editor)


def test_an_unverified_request_cannot_be_approved(editor):
    applicant = UserFactory()
    with pytest.raises(AccountError):
        services.account_approve(user=applicant, decided_by=editor)
    assert (
        not Group.objects.get(name=MEMBERS_GROUP)
        .user_set.filter(pk=applicant.pk)
        .exists()
    )


def test_roles(member, editor, unapproved):
    assert user_is_member(member) and not user_is_adviser(member)
    assert user_is_member(editor) and user_is_adviser(editor)
    assert not user_is_member(unapproved)


def test_export_holds_account_and_what_other_apps_contribute(member):
    def contribute(sender, user, **kwargs):
        return ("registrations", [{"event": "Leerkring", "user": user.email}])

    personal_data_requested.connect(contribute, dispatch_uid="test-export")
    try:
        data = services.account_export(user=member)
    finally:
        personal_data_requested.disconnect(dispatch_uid="test-export")
    assert data["account"]["email"] == member.email
    assert data["account"]["organisation"] == "Gemeente Voorbeeld"
    assert data["account"]["groups"] == [MEMBERS_GROUP]
    assert data["email_addresses"][0]["verified"] is True
    assert data["registrations"] == [{"event": "Leerkring", "user": member.email}]


def test_delete_erases_the_account_after_apps_clean_up(member):
    seen = []

    def clean_up(sender, user, **kwargs):
        seen.append(User.objects.filter(pk=user.pk).exists())

    account_deleting.connect(clean_up, dispatch_uid="test-delete")
    try:
        services.account_delete(user=member)
    finally:
        account_deleting.disconnect(dispatch_uid="test-delete")
    assert seen == [True]
    assert not User.objects.filter(email=member.email).exists()
