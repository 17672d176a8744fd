"""A guest's registration reveals nothing about anyone else, an unconfirmed
one never blocks the owner of the address, and one not confirmed within 48
hours lapses: its link is refused, it holds no place, and it is purged."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from events.models import Registration
from events.services import registrations_purge_unconfirmed
from events.states import UNCONFIRMED_LAPSE, lapsed_message
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status
GUEST = {
    "name": "Iemand Anders",
    "organisation": "Onbekend",
    "job_title": "Onbekend",
    "email": "iemand@elders.example",
}


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, capacity=1)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def _post(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return _post


def _register_url(event) -> str:
    return event.url + "inschrijven/"


def _confirm_link(mail) -> str:
    return re.search(r"https?://[^/\s]+(/inschrijving/bevestigen/\S+)", mail.body)[1]


def _said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _lapse(registration) -> None:
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - UNCONFIRMED_LAPSE - dt.timedelta(minutes=1)
    )


def _dutch(text: str, **values) -> str:
    with translation.override("nl"):
        return gettext(text) % values


def test_a_guest_with_a_members_address_hears_what_a_new_guest_hears(
    client, post, event, member, mailoutbox
):
    client.force_login(member)
    post(_register_url(event))
    client.logout()
    mailoutbox.clear()
    taken = post(_register_url(event), {**GUEST, "email": member.email})
    page = client.get(event.url).content.decode()  # shows the message
    assert "al ingeschreven" not in page
    fresh = post(_register_url(event), GUEST)
    assert _said(taken) == [
        m.replace(GUEST["email"], member.email) for m in _said(fresh)
    ]
    # Nothing changed for the member; the mail to their address says why.
    assert event.registrations.get(email=member.email).user == member
    [to_member] = [m for m in mailoutbox if m.to == [member.email]]
    expected = _dutch("Already registered: %(title)s", title=event.title)
    assert to_member.subject.endswith(expected)
    assert "bevestigen" not in to_member.body
    assert event.registrations.count() == 2  # the member and the new guest


def test_an_unconfirmed_registration_with_a_members_address_does_not_block_them(
    client, post, event, member, mailoutbox
):
    post(_register_url(event), {**GUEST, "email": member.email})
    stranger_link = _confirm_link(mailoutbox[-1])
    client.force_login(member)
    response = post(_register_url(event))
    assert "al ingeschreven" not in " ".join(_said(response))
    # The member has the place; the unconfirmed registration is dropped.
    [registration] = event.registrations.all()
    assert (registration.user, registration.status) == (member, Status.CONFIRMED)
    assert registration.name != GUEST["name"]
    client.logout()
    assert client.get(stranger_link).status_code == 404
    post(stranger_link)
    assert list(event.registrations.all()) == [registration]


def test_a_guest_registering_again_replaces_the_unconfirmed_one(
    post, event, mailoutbox
):
    post(_register_url(event), GUEST)
    post(_register_url(event), {**GUEST, "name": "Iemand Anders Nieuw"})
    [registration] = event.registrations.all()
    assert registration.name == "Iemand Anders Nieuw"
    assert registration.status == Status.UNCONFIRMED
    assert len(mailoutbox) == 2 and all(m.to == [GUEST["email"]] for m in mailoutbox)


def test_a_link_confirmed_within_48_hours_works(post, event, mailoutbox):
    post(_register_url(event), GUEST)
    registration = event.registrations.get()
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - UNCONFIRMED_LAPSE + dt.timedelta(minutes=5)
    )
    post(_confirm_link(mailoutbox[-1]))
    assert event.registrations.get().status == Status.CONFIRMED


def test_a_lapsed_link_is_refused_with_a_message(client, post, event, mailoutbox):
    post(_register_url(event), GUEST)
    registration = event.registrations.get()
    _lapse(registration)
    link = _confirm_link(mailoutbox[-1])
    with translation.override("nl"):
        message = lapsed_message()
    page = client.get(link)
    assert escape(message) in page.content.decode()
    assert _dutch("Confirm my registration") not in page.content.decode()
    response = post(link)
    assert _said(response) == [message]
    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED


def test_a_lapsed_registration_holds_no_place(client, post, event, member, mailoutbox):
    post(_register_url(event), GUEST)
    guest_link = _confirm_link(mailoutbox[-1])
    _lapse(event.registrations.get())
    client.force_login(member)
    post(_register_url(event))
    assert event.registrations.get(user=member).status == Status.CONFIRMED
    client.logout()
    post(guest_link)
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 1
    assert event.registrations.get(email=GUEST["email"]).status == Status.UNCONFIRMED


def _registration(event, email, status, *, age: dt.timedelta):
    return Registration.objects.create(
        event=event,
        name="Gast",
        organisation="Gemeente",
        job_title="OOV",
        email=email,
        status=status,
        created_at=timezone.now() - age,
    )


def test_the_purge_deletes_lapsed_unconfirmed_registrations_only(event):
    lapsed = _registration(
        event, "a@x.example", Status.UNCONFIRMED, age=dt.timedelta(hours=49)
    )
    fresh = _registration(
        event, "b@x.example", Status.UNCONFIRMED, age=dt.timedelta(hours=47)
    )
    old_confirmed = _registration(
        event, "c@x.example", Status.CONFIRMED, age=dt.timedelta(days=30)
    )
    assert registrations_purge_unconfirmed() == 1
    left = set(Registration.objects.values_list("pk", flat=True))
    assert left == {fresh.pk, old_confirmed.pk}
    assert lapsed.pk not in left


def test_the_daily_command_purges_them(event):
    _registration(event, "a@x.example", Status.UNCONFIRMED, age=dt.timedelta(days=3))
    out = StringIO()
    call_command("purge_event_personal_data", stdout=out)
    assert "Unconfirmed registrations deleted: 1" in out.getvalue()
    assert not Registration.objects.exists()


def test_a_change_of_the_event_is_not_mailed_to_a_lapsed_registration(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    event.save_revision().publish()  # the first publish records the schedule
    _registration(event, "a@x.example", Status.UNCONFIRMED, age=dt.timedelta(days=3))
    _registration(event, "b@x.example", Status.UNCONFIRMED, age=dt.timedelta(hours=1))
    event.starts_at += dt.timedelta(hours=1)
    event.ends_at += dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert [m.to for m in mailoutbox] == [["b@x.example"]]
