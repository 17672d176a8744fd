import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from events.models import Registration
from events.services import registrations_anonymise_expired, reminders_send
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _registration(event, n=0, status=Status.CONFIRMED, **kwargs):
    return Registration.objects.create(
        event=event,
        name=f"Deelnemer {n}",
        organisation="Gemeente Zeist",
        job_title="OOV-adviseur",
        email=f"d{n}@zeist.example",
        status=status,
        **kwargs,
    )


def _starting_in(index, hours: float, **kwargs):
    start = timezone.now() + dt.timedelta(hours=hours)
    return EventPageFactory(
        parent=index, starts_at=start, ends_at=start + dt.timedelta(hours=1), **kwargs
    )


def test_reminder_once_a_day_before(
    index, mailoutbox, django_capture_on_commit_callbacks
):
    tomorrow = _starting_in(index, 20, meeting_link="https://teams.example/m")
    _registration(tomorrow, 1)
    _registration(tomorrow, 2, status=Status.WAITING)
    _registration(tomorrow, 3, status=Status.CANCELLED)
    _registration(_starting_in(index, 30), 4)
    _registration(_starting_in(index, 10, cancelled=True), 5)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 1
    [reminder] = mailoutbox
    assert reminder.to == ["d1@zeist.example"]
    assert reminder.subject.startswith("[Leerkring] Herinnering:")
    assert "https://teams.example/m" in reminder.body
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 0  # the next hourly run sends nothing twice
    assert len(mailoutbox) == 1


def test_reminder_command(index):
    _registration(_starting_in(index, 5))
    out = StringIO()
    call_command("send_event_reminders", stdout=out)
    assert "Reminders sent: 1" in out.getvalue()


def test_personal_data_is_erased_after_retention_but_counts_stay(index, settings):
    settings.EVENTS_RETENTION_DAYS = 365
    with freeze_time(timezone.now() - dt.timedelta(days=400)):
        old = _starting_in(index, 1)
        for n in range(3):
            _registration(
                old,
                n,
                attended=True,
                answers=[{"question": "Casus?", "answer": "Mijn buurman Jan"}],
            )
    recent = _starting_in(index, 24)
    _registration(recent, 9)
    assert registrations_anonymise_expired() == 3
    assert old.registrations.filter(status=Status.CONFIRMED).count() == 3
    assert old.registrations.filter(attended=True).count() == 3
    assert not old.registrations.exclude(email="").exists()
    assert not old.registrations.exclude(name="").exists()
    assert not old.registrations.exclude(job_title="").exists()
    assert not old.registrations.exclude(answers=[]).exists()
    assert recent.registrations.get().email == "d9@zeist.example"
    assert registrations_anonymise_expired() == 0


def test_retention_command(index, settings):
    settings.EVENTS_RETENTION_DAYS = 30
    with freeze_time(timezone.now() - dt.timedelta(days=40)):
        _registration(_starting_in(index, 1))
    out = StringIO()
    call_command("purge_event_personal_data", stdout=out)
    assert "Registrations anonymised: 1 (retention 30 days)" in out.getvalue()
    assert Registration.objects.get().anonymised_at is not None


def test_retention_defaults_to_twelve_months():
    from portal.settings import base

    assert base.EVENTS_RETENTION_DAYS == 365
