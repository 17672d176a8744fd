import csv
import io

import pytest
from django.urls import reverse

from events.models import Registration
from tests.accounts.factories import AdviserFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def event(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=2)
    for n, status in enumerate(
        [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING, Status.CANCELLED]
    ):
        Registration.objects.create(
            event=event,
            name='=HYPERLINK("x")' if n == 1 else f"Deelnemer {n}",
            organisation="Gemeente Ede",
            job_title="OOV",
            email=f"d{n}@ede.example",
            status=status,
        )
    return event


def test_adviser_sees_counts_and_participants(client, editor, event):
    login_with_second_factor(client, editor)
    index = client.get(reverse("event_participants:index")).content.decode()
    assert event.title in index
    page = client.get(reverse("event_participants:participants", args=[event.pk]))
    body = page.content.decode()
    assert body.index("d0@ede.example") < body.index("d2@ede.example")


def test_csv_export_opens_in_dutch_excel_and_defuses_formulas(client, editor, event):
    login_with_second_factor(client, editor)
    response = client.get(reverse("event_participants:export", args=[event.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:2] == ["Naam", "Organisatie"]
    assert len(rows) == 5
    assert rows[2][0] == '\'=HYPERLINK("x")'


def test_attendance_and_message(client, editor, event, mailoutbox):
    login_with_second_factor(client, editor)
    confirmed = event.registrations.filter(status=Status.CONFIRMED)
    first = confirmed.first()
    client.post(
        reverse("event_participants:attendance", args=[event.pk]),
        {"attended": [str(first.pk), "nonsense"]},
    )
    assert dict(confirmed.values_list("pk", "attended")) == {
        first.pk: True,
        confirmed.last().pk: False,
    }
    client.post(
        reverse("event_participants:message", args=[event.pk]),
        {"subject": "Zaal gewijzigd", "body": "We zitten in zaal 2."},
    )
    assert sorted(m.to[0] for m in mailoutbox) == ["d0@ede.example", "d1@ede.example"]


def test_empty_message_sends_nothing(client, editor, event, mailoutbox):
    login_with_second_factor(client, editor)
    client.post(reverse("event_participants:message", args=[event.pk]), {"subject": ""})
    assert mailoutbox == []


@pytest.mark.parametrize("who", ["member", "unapproved"])
def test_only_advisers_see_participants(client, request, event, who):
    login_with_second_factor(client, request.getfixturevalue(who))
    for name in ("participants", "export"):
        url = reverse(f"event_participants:{name}", args=[event.pk])
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"d0@ede.example" not in response.content


def test_advisers_group_has_the_permission_from_the_migration(event):
    adviser = AdviserFactory()
    assert adviser.has_perm("events.manage_registrations")


def _participants(event) -> str:
    return reverse("event_participants:participants", args=[event.pk])


def test_adviser_adds_a_participant_who_gets_a_place_or_the_waiting_list(
    client, editor, home_page, django_capture_on_commit_callbacks, mailoutbox
):
    from tests.accounts.factories import MemberFactory

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=1)
    event.registration_closed = True  # closed to the public, not to advisers
    event.save()
    known = MemberFactory(email="noor@apeldoorn.example")
    login_with_second_factor(client, editor)
    url = reverse("event_participants:add", args=[event.pk])
    details = {"name": "Noor Bakker", "organisation": "Gemeente", "job_title": "OOV"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**details, "email": "Noor@Apeldoorn.example"})
        client.post(url, {**details, "email": "sem@politie.example"})
    first = event.registrations.get(email="noor@apeldoorn.example")
    second = event.registrations.get(email="sem@politie.example")
    assert (first.status, first.user) == (Status.CONFIRMED, known)
    assert (second.status, second.user) == (Status.WAITING, None)
    assert {m.to[0] for m in mailoutbox} == {first.email, second.email}
    assert mailoutbox[0].attachments  # the invitation with the place
    # Twice the same address, or a form without an address: a message, no row.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            url, {**details, "email": "sem@politie.example"}, follow=True
        )
        empty = client.post(url, details, follow=True)
    assert "is al ingeschreven" in again.content.decode()
    assert "Niet toegevoegd" in empty.content.decode()
    assert event.registrations.count() == 2


def test_adviser_gives_a_waiting_person_a_place_beyond_the_capacity(
    client, editor, event, django_capture_on_commit_callbacks, mailoutbox
):
    waiting = event.registrations.get(status=Status.WAITING)
    login_with_second_factor(client, editor)
    assert "Plaats geven" in client.get(_participants(event)).content.decode()
    url = reverse("event_participants:promote", args=[event.pk, waiting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 3
    [mail] = mailoutbox
    assert mail.to == [waiting.email] and mail.attachments
    # A second press changes nothing and says why.
    again = client.post(url, follow=True).content.decode()
    assert "staat niet op de wachtlijst" in again


def test_adding_and_promoting_need_the_permission(client, member, event):
    waiting = event.registrations.get(status=Status.WAITING)
    client.force_login(member)
    add = reverse("event_participants:add", args=[event.pk])
    promote = reverse("event_participants:promote", args=[event.pk, waiting.pk])
    # Sent to the admin login or refused, as every participants view.
    assert client.post(add, {"name": "x", "email": "x@x.example"}).status_code in (
        302,
        403,
    )
    assert client.post(promote).status_code in (302, 403)
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITING
    assert event.registrations.count() == 4


def test_promoting_someone_of_another_event_is_404(client, editor, event):
    other = EventPageFactory(parent=event.get_parent())
    waiting = event.registrations.get(status=Status.WAITING)
    login_with_second_factor(client, editor)
    url = reverse("event_participants:promote", args=[other.pk, waiting.pk])
    assert client.post(url).status_code == 404
