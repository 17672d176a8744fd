"""Thunderbird's parser (ical.js) reads the invitation and the cancellation
of a digital cup of coffee, at the right time in the VTIMEZONE sent."""

import datetime as dt

import pytest

from experts.coffee.services import booking_cancel
from tests.casebook.factories import mail_at_once  # noqa: F401
from tests.events.test_icaljs import icaljs  # noqa: F401

from .coffee import booked

pytestmark = pytest.mark.django_db


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.mark.parametrize("url", ["", "https://vergaderen.example/kamer-1"])
def test_request_and_cancel_parse_for_host_and_member(
    icaljs,  # noqa: F811
    expert,
    requester,
    mailoutbox,
    url,
):
    booking = booked(expert.user, requester, url=url, topic="Oproep op TikTok")
    booking_cancel(booking=booking, by=requester)
    assert len(mailoutbox) == 4
    parsed = [icaljs(message.attachments[0][1]) for message in mailoutbox]
    assert [p["method"] for p in parsed] == ["REQUEST", "REQUEST", "CANCEL", "CANCEL"]
    for calendar in parsed:
        [event] = calendar["events"]
        assert event["uid"] == f"coffee-{booking.pk}@testserver"
        assert event["zone"] == "Europe/Amsterdam"
        assert event["start_utc"] == _utc(booking.slot.starts_at)
        assert event["summary"] == "Digitale kop koffie: Sanne Bakker en Petra Smit"
    assert [p["events"][0]["sequence"] for p in parsed] == [0, 0, 1, 1]
