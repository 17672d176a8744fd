"""Sign-up and password reset answer a known and an unknown address alike, so
nobody learns from them who has an account; the holder of a known address
learns of the attempt by mail (ACCOUNT_PREVENT_ENUMERATION)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from portal.accounts.models import User
from tests.accounts.test_account_request import FORM

pytestmark = pytest.mark.django_db

UNKNOWN = "nog.geen.account@gemeente.example"
# The site speaks to people formally (u), never je/jij/jouw.
INFORMAL = re.compile(r"\b(je|jij|jouw)\b", re.IGNORECASE)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _answer(url: str, data: dict) -> tuple[int, str, str]:
    """Status, redirect target and the page the visitor lands on, from a fresh
    client (its own session and messages), with the CSRF token and the
    address the visitor typed blanked: the only parts that may differ."""
    client = Client()
    response = client.post(url, data)
    location = response.headers.get("Location", "")
    page = client.get(location) if location else response
    text = CSRF.sub("", page.content.decode()).replace(data["email"], "ADDRESS")
    return response.status_code, location, text


def test_sign_up_answers_a_known_and_an_unknown_address_alike(member, mailoutbox):
    url = reverse("account_signup")
    known = _answer(url, {**FORM, "email": member.email})
    unknown = _answer(url, {**FORM, "email": UNKNOWN})

    assert known[0] == unknown[0] == 302
    assert known[1] == unknown[1] == reverse("account_email_verification_sent")
    assert known[2] == unknown[2]
    assert "al een gebruiker" not in known[2]
    assert User.objects.filter(email=member.email).count() == 1


def test_sign_up_with_a_known_address_mails_its_holder_in_dutch(member, mailoutbox):
    Client().post(reverse("account_signup"), {**FORM, "email": member.email})

    [mail] = mailoutbox
    assert mail.to == [member.email]
    assert "al een account" in mail.subject + mail.body
    assert member.email in mail.body
    assert reverse("account_reset_password") in mail.body
    assert "&#x27;" not in mail.body
    assert not INFORMAL.search(mail.subject + mail.body)


def test_password_reset_answers_a_known_and_an_unknown_address_alike(
    member, mailoutbox
):
    url = reverse("account_reset_password")
    known = _answer(url, {"email": member.email})
    unknown = _answer(url, {"email": UNKNOWN})

    assert known[0] == unknown[0] == 302
    assert known[1] == unknown[1] == reverse("account_reset_password_done")
    assert known[2] == unknown[2]


def test_password_reset_of_an_unknown_address_mails_it_in_dutch(db, mailoutbox):
    Client().post(reverse("account_reset_password"), {"email": UNKNOWN})

    [mail] = mailoutbox
    assert mail.to == [UNKNOWN]
    assert "geen account" in mail.body
    assert reverse("account_signup") in mail.body
    assert not INFORMAL.search(mail.subject + mail.body)


def test_password_reset_of_a_known_address_mails_a_reset_link(member, mailoutbox):
    Client().post(reverse("account_reset_password"), {"email": member.email})

    [mail] = mailoutbox
    assert mail.to == [member.email]
    assert "/accounts/password/reset/key/" in mail.body
    assert "nieuw wachtwoord" in mail.body
    assert not INFORMAL.search(mail.subject + mail.body)


def test_the_confirmation_mail_of_a_new_address_is_formal_dutch(db, mailoutbox):
    Client().post(reverse("account_signup"), {**FORM, "email": UNKNOWN})

    [mail] = mailoutbox
    assert "Bevestig uw e-mailadres" in mail.subject
    assert UNKNOWN in mail.body
    assert "/accounts/confirm-email/" in mail.body
    assert not INFORMAL.search(mail.subject + mail.body)
