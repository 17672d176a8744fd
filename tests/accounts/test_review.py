"""Advisers approve and reject account requests in the Wagtail admin."""

import pytest
from django.urls import reverse

from portal.accounts.models import User
from tests.accounts.factories import AdviserFactory
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_adviser_without_two_factor_is_sent_to_set_it_up(client):
    adviser = AdviserFactory()
    login_with_second_factor(client, adviser)
    response = client.get(reverse("account_requests:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_adviser_sees_pending_requests(client, editor, unapproved):
    login_with_second_factor(client, editor)
    response = client.get(reverse("account_requests:index"))
    assert response.status_code == 200
    assert unapproved.email in response.content.decode()


def test_adviser_approves(
    client, editor, unapproved, mailoutbox, django_capture_on_commit_callbacks
):
    login_with_second_factor(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_requests:approve", args=[unapproved.pk])
        )
    assert response.status_code == 302
    unapproved.refresh_from_db()
    assert unapproved.approval_status == User.ApprovalStatus.APPROVED
    assert len(mailoutbox) == 1


def test_rejection_without_reason_changes_nothing(client, editor, unapproved):
    login_with_second_factor(client, editor)
    client.post(
        reverse("account_requests:reject", args=[unapproved.pk]), {"reason": ""}
    )
    unapproved.refresh_from_db()
    assert unapproved.approval_status == User.ApprovalStatus.PENDING


def test_adviser_rejects_with_reason(
    client, editor, unapproved, mailoutbox, django_capture_on_commit_callbacks
):
    login_with_second_factor(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_requests:reject", args=[unapproved.pk]),
            {"reason": "Geen veiligheidsprofessional."},
        )
    unapproved.refresh_from_db()
    assert unapproved.approval_status == User.ApprovalStatus.REJECTED
    assert "Geen veiligheidsprofessional." in mailoutbox[0].body


def test_unknown_or_handled_request_is_404(client, editor, member):
    login_with_second_factor(client, editor)
    assert (
        client.post(reverse("account_requests:approve", args=[999999])).status_code
        == 404
    )
    url = reverse("account_requests:approve", args=[member.pk])
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("who", ["member", "unapproved"])
def test_others_cannot_review(client, who, request, unapproved):
    login_with_second_factor(client, request.getfixturevalue(who))
    assert client.get(reverse("account_requests:index")).status_code in (302, 403)
    client.post(reverse("account_requests:approve", args=[unapproved.pk]))
    unapproved.refresh_from_db()
    assert unapproved.approval_status == User.ApprovalStatus.PENDING


def test_approve_needs_post(client, editor, unapproved):
    login_with_second_factor(client, editor)
    url = reverse("account_requests:approve", args=[unapproved.pk])
    assert client.get(url).status_code == 405
