"""Calendar files: valid RFC 5545 that Outlook, Google and Thunderbird import."""

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _calendar(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _summer_event(index, **kwargs):
    start = dt.datetime(timezone.now().year + 1, 7, 2, 13, 30, tzinfo=AMSTERDAM)
    return EventPageFactory(
        parent=index,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=90),
        **kwargs,
    )


def test_event_download_has_every_field(client, index):
    event = _summer_event(index, location="Gemeentehuis De Bilt, Bilthoven")
    response = client.get(f"/agenda/bijeenkomst-{event.pk}.ics")
    assert response["Content-Disposition"].startswith("attachment;")
    calendar = _calendar(response)
    assert calendar["PRODID"] and calendar["VERSION"] == "2.0"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{event.pk}@testserver"
    assert vevent["DTSTAMP"].dt.tzinfo is not None
    start = vevent["DTSTART"]
    assert start.params["TZID"] == "Europe/Amsterdam"
    assert (start.dt.hour, start.dt.minute) == (13, 30)
    assert vevent["DTEND"].dt - start.dt == dt.timedelta(minutes=90)
    assert str(vevent["URL"]) == "http://testserver" + event.url
    assert str(vevent["LOCATION"]) == "Gemeentehuis De Bilt, Bilthoven"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    [alarm] = vevent.walk("VALARM")
    assert alarm["TRIGGER"].dt == dt.timedelta(hours=-1)


def test_time_zone_uses_rules_not_date_lists(client, index):
    event = _summer_event(index)
    raw = client.get(f"/agenda/bijeenkomst-{event.pk}.ics").content.decode()
    [vtimezone] = Calendar.from_ical(raw).walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Amsterdam"
    rules = {c.name: c["RRULE"] for c in vtimezone.subcomponents}
    assert rules["DAYLIGHT"]["BYMONTH"] == [3]
    assert rules["STANDARD"]["BYMONTH"] == [10]
    assert rules["DAYLIGHT"]["BYDAY"] == rules["STANDARD"]["BYDAY"] == ["-1SU"]
    assert "RDATE" not in raw
    # Every line ends in CRLF, as RFC 5545 requires.
    assert raw.count("\n") == raw.count("\r\n")


def test_uid_is_stable_across_downloads_and_feed(client, index):
    event = _summer_event(index)
    first = _calendar(client.get(f"/agenda/bijeenkomst-{event.pk}.ics")).walk("VEVENT")[
        0
    ]["UID"]
    again = _calendar(client.get(f"/agenda/bijeenkomst-{event.pk}.ics")).walk("VEVENT")[
        0
    ]["UID"]
    in_feed = _calendar(client.get("/agenda/bijeenkomsten.ics")).walk("VEVENT")[0]
    assert first == again == in_feed["UID"]


def test_feed_holds_upcoming_events_and_marks_cancelled_ones(client, index):
    upcoming = EventPageFactory(parent=index, title="Komt nog")
    EventPageFactory(parent=index, title="Afgelast", cancelled=True)
    past = timezone.now() - dt.timedelta(days=3)
    EventPageFactory(
        parent=index,
        title="Geweest",
        starts_at=past,
        ends_at=past + dt.timedelta(hours=1),
    )
    response = client.get("/agenda/bijeenkomsten.ics")
    assert response["Content-Disposition"].startswith("inline;")
    calendar = _calendar(response)
    assert str(calendar["X-WR-CALNAME"]) == "Bijeenkomsten van Leerkring"
    status = {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert status == {upcoming.title: "CONFIRMED", "Afgelast": "CANCELLED"}


def test_feed_per_kind(client, index):
    EventPageFactory(parent=index, title="Leerkring", kind="leerkring")
    EventPageFactory(parent=index, title="Roadshow De Bilt", kind="roadshow")
    calendar = _calendar(client.get("/agenda/roadshow.ics"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Roadshow De Bilt"]
    assert str(calendar["X-WR-CALNAME"]).endswith("Roadshow")


def test_unknown_kind_is_404(client, index):
    assert client.get("/agenda/onzin.ics").status_code == 404


def test_unpublished_events_stay_out_of_the_feed(client, index):
    draft = EventPageFactory(parent=index, title="Concept")
    draft.unpublish()
    assert not _calendar(client.get("/agenda/bijeenkomsten.ics")).walk("VEVENT")


def test_feed_queries_do_not_grow_with_events(client, index):
    EventPageFactory(parent=index)
    client.get("/agenda/bijeenkomsten.ics")
    with CaptureQueriesContext(connection) as few:
        client.get("/agenda/bijeenkomsten.ics")
    EventPageFactory.create_batch(10, parent=index)
    with CaptureQueriesContext(connection) as many:
        client.get("/agenda/bijeenkomsten.ics")
    assert len(many) == len(few)


def test_event_page_offers_calendar_links(client, index):
    event = EventPageFactory(parent=index)
    body = client.get(event.url).content.decode()
    assert f'href="/agenda/bijeenkomst-{event.pk}.ics"' in body
    assert 'href="webcal://testserver/agenda/bijeenkomsten.ics"' in body
    past = timezone.now() - dt.timedelta(days=3)
    old = EventPageFactory(
        parent=index, starts_at=past, ends_at=past + dt.timedelta(hours=1)
    )
    assert f"bijeenkomst-{old.pk}.ics" not in client.get(old.url).content.decode()


def test_restricted_or_unknown_event_download_is_404(client, index):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    event = EventPageFactory(parent=index)
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Members"))
    assert client.get(f"/agenda/bijeenkomst-{event.pk}.ics").status_code == 404
    assert client.get("/agenda/bijeenkomst-999999.ics").status_code == 404


def test_index_filters_by_kind_and_month(client, index):
    start = timezone.now().replace(day=15, hour=12) + dt.timedelta(days=62)
    EventPageFactory(
        parent=index,
        title="Roadshow Zwolle",
        kind="roadshow",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    EventPageFactory(
        parent=index,
        title="Leerkring later",
        kind="leerkring",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    EventPageFactory(parent=index, title="Leerkring eerder", kind="leerkring")
    body = client.get(index.url + "?soort=roadshow").content.decode()
    assert "Roadshow Zwolle" in body and "Leerkring later" not in body
    month = timezone.localtime(start).strftime("%Y-%m")
    body = client.get(index.url + f"?maand={month}").content.decode()
    assert "Leerkring later" in body and "Leerkring eerder" not in body


@pytest.mark.parametrize("query", ["?soort=onzin", "?maand=2026-13", "?maand=<b>"])
def test_index_survives_odd_filters(client, index, query):
    EventPageFactory(parent=index, title="Leerkring")
    response = client.get(index.url + query)
    assert response.status_code == 200
    assert "Leerkring" in response.content.decode()


def test_index_filters_by_audience(client, index):
    from events.models import Audience

    police = Audience.objects.get(slug="politie")
    for_police = EventPageFactory(parent=index, title="Voor politie")
    for_police.audiences.set([police])
    for_police.save_revision().publish()
    EventPageFactory(parent=index, title="Voor jongerenwerk")
    body = client.get(index.url + "?doelgroep=politie").content.decode()
    assert "Voor politie" in body and "Voor jongerenwerk" not in body
    response = client.get(index.url + "?doelgroep=onbekend")
    assert "Er is geen doelgroep met die naam" in response.content.decode()
