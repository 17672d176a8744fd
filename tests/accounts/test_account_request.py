"""The 'account aanvragen' flow through the real allauth views."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from portal.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Anna",
    "last_name": "de Vries",
    "organisation": "Gemeente Bodegraven-Reeuwijk",
    "job_title": "OOV-adviseur",
    "email": "a.devries@bodegraven.example",
    "password1": "Sterk-wachtwoord-2026",
    "password2": "Sterk-wachtwoord-2026",
}


def _confirmation_link(mail) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.body)[1]


def test_request_verify_and_wait(
    client, editor, mailoutbox, django_capture_on_commit_callbacks
):
    response = client.post(reverse("account_signup"), FORM)
    assert response.status_code == 302
    user = User.objects.get(email=FORM["email"])
    assert user.organisation == "Gemeente Bodegraven-Reeuwijk"
    assert user.job_title == "OOV-adviseur"
    assert user.approval_status == User.ApprovalStatus.UNVERIFIED
    assert len(mailoutbox) == 1

    link = _confirmation_link(mailoutbox[0])
    assert client.get(link).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.approval_status == User.ApprovalStatus.PENDING
    assert mailoutbox[-1].to == [editor.email]


def test_used_address_makes_no_second_account_and_does_not_say_so(client, member):
    # The same answer as for a new address (tests/accounts/test_enumeration.py).
    response = client.post(reverse("account_signup"), {**FORM, "email": member.email})
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email=member.email).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "geen-adres", "Voer een geldig e-mailadres in"),
        ("organisation", "", "Dit is een verplicht veld"),
        ("first_name", "x" * 5000, "niet meer dan 150 tekens"),
        ("password2", "iets-anders-2026", "hetzelfde wachtwoord"),
    ],
)
def test_malformed_request_is_refused_with_message(client, field, value, message):
    response = client.post(reverse("account_signup"), {**FORM, field: value})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'aria-invalid="true"' in body
    assert not User.objects.filter(email=FORM["email"]).exists()


def test_wrong_password_gets_a_dutch_message(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "fout"}
    )
    assert response.status_code == 200
    assert "e-mailadres en/of wachtwoord is niet juist" in response.content.decode()


def test_failed_logins_are_rate_limited_without_a_server_error(client, member):
    responses = [
        client.post(
            reverse("account_login"), {"login": member.email, "password": "fout"}
        )
        for _attempt in range(7)
    ]
    assert {r.status_code for r in responses} == {200}
    assert "Te veel inlogpogingen" in responses[-1].content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": PASSWORD}
    )
    assert "Te veel inlogpogingen" in response.content.decode()


def test_signup_is_rate_limited(client):
    statuses = [
        client.post(
            reverse("account_signup"), {**FORM, "email": f"p{n}@gemeente.example"}
        ).status_code
        for n in range(12)
    ]
    assert statuses[-1] == 429
    assert 500 not in statuses


def test_signup_limit_is_the_configured_one_with_a_dutch_page(client, settings):
    allowed = int(settings.ACCOUNT_RATE_LIMITS["signup"].split("/")[0])
    for n in range(allowed):
        response = client.post(
            reverse("account_signup"), {**FORM, "email": f"p{n}@gemeente.example"}
        )
        assert response.status_code == 302
    response = client.post(
        reverse("account_signup"), {**FORM, "email": "een-te-veel@gemeente.example"}
    )
    _assert_dutch_rate_limit_page(response)
    assert not User.objects.filter(email="een-te-veel@gemeente.example").exists()


def test_logins_from_one_address_are_limited_with_a_dutch_page(settings, member):
    # Successful logins, each in a browser of its own: only the limit per
    # internet address ('login') applies, not the one on failed logins.
    allowed = int(settings.ACCOUNT_RATE_LIMITS["login"].split("/")[0])
    credentials = {"login": member.email, "password": PASSWORD}
    for _attempt in range(allowed):
        assert Client().post(reverse("account_login"), credentials).status_code == 302
    response = Client().post(reverse("account_login"), credentials)
    _assert_dutch_rate_limit_page(response)
    assert "_auth_user_id" not in response.client.session


def _assert_dutch_rate_limit_page(response) -> None:
    assert response.status_code == 429
    body = response.content.decode()
    assert "<h1>Te veel pogingen</h1>" in body
    assert "Probeer het later opnieuw" in body
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_robot_filling_the_trap_is_told_to_check_its_mail_but_gets_no_account(
    client, mailoutbox, caplog
):
    caplog.set_level("INFO", logger="portal.core.honeypot")
    form = client.get(reverse("account_signup")).content.decode()
    assert '<div class="form-trap" aria-hidden="true">' in form
    response = client.post(
        reverse("account_signup"), {**FORM, "website": "https://spam.example"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not User.objects.filter(email=FORM["email"]).exists()
    assert mailoutbox == []
    assert "robot caught on the account request form" in caplog.text
    # A person leaves it empty and the request goes through.
    client.post(reverse("account_signup"), {**FORM, "website": ""})
    assert User.objects.filter(email=FORM["email"]).exists()


def test_robot_filling_the_trap_cannot_log_in_even_with_the_password(
    client, member, caplog
):
    caplog.set_level("INFO", logger="portal.core.honeypot")
    form = client.get(reverse("account_login")).content.decode()
    assert '<div class="form-trap" aria-hidden="true">' in form
    credentials = {"login": member.email, "password": PASSWORD}
    response = client.post(
        reverse("account_login"), {**credentials, "website": "https://spam.example"}
    )
    assert response.status_code == 200
    assert "e-mailadres en/of wachtwoord is niet juist" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert "robot caught on the login form" in caplog.text
    response = client.post(reverse("account_login"), {**credentials, "website": ""})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)
