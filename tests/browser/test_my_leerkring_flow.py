"""Mijn Leerkring in a real browser: a member registers, finds the meeting
on their overview, cancels there with one confirmation and gets the
calendar CANCEL; a member on the waiting list reads their place; the
details can be changed."""

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from events.models import Registration
from events.services import registration_create
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
Status = Registration.Status


def _calendar_to(address: str) -> list[tuple[str, dict]]:
    found = []
    for message in mail.outbox:
        if message.to == [address] and message.attachments:
            content = message.attachments[0][1]
            calendar = Calendar.from_ical(content)
            found.append((str(calendar["METHOD"]), calendar.walk("VEVENT")[0]))
    return found


def test_member_registers_finds_it_on_the_overview_and_cancels_there(
    live_server, new_page, axe, home_page, member
):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, title="Roadshow Midden-Nederland")
    page = new_page()
    log_in(page, live_server.url, member.email, event.url)
    page.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_text("U bent ingeschreven")).to_be_visible()

    page.get_by_role("link", name="Mijn Leerkring").click()
    expect(page.get_by_role("heading", name="Mijn bijeenkomsten")).to_be_visible()
    expect(
        page.get_by_role("link", name="Roadshow Midden-Nederland", exact=True)
    ).to_be_visible()
    expect(page.get_by_text("Bevestigd")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Annuleren: Roadshow Midden-Nederland").click()
    expect(page.get_by_role("heading", name="Inschrijving annuleren")).to_be_visible()
    axe(page)
    assert event.registrations.get().status == Status.CONFIRMED  # asked, not done
    page.get_by_role("button", name="Mijn inschrijving annuleren").click()
    expect(page.get_by_text("Uw inschrijving is geannuleerd")).to_be_visible()
    assert page.url == live_server.url + "/mijn-account/"
    expect(
        page.get_by_text("U bent niet ingeschreven voor een bijeenkomst")
    ).to_be_visible()
    assert event.registrations.get().status == Status.CANCELLED

    [(first, invitation), (last, withdrawal)] = _calendar_to(member.email)
    assert (first, last) == ("REQUEST", "CANCEL")
    assert withdrawal["UID"] == invitation["UID"]
    assert withdrawal["SEQUENCE"] > invitation["SEQUENCE"]


def test_waiting_member_sees_their_place_and_changes_their_details(
    live_server, new_page, axe, home_page, member
):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, capacity=1, title="Leerkring Zwolle")
    for user in (MemberFactory(), MemberFactory()):
        registration_create(
            event=event,
            user=user,
            name="Lid",
            organisation="o",
            job_title="j",
            email=user.email,
        )
    page = new_page()
    log_in(page, live_server.url, member.email, event.url)
    page.get_by_role("button", name="Zet mij op de wachtlijst").click()
    expect(page.get_by_text("U staat 2e op de wachtlijst.")).to_be_visible()
    axe(page)
    page.goto(live_server.url + "/mijn-account/")
    expect(page.get_by_text("U staat 2e op de wachtlijst.")).to_be_visible()

    page.get_by_role("link", name="Mijn gegevens wijzigen").click()
    page.get_by_label("Organisatie").fill("Politie Midden-Nederland")
    axe(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Uw gegevens zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Politie Midden-Nederland")).to_be_visible()
