"""A guest and a member register in a real browser; the event fills up, the
next person waits, a cancellation promotes them."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import Registration
from tests.conftest import PASSWORD
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _link(message, kind: str) -> str:
    return re.search(rf"https?://[^/\s]+(/inschrijving/{kind}/\S+)", message.body)[1]


def _mail_to(address: str, subject_start: str):
    return next(
        m
        for m in reversed(mail.outbox)
        if m.to == [address] and m.subject.startswith("[Leerkring] " + subject_start)
    )


def test_guest_member_waiting_list_and_promotion(
    live_server, new_page, axe, home_page, member
):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, title="Leerkring signaleren", capacity=1)
    url = live_server.url + event.url

    # A guest registers and confirms through the e-mailed link.
    guest = new_page()
    guest.goto(url)
    expect(guest.get_by_text("nog 1 plaats")).to_be_visible()
    axe(guest)
    guest.get_by_label("Naam").fill("Fatima el Amrani")
    guest.get_by_label("Organisatie").fill("Gemeente Houten")
    guest.get_by_label("Functie").fill("Jongerenwerker")
    guest.get_by_label("E-mailadres").fill("f.elamrani@houten.example")
    guest.get_by_role("button", name="Inschrijven").click()
    expect(guest.get_by_text("Bijna klaar")).to_be_visible()
    guest.goto(live_server.url + _link(mail.outbox[-1], "bevestigen"))
    axe(guest)
    guest.get_by_role("button", name="Mijn inschrijving bevestigen").click()
    expect(guest.get_by_text("U bent ingeschreven")).to_be_visible()

    # The event is full: the member logs in and joins the waiting list.
    person = new_page()
    person.goto(live_server.url + "/accounts/login/?next=" + event.url)
    person.get_by_label("E-mail").fill(member.email)
    person.get_by_label("Wachtwoord").fill(PASSWORD)
    person.get_by_role("button", name="Inloggen").click()
    expect(
        person.get_by_text("Vol: u kunt zich op de wachtlijst zetten")
    ).to_be_visible()
    person.get_by_role("button", name="Op de wachtlijst").click()
    expect(person.get_by_text("u staat op de wachtlijst")).to_be_visible()
    axe(person)

    # The guest cancels; the member gets the place and the promotion mail.
    confirmation = _mail_to("f.elamrani@houten.example", "Inschrijving bevestigd")
    guest.goto(live_server.url + _link(confirmation, "annuleren"))
    guest.get_by_role("button", name="Mijn inschrijving annuleren").click()
    expect(guest.get_by_text("Uw inschrijving is geannuleerd")).to_be_visible()
    promotion = _mail_to(member.email, "Er is een plaats voor u")
    assert promotion.attachments
    assert event.registrations.get(user=member).status == Registration.Status.CONFIRMED
    person.reload()
    expect(person.get_by_text("Uw inschrijving: bevestigd.")).to_be_visible()
