"""Registering in a real browser: a guest confirms by e-mail, a member
registers with one click and fills the event, the next person goes on the
waiting list, a cancellation promotes them with an e-mail."""

import re
from urllib.parse import urlsplit

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
SECRET_LINK = "https://teams.example/leerkring-signaleren"
Status = Registration.Status


def _link(message, kind: str) -> str:
    return re.search(rf"https?://[^/\s]+(/inschrijving/{kind}/\S+)", message.body)[1]


def _mail_to(address: str, subject_start: str):
    return next(
        m
        for m in reversed(mail.outbox)
        if m.to == [address] and m.subject.startswith("[Leerkring] " + subject_start)
    )


def _guest_registers(page, url: str, name: str, email: str, button: str) -> None:
    page.goto(url)
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Organisatie").fill("Gemeente Houten")
    page.get_by_label("Functie").fill("Jongerenwerker")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_text("Bijna klaar")).to_be_visible()
    # No confirmation, no seat: the place is taken only by the link.
    assert Registration.objects.get(email=email).status == Status.UNCONFIRMED


def test_guest_member_waiting_list_and_promotion(
    live_server, new_page, axe, home_page, member
):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=index,
        title="Leerkring signaleren",
        capacity=2,
        meeting_link=SECRET_LINK,
    )
    url = live_server.url + event.url
    hosts: set[str] = set()

    def open_page():
        page = new_page()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        return page

    # A guest registers and confirms through the e-mailed link.
    guest = open_page()
    guest.goto(url)
    expect(guest.get_by_text("nog 2 plaatsen")).to_be_visible()
    axe(guest)
    _guest_registers(
        guest, url, "Fatima el Amrani", "f.elamrani@houten.example", "Inschrijven"
    )
    guest.goto(live_server.url + _link(mail.outbox[-1], "bevestigen"))
    axe(guest)
    guest.get_by_role("button", name="Mijn inschrijving bevestigen").click()
    expect(guest.get_by_text("U bent ingeschreven")).to_be_visible()
    assert SECRET_LINK not in guest.content()

    # A member logs in, checks the prefilled details and takes the last place.
    person = open_page()
    person.goto(live_server.url + "/accounts/login/?next=" + event.url)
    person.get_by_label("E-mail").fill(member.email)
    person.get_by_label("Wachtwoord").fill(PASSWORD)
    person.get_by_role("button", name="Inloggen").click()
    expect(person.get_by_text("U schrijft zich in met deze gegevens")).to_be_visible()
    expect(person.get_by_text(member.organisation)).to_be_visible()
    person.get_by_role("button", name="Inschrijven").click()
    expect(person.get_by_text("U bent ingeschreven")).to_be_visible()
    expect(person.get_by_role("link", name=SECRET_LINK)).to_be_visible()
    axe(person)

    # The event is full: the next guest goes on the waiting list.
    late = open_page()
    late.goto(url)
    expect(late.get_by_text("Vol: u kunt zich op de wachtlijst zetten")).to_be_visible()
    _guest_registers(
        late, url, "Sem de Boer", "s.deboer@politie-oost.example", "Op de wachtlijst"
    )
    late.goto(live_server.url + _link(mail.outbox[-1], "bevestigen"))
    late.get_by_role("button", name="Mijn inschrijving bevestigen").click()
    expect(late.get_by_text("u staat op de wachtlijst")).to_be_visible()
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 2

    # The member cancels through the link in their confirmation; the guest
    # on the waiting list gets the place and the promotion mail.
    confirmation = _mail_to(member.email, "Inschrijving bevestigd")
    person.goto(live_server.url + _link(confirmation, "annuleren"))
    person.get_by_role("button", name="Mijn inschrijving annuleren").click()
    expect(person.get_by_text("Uw inschrijving is geannuleerd")).to_be_visible()
    promotion = _mail_to("s.deboer@politie-oost.example", "Er is een plaats voor u")
    assert SECRET_LINK in promotion.body
    assert promotion.attachments
    late.goto(live_server.url + _link(promotion, "annuleren"))
    expect(late.get_by_text("Bevestigd", exact=True)).to_be_visible()
    axe(late)
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 2

    # Nothing on these pages came from another host.
    assert hosts == {urlsplit(live_server.url).netloc}
