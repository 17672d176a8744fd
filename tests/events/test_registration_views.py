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


def test_registering_twice_gives_no_second_place(client, post, event, member):
    post(_register_url(event), GUEST)
    post(_register_url(event), GUEST)
    assert event.registrations.count() == 1
    client.force_login(member)
    post(_register_url(event))
    response = client.post(_register_url(event), follow=True)
    assert "al ingeschreven" in response.content.decode()  # their own address
    assert event.registrations.filter(user=member).count() == 1


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
        event.get_parent().url + "?soort=leerkring",
        "/agenda/bijeenkomsten.ics",
        "/agenda/leerkring.ics",
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
    client.get(event.url)  # the waiting list changed: the menu is read again
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


def test_member_whose_account_lacks_details_is_asked_for_them(client, post, event):
    from tests.accounts.factories import MemberFactory

    # An adviser made with createsuperuser has no organisation or function.
    incomplete = MemberFactory(organisation="", job_title="")
    client.force_login(incomplete)
    page = client.get(event.url).content.decode()
    assert 'name="organisation"' in page and 'name="job_title"' in page
    response = client.post(_register_url(event))
    assert response.status_code == 400
    assert "Dit is een verplicht veld" in response.content.decode()
    assert not event.registrations.exists()
    post(_register_url(event), {"organisation": "CCV", "job_title": "Adviseur"})
    registration = event.registrations.get()
    assert (registration.organisation, registration.job_title) == ("CCV", "Adviseur")
    assert registration.status == Status.CONFIRMED


def test_member_with_a_very_long_name_still_gets_a_place(client, post, event):
    from tests.accounts.factories import MemberFactory

    long_named = MemberFactory(first_name="A" * 150, last_name="B" * 150)
    client.force_login(long_named)
    assert 'name="organisation"' not in client.get(event.url).content.decode()
    response = post(_register_url(event))
    assert response.status_code == 302
    registration = event.registrations.get()
    assert registration.status == Status.CONFIRMED
    assert len(registration.name) == 200


def test_member_on_the_waiting_list_does_not_see_the_link(
    client, post, event, member, mailoutbox
):
    post(_register_url(event), GUEST)
    post(_link(mailoutbox[-1], "bevestigen"))
    client.force_login(member)
    post(_register_url(event))
    page = client.get(event.url).content.decode()
    assert "U staat 1e op de wachtlijst." in page
    assert SECRET_LINK not in page


def test_leaving_the_waiting_list_through_the_link_in_the_mail(
    client, post, event, mailoutbox
):
    post(_register_url(event), GUEST)
    post(_link(mailoutbox[-1], "bevestigen"))
    second = {**GUEST, "email": "tweede@houten.example"}
    post(_register_url(event), second)
    post(_link(mailoutbox[-1], "bevestigen"))
    waiting_mail = mailoutbox[-1]
    assert waiting_mail.subject.startswith("[Leerkring] Op de wachtlijst")
    response = client.get(_link(waiting_mail, "annuleren"))
    assert "Op de wachtlijst" in response.content.decode()
    post(_link(waiting_mail, "annuleren"))
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses == {GUEST["email"]: Status.CONFIRMED, second["email"]: "cancelled"}


def test_confirm_link_after_withdrawing_brings_nothing_back(
    client, post, event, mailoutbox
):
    post(_register_url(event), GUEST)
    first_mail = mailoutbox[0]
    post(_link(first_mail, "annuleren"))
    assert event.registrations.get().status == Status.CANCELLED
    confirm = _link(first_mail, "bevestigen")
    assert "al geannuleerd" in client.get(confirm).content.decode()
    response = client.post(confirm, follow=True)
    assert "Deze inschrijving is al geannuleerd." in response.content.decode()
    assert event.registrations.get().status == Status.CANCELLED


def test_export_and_deletion_cover_guest_registrations_of_the_address(
    client, post, event, member, mailoutbox
):
    # Registered as a guest with the address of their account, logged out.
    post(_register_url(event), {**GUEST, "email": member.email})
    assert account_export(user=member)["registrations"][0]["email"] == member.email
    account_delete(user=member)
    assert not event.registrations.exists()


def test_guest_registrations_from_one_address_are_limited(client, event, member):
    from events.views import GUEST_LIMIT

    for n in range(GUEST_LIMIT):
        client.post(
            _register_url(event), {**GUEST, "email": f"gast{n}@politie.example"}
        )
    assert event.registrations.count() == GUEST_LIMIT
    response = client.post(
        _register_url(event),
        {**GUEST, "email": "een-te-veel@politie.example"},
        follow=True,
    )
    assert "Te veel inschrijvingen vanaf uw internetadres" in response.content.decode()
    assert event.registrations.count() == GUEST_LIMIT
    # Members are known; the limit is for strangers.
    client.force_login(member)
    client.post(_register_url(event))
    assert event.registrations.filter(user=member).exists()


def test_guest_form_carries_the_hidden_robot_trap(client, event):
    page = client.get(event.url).content.decode()
    assert '<div class="form-trap" aria-hidden="true">' in page
    assert re.search(r'<input[^>]*name="website"[^>]*tabindex="-1"', page)


def test_robot_filling_the_trap_sees_success_but_nothing_is_stored(
    client, post, event, mailoutbox, caplog
):
    caplog.set_level("INFO", logger="portal.core.honeypot")
    response = post(_register_url(event), {**GUEST, "website": "https://spam.example"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Bijna klaar: bevestig uw inschrijving" in page
    assert GUEST["email"] in page
    assert not event.registrations.exists()
    assert mailoutbox == []
    assert "robot caught on the guest registration form" in caplog.text
    # A person leaves the trap empty and is registered as ever.
    post(_register_url(event), {**GUEST, "website": ""})
    assert event.registrations.get().email == GUEST["email"]
    assert len(mailoutbox) == 1
