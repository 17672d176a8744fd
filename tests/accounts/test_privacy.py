import json

import pytest
from django.urls import reverse

from portal.accounts.models import User
from tests.conftest import PASSWORD
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_member_downloads_their_data(client, member):
    client.force_login(member)
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email


def test_export_needs_login(client):
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 302


def test_wrong_password_keeps_the_account(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:delete"), {"password": "fout"})
    assert response.status_code == 200
    assert "Dat wachtwoord klopt niet" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_member_deletes_their_account(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert client.get(reverse("accounts:overview")).status_code == 302


def _subscribed(user):
    from knowledge.newsletter.models import Subscriber

    return Subscriber.objects.create(email=user.email.lower(), status="confirmed")


def test_deleting_in_wagtails_user_admin_erases_the_apps_data(client, editor, member):
    from knowledge.newsletter.models import Subscriber

    _subscribed(member)
    editor.is_superuser = True
    editor.save()
    login_with_second_factor(client, editor)
    confirm = client.get(reverse("wagtailusers_users:delete", args=[member.pk]))
    assert confirm.status_code == 200
    # The confirmation page alone erases nothing.
    assert Subscriber.objects.filter(email=member.email.lower()).exists()

    response = client.post(reverse("wagtailusers_users:delete", args=[member.pk]))

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Subscriber.objects.filter(email=member.email.lower()).exists()


def test_bulk_deleting_in_wagtails_user_admin_erases_the_apps_data(
    client, editor, member
):
    from knowledge.newsletter.models import Subscriber

    _subscribed(member)
    editor.is_superuser = True
    editor.save()
    login_with_second_factor(client, editor)
    url = (
        reverse("wagtail_bulk_action", args=("accounts", "user", "delete"))
        + f"?id={member.pk}"
    )

    response = client.post(url)

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Subscriber.objects.filter(email=member.email.lower()).exists()
