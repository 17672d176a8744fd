"""The digital cup of coffee in a real browser: an expert offers a time, a
member books it with a topic and finds it in Mijn Leerkring, both mails carry
the calendar invitation; the member cancels with one confirmation, both get
the cancellation, and the time is free again."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from experts.models import CoffeeBooking
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.experts.factories import ExpertProfileFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
HOST_PAGE = "/experts/digitale-kop-koffie/mijn-tijden/"
COFFEE_PAGE = "/experts/digitale-kop-koffie/"


def _calendars_to(address: str) -> list[tuple[str, object]]:
    found = []
    for message in mail.outbox:
        if message.to == [address] and message.attachments:
            name, content, mimetype = message.attachments[0]
            assert name == "uitnodiging.ics" and mimetype.startswith("text/calendar")
            calendar = Calendar.from_ical(content)
            found.append((str(calendar["METHOD"]), calendar.walk("VEVENT")[0]))
    return found


def test_expert_offers_member_books_sees_it_and_cancels(
    live_server, new_page, axe, member
):
    expert = ExpertProfileFactory(
        user=MemberFactory(first_name="Sanne", last_name="Bakker"),
        expertise=["online monitoring"],
    ).user
    day = timezone.localdate() + dt.timedelta(days=3)

    # The expert offers a time of 30 minutes with a video link.
    host = new_page()
    log_in(host, live_server.url, expert.email, HOST_PAGE)
    expect(host.get_by_role("heading", level=1)).to_have_text(
        "Mijn tijden voor een kop koffie"
    )
    host.get_by_label("Datum").fill(day.isoformat())
    host.get_by_label("Begintijd").fill("10:30")
    host.get_by_label("30 minuten").check()
    host.get_by_label("Vergaderlink").fill("https://vergaderen.example/sanne")
    host.get_by_role("button", name="Deze tijd toevoegen").click()
    expect(host.get_by_text("De tijd is toegevoegd.")).to_be_visible()
    expect(host.get_by_text("Vrij", exact=True)).to_be_visible()
    axe(host)

    # The member chooses it, says what about, and books with one click.
    person = new_page()
    log_in(person, live_server.url, member.email, COFFEE_PAGE)
    expect(person.get_by_text("Sanne Bakker")).to_be_visible()
    person.get_by_label(re.compile(r"10:30–11:00 \(30 minuten, videogesprek\)")).check()
    person.get_by_label("Waar wilt u het over hebben?").fill(
        "Oproepen op Telegram in onze gemeente"
    )
    axe(person)
    person.get_by_role("button", name="Deze tijd reserveren").click()
    expect(
        person.get_by_text("Uw digitale kop koffie met Sanne Bakker is gereserveerd")
    ).to_be_visible()
    booking = CoffeeBooking.objects.get()
    assert booking.member == member and booking.is_booked

    # Both mails carry the invitation: same UID, the host organises.
    [(method, invitation)] = _calendars_to(member.email)
    [(host_method, host_invitation)] = _calendars_to(expert.email)
    assert method == host_method == "REQUEST"
    assert invitation["UID"] == host_invitation["UID"]
    assert str(invitation["ORGANIZER"]) == f"mailto:{expert.email}"
    assert str(invitation["LOCATION"]) == "https://vergaderen.example/sanne"

    # The host sees who booked and the topic.
    host.reload()
    expect(host.get_by_text("Gereserveerd door")).to_be_visible()
    expect(host.get_by_text("Oproepen op Telegram in onze gemeente")).to_be_visible()

    # Mijn Leerkring shows it, with a cancel link and one confirmation step.
    person.get_by_role("link", name="Mijn Leerkring").click()
    expect(
        person.get_by_role("heading", name="Mijn digitale kopjes koffie")
    ).to_be_visible()
    expect(
        person.locator(".overview-list__meta", has_text="met Sanne Bakker")
    ).to_be_visible()
    axe(person)
    person.get_by_role(
        "link", name="Annuleren: digitale kop koffie met Sanne Bakker"
    ).click()
    expect(
        person.get_by_role("heading", name="Digitale kop koffie annuleren")
    ).to_be_visible()
    axe(person)
    booking.refresh_from_db()
    assert booking.is_booked  # asked, not done
    person.get_by_role("button", name="Het gesprek annuleren").click()
    expect(person.get_by_text("De digitale kop koffie is geannuleerd")).to_be_visible()
    booking.refresh_from_db()
    assert not booking.is_booked and booking.topic == ""

    # Both get the CANCEL; the time is free again for everyone.
    for address in (member.email, expert.email):
        [(first, sent), (last, cancellation)] = _calendars_to(address)
        assert (first, last) == ("REQUEST", "CANCEL")
        assert cancellation["UID"] == sent["UID"]
        assert cancellation["SEQUENCE"] > sent["SEQUENCE"]
    expect(
        person.get_by_label(re.compile(r"10:30–11:00 \(30 minuten, videogesprek\)"))
    ).to_be_visible()
    host.reload()
    expect(host.get_by_text("Vrij", exact=True)).to_be_visible()
