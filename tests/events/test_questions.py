import csv
import io

import pytest
from django.urls import reverse

from events.models import EventQuestion
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db
GUEST = {
    "name": "Sem de Boer",
    "organisation": "Politie Oost-Nederland",
    "job_title": "Wijkagent",
    "email": "s.deboer@politie.example",
}


@pytest.fixture
def event(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    EventQuestion.objects.create(
        event=event, label="Welke casus wilt u inbrengen?", required=True, sort_order=0
    )
    EventQuestion.objects.create(
        event=event,
        label="Hoe neemt u deel?",
        choices="Met camera\nAlleen luisteren",
        sort_order=1,
    )
    return event


def _field(question) -> str:
    return f"vraag_{question.pk}"


def test_questions_show_on_the_form(client, event):
    body = client.get(event.url).content.decode()
    assert "Welke casus wilt u inbrengen?" in body
    assert "Alleen luisteren" in body


def test_required_answer_missing_is_refused(client, event):
    response = client.post(event.url + "inschrijven/", GUEST)
    assert response.status_code == 400
    assert "Dit is een verplicht veld" in response.content.decode()
    assert not event.registrations.exists()


def test_answers_are_kept_and_exported(client, editor, event):
    first, second = event.questions.all()
    client.post(
        event.url + "inschrijven/",
        {
            **GUEST,
            _field(first): "=Rellen na oproep op TikTok",
            _field(second): "Met camera",
        },
    )
    registration = event.registrations.get()
    assert registration.answers == [
        {
            "question": "Welke casus wilt u inbrengen?",
            "answer": "=Rellen na oproep op TikTok",
        },
        {"question": "Hoe neemt u deel?", "answer": "Met camera"},
    ]
    login_with_second_factor(client, editor)
    export = client.get(reverse("event_participants:export", args=[event.pk]))
    rows = list(
        csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][-2:] == ["Welke casus wilt u inbrengen?", "Hoe neemt u deel?"]
    assert rows[1][-2:] == ["'=Rellen na oproep op TikTok", "Met camera"]


def test_unknown_choice_is_refused(client, event):
    first, second = event.questions.all()
    response = client.post(
        event.url + "inschrijven/",
        {**GUEST, _field(first): "x", _field(second): "Anders"},
    )
    assert response.status_code == 400
    assert not event.registrations.exists()


def test_member_answers_too(client, member, event):
    first, _second = event.questions.all()
    client.force_login(member)
    client.post(event.url + "inschrijven/", {_field(first): "Pedojagers in de wijk"})
    assert event.registrations.get().answers[0]["answer"] == "Pedojagers in de wijk"
