"""Events ask the one access decision (portal.accounts.access): an event
restricted to logged-in users stays out of the calendar feeds and has no
.ics, and an account that is not approved cannot register for it."""

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.models import Registration
from tests.accounts.factories import MemberFactory, UserFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

GUEST = {
    "name": "Fatima el Amrani",
    "organisation": "Gemeente Houten",
    "job_title": "Jongerenwerker",
    "email": "f.elamrani@houten.example",
}


@pytest.fixture
def events(home_page):
    index = EventIndexPageFactory(parent=home_page)
    public = EventPageFactory(parent=index, title="Openbare leerkring")
    logged_in = EventPageFactory(parent=index, title="Besloten leerkring")
    PageViewRestriction.objects.create(
        page=logged_in, restriction_type=PageViewRestriction.LOGIN
    )
    return {"public": public, "login": logged_in}


def _summaries(response) -> set[str]:
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


@pytest.mark.readme_claim(
    "Visitors read public pages, news, events and documents; a page, document "
    "collection or event restricted to logged-in users or to a group sends them"
    " to log in, and one with a password asks for it."
)
@pytest.mark.parametrize("url", ["/agenda/bijeenkomsten.ics", "/agenda/leerkring.ics"])
def test_feed_holds_only_events_everyone_may_see(client, events, url):
    assert _summaries(client.get(url)) == {"Openbare leerkring"}


def test_restricted_event_has_no_ics_even_for_a_member(client, events):
    client.force_login(MemberFactory())
    url = f"/agenda/bijeenkomst-{events['login'].pk}.ics"
    assert client.get(url).status_code == 404
    public = f"/agenda/bijeenkomst-{events['public'].pk}.ics"
    assert _summaries(client.get(public)) == {"Openbare leerkring"}


@pytest.mark.readme_claim(
    "An account that is not approved (e-mail address not verified, waiting for "
    'approval, or rejected) counts as a visitor for every restriction, "logged-'
    'in users" included: it is told the content is for members, and it cannot '
    "register for a restricted event."
)
@pytest.mark.parametrize("status", ["unverified", "pending", "rejected"])
def test_unapproved_account_cannot_register_for_a_logged_in_event(
    client, events, status
):
    client.force_login(UserFactory(approval_status=status))
    event = events["login"]
    response = client.post(event.url + "inschrijven/", GUEST)
    assert response.status_code == 403
    assert "Alleen voor leden" in response.content.decode()
    assert not Registration.objects.exists()


def test_member_registers_for_a_logged_in_event(client, events):
    member = MemberFactory()
    client.force_login(member)
    event = events["login"]
    response = client.post(event.url + "inschrijven/")
    assert response.status_code == 302
    assert event.registrations.get().user == member
