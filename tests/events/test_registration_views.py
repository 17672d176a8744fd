"""Registering through the event page and the links in e-mails."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from portal.accounts.services import account_delete, account_export
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status
SECRET_LINK = "https://teams.example/geheime-vergadering"
GUEST = {
    "name": "Fatima el Amrani",
    "organisation": "Gemeente Houten",
    "job_title": "Jongerenwerker",
    "email": "f.elamrani@houten.example",
}


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, capacity=1, meeting_link=SECRET_LINK)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def _post(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return _post


def _register_url(event) -> str:
    return event.url + "inschrijven/"


def _link(mail, kind: str) -> str:
    return re.search(rf"https?://[^/\s]+(/inschrijving/{kind}/\S+)", mail.body)[1]


def test_member_registers_with_one_click_and_sees_the_link(client, post, event, member):
    client.force_login(member)
    page = client.get(event.url).content.decode()
    assert member.organisation in page and SECRET_LINK not in page
    response = post(_register_url(event))
    assert response.status_code == 302
    registration = event.registrations.get()
    assert (registration.user, registration.status) == (member, Status.CONFIRMED)
    page = client.get(event.url).content.decode()
    assert SECRET_LINK in page
    assert "U bent ingeschreven" in page


def test_guest_registers_and_confirms_by_link(client, post, event, mailoutbox):
    response = post(_register_url(event), GUEST)
    assert response.status_code == 302
    assert event.registrations.get().status == Status.UNCONFIRMED
    link = _link(mailoutbox[0], "bevestigen")
    assert client.get(link).status_code == 200  # a mail scanner opening it...
    assert event.registrations.get().status == Status.UNCONFIRMED  # ...changes nothing
    post(link)
    assert event.registrations.get().status == Status.CONFIRMED
    assert SECRET_LINK in mailoutbox[-1].body


def test_cancel_link_frees_the_place_for_the_waiting_list(
    client, post, event, member, mailoutbox
):
    post(_register_url(event), GUEST)
    post(_link(mailoutbox[-1], "bevestigen"))
    client.force_login(member)
    post(_register_url(event))
    assert event.registrations.get(user=member).status == Status.WAITING
    guest_confirmation = next(
        m for m in mailoutbox if m.to == [GUEST["email"]] and m.attachments
    )
    client.logout()
    post(_link(guest_confirmation, "annuleren"))
    assert event.registrations.get(user=member).status == Status.CONFIRMED
    assert mailoutbox[-1].to == [member.email]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "geen-adres", "Voer een geldig e-mailadres in"),
        ("name", "x" * 5000, "niet meer dan 200 tekens"),
        ("organisation", "", "Dit is een verplicht veld"),
    ],
)
def test_bad_guest_details_are_refused_with_a_message(
    client, event, field, value, message
):
    response = client.post(_register_url(event), {**GUEST, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not event.registrations.exists()


def test_registering_twice_gives_a_message_not_a_second_place(client, post, event):
    post(_register_url(event), GUEST)
    response = client.post(_register_url(event), GUEST, follow=True)
    assert "al ingeschreven" in response.content.decode()
    assert event.registrations.count() == 1


def test_past_event_refuses_registration_without_change(client, event):
    event.starts_at = timezone.now() - dt.timedelta(days=3)
    event.ends_at = event.starts_at + dt.timedelta(hours=1)
    event.save_revision().publish()
    response = client.post(_register_url(event), GUEST, follow=True)
    assert "heeft al plaatsgevonden" in response.content.decode()
    assert not event.registrations.exists()


@pytest.mark.parametrize("token", ["onzin", "eyJyIjoxLCJhIjoiY2FuY2VsIn0:forged:sig"])
def test_forged_links_change_nothing(client, post, event, token):
    post(_register_url(event), GUEST)
    for name in ("registration_cancel", "registration_confirm"):
        url = reverse(f"events:{name}", kwargs={"token": token})
        response = client.post(url)
        assert response.status_code == 404
        assert "Link niet geldig" in response.content.decode()
    assert event.registrations.get().status == Status.UNCONFIRMED


def test_a_confirm_link_cannot_cancel(client, post, event, mailoutbox):
    post(_register_url(event), GUEST)
    confirm_token = _link(mailoutbox[0], "bevestigen").split("/")[-2]
    url = reverse("events:registration_cancel", kwargs={"token": confirm_token})
    assert client.post(url).status_code == 404


def test_register_needs_post(client, event):
    assert client.get(_register_url(event)).status_code == 405


def test_meeting_link_never_in_public_responses(client, post, event, mailoutbox):
    post(_register_url(event), GUEST)
    post(_link(mailoutbox[0], "bevestigen"))
    for url in (
        event.url,
        event.get_parent().url,
        "/",
        "/agenda/bijeenkomsten.ics",
        f"/agenda/bijeenkomst-{event.pk}.ics",
        "/zoeken/?q=Leerkring",
    ):
        assert SECRET_LINK not in client.get(url).content.decode(), url


def test_export_and_deletion_cover_registrations(
    client, post, event, member, mailoutbox
):
    client.force_login(member)
    post(_register_url(event))
    data = account_export(user=member)
    assert data["registrations"][0]["event"] == event.title
    client.logout()
    post(_register_url(event), GUEST)
    post(_link(mailoutbox[-1], "bevestigen"))
    assert event.registrations.get(email=GUEST["email"]).status == Status.WAITING
    account_delete(user=member)
    assert not event.registrations.filter(email=member.email).exists()
    assert event.registrations.get(email=GUEST["email"]).status == Status.CONFIRMED


def test_event_page_queries_do_not_grow_with_registrations(client, event, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member)
    client.get(event.url)
    with CaptureQueriesContext(connection) as few:
        client.get(event.url)
    for n in range(30):
        Registration.objects.create(
            event=event,
            name=f"P{n}",
            organisation="o",
            job_title="j",
            email=f"p{n}@x.example",
            status=Status.WAITING,
        )
    with CaptureQueriesContext(connection) as many:
        client.get(event.url)
    assert len(many) == len(few)


def test_expired_confirm_link_changes_nothing(client, post, event, mailoutbox):
    from freezegun import freeze_time

    post(_register_url(event), GUEST)
    link = _link(mailoutbox[0], "bevestigen")
    assert "/inschrijving/annuleren/" in mailoutbox[0].body
    with freeze_time(timezone.now() + dt.timedelta(days=8)):
        response = client.post(link)
    assert response.status_code == 404
    assert "Link niet geldig" in response.content.decode()
    assert event.registrations.get().status == Status.UNCONFIRMED
