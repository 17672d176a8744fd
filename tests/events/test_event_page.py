"""What a visitor reads on an event page: the facts, the agenda and the state
of registration."""

import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Registration
from knowledge.models import Adviser
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _body(client, event) -> str:
    response = client.get(event.url)
    assert response.status_code == 200
    return response.content.decode()


def test_facts_agenda_and_times_in_amsterdam(client, index):
    start = dt.datetime(timezone.now().year + 1, 7, 2, 13, 0, tzinfo=AMSTERDAM)
    event = EventPageFactory(
        parent=index,
        kind="roadshow",
        format="location",
        location="Gemeentehuis De Bilt, Bilthoven",
        starts_at=start.astimezone(dt.UTC),
        ends_at=(start + dt.timedelta(hours=2)).astimezone(dt.UTC),
        audience="Jongerenwerkers, OOV-medewerkers gemeente en politie",
        cost_note="Deelname is kosteloos",
        organiser="Centrum voor Criminaliteitspreventie en Veiligheid",
        contact=Adviser.objects.create(name="Joeri Vig", email="j.vig@ccv.example"),
        agenda=[
            ("item", {"time": dt.time(13, 20), "title": "Welkom", "speaker": ""}),
            (
                "item",
                {
                    "time": dt.time(14, 50),
                    "title": "Casus Bodegraven",
                    "speaker": "Burgemeester",
                },
            ),
        ],
    )
    body = _body(client, event)
    # Stored in UTC, shown in Dutch time (summer: UTC+2).
    assert "13:00" in body and "15:00" in body
    assert "Roadshow" in body
    assert "Op locatie, Gemeentehuis De Bilt, Bilthoven" in body
    assert "Deelname is kosteloos" in body
    assert "Centrum voor Criminaliteitspreventie en Veiligheid" in body
    assert "Neem contact op met Joeri Vig" in body
    agenda = body[body.index('class="agenda"') :]
    assert agenda.index("13:20") < agenda.index("Welkom") < agenda.index("14:50")
    assert "Casus Bodegraven <em>(Burgemeester)</em>" in agenda


def test_a_meeting_on_location_needs_an_address(index):
    event = EventPageFactory.build(format="location", location="  ")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "adres" in str(error.value)
    EventPageFactory.build(format="online", location="").clean()


def _past(**kwargs):
    start = timezone.now() - dt.timedelta(days=10)
    return {"starts_at": start, "ends_at": start + dt.timedelta(hours=1), **kwargs}


@pytest.mark.parametrize(
    ("fields", "shown", "form"),
    [
        ({}, "Inschrijving open", True),
        (
            {"registration_opens_at": timezone.now() + dt.timedelta(days=3)},
            "Save the date: de inschrijving opent op",
            False,
        ),
        ({"capacity": 1}, "Vol: u kunt zich op de wachtlijst zetten", True),
        (
            {"registration_closed": True},
            "Het is niet meer mogelijk u voor deze bijeenkomst in te schrijven",
            False,
        ),
        ({"cancelled": True}, "Deze bijeenkomst is geannuleerd.", False),
        (_past(), "Deze bijeenkomst heeft plaatsgevonden.", False),
    ],
    ids=["open", "save-the-date", "full", "closed", "cancelled", "past"],
)
def test_each_state_is_shown_to_a_visitor(client, index, fields, shown, form):
    event = EventPageFactory(parent=index, **fields)
    if event.capacity:
        Registration.objects.create(
            event=event,
            name="Deelnemer",
            organisation="Gemeente Ede",
            job_title="OOV",
            email="d@ede.example",
            status=Registration.Status.CONFIRMED,
        )
    body = _body(client, event)
    assert shown in body
    assert ('action="' + event.url + 'inschrijven/"' in body) is form


def test_past_event_links_report_and_replay(client, index):
    replay = EventPageFactory(parent=index, kind="terugkijken", title="Terugkijken")
    event = EventPageFactory(parent=index, report_page=index, replay=replay, **_past())
    body = _body(client, event)
    assert "Lees het verslag" in body
    assert f'href="{replay.url}"' in body


def test_the_deadline_is_shown_while_open_and_enforced_after(
    client, index, member, django_capture_on_commit_callbacks
):
    deadline = timezone.now() + dt.timedelta(days=2)
    event = EventPageFactory(parent=index, registration_closes_at=deadline)
    page = client.get(event.url).content.decode()
    assert "Inschrijving sluit op" in page
    assert "Inschrijving open" in page
    event.registration_closes_at = timezone.now() - dt.timedelta(minutes=1)
    event.save()
    page = client.get(event.url).content.decode()
    assert "Inschrijving sluit op" not in page
    assert "Inschrijving gesloten" in page
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + "inschrijven/", follow=True)
    assert "Het is niet meer mogelijk" in response.content.decode()
    assert not event.registrations.exists()


@pytest.mark.parametrize(
    ("closes", "opens", "field_error"),
    [
        (dt.timedelta(days=11), None, "voordat de bijeenkomst begint"),
        (dt.timedelta(days=2), dt.timedelta(days=3), "nadat ze opent"),
    ],
)
def test_a_deadline_must_fall_between_opening_and_start(
    index, closes, opens, field_error
):
    now = timezone.now()
    event = EventPageFactory.build(
        starts_at=now + dt.timedelta(days=10),
        ends_at=now + dt.timedelta(days=10, hours=2),
        registration_closes_at=now + closes,
        registration_opens_at=now + opens if opens else None,
    )
    with pytest.raises(ValidationError) as caught:
        event.clean()
    assert field_error in str(caught.value.message_dict["registration_closes_at"])


@pytest.mark.parametrize(
    ("form", "location", "link"),
    [
        (
            "location",
            "Stadhuis Zwolle,  Grote Kerkplein 15",
            "https://www.google.com/maps/dir/?api=1&amp;destination="
            "Stadhuis%20Zwolle%2C%20Grote%20Kerkplein%2015",
        ),
        ("hybrid", "Provinciehuis, Utrecht", "destination=Provinciehuis%2C%20Utrecht"),
        ("online", "Microsoft Teams", None),
    ],
)
def test_a_meeting_on_location_links_to_a_route_planner(
    client, index, form, location, link
):
    event = EventPageFactory(parent=index, format=form, location=location)
    page = client.get(event.url).content.decode()
    if link:
        assert link in page and "Route plannen" in page
    else:
        assert "Route plannen" not in page
    # A link only: no map is embedded in the page.
    assert "<iframe" not in page and "maps.googleapis" not in page
