"""The calendar feed is rendered once and rendered afresh after a change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
FEED = "/agenda/bijeenkomsten.ics"


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _titles(client) -> list[str]:
    calendar = Calendar.from_ical(client.get(FEED).content)
    return sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))


def _publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    return page


def test_second_poll_is_served_from_the_cache(client, index):
    EventPageFactory(parent=index, title="Leerkring Bodegraven")
    first = client.get(FEED).content
    with CaptureQueriesContext(connection) as captured:
        second = client.get(FEED).content
    assert second == first
    assert not [q for q in captured if "events_eventpage" in q["sql"]]


def test_publishing_and_unpublishing_refresh_the_feed(
    client, index, django_capture_on_commit_callbacks
):
    bodegraven = EventPageFactory(parent=index, title="Leerkring Bodegraven")
    assert _titles(client) == ["Leerkring Bodegraven"]
    _publish(
        EventPageFactory(parent=index, title="Roadshow De Bilt", kind="roadshow"),
        django_capture_on_commit_callbacks,
    )
    assert _titles(client) == ["Leerkring Bodegraven", "Roadshow De Bilt"]
    with django_capture_on_commit_callbacks(execute=True):
        bodegraven.unpublish()
    assert _titles(client) == ["Roadshow De Bilt"]


def test_a_change_reaches_the_feed_only_once_committed(client, index):
    event = EventPageFactory(parent=index, title="Leerkring Bodegraven")
    client.get(FEED)
    event.title = "Leerkring Bodegraven (nieuwe datum)"
    event.save_revision().publish()  # inside the test's open transaction
    assert _titles(client) == ["Leerkring Bodegraven"]
