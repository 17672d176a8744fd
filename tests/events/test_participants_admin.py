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
