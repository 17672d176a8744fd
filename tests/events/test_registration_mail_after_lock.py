"""A registration's mail is rendered and queued once the transaction that
holds the event's row lock has committed (issue #16: 200 at once for one
event), never before, never on a rollback, and exactly once."""

import logging

import pytest
from django.db import transaction

from events import services
from events.models import Registration
from events.services import registration_create
from portal.core.models import OutgoingMail
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), capacity=5)


def _register(event, user):
    return registration_create(
        event=event,
        user=user,
        name="Sanne de Vries",
        organisation="Gemeente Utrecht",
        job_title="Adviseur OOV",
        email=user.email,
    )


def test_nothing_is_rendered_while_the_event_is_locked(
    event, member, django_capture_on_commit_callbacks, monkeypatch
):
    rendered = []
    real = services._mail_render_and_queue
    monkeypatch.setattr(
        services,
        "_mail_render_and_queue",
        lambda **kwargs: rendered.append(kwargs["template"]) or real(**kwargs),
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration = _register(event, member)
    assert registration.status == Registration.Status.CONFIRMED
    assert rendered == []
    assert OutgoingMail.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert rendered == ["confirmed"]


def test_the_mail_is_queued_exactly_once_after_commit(
    event, member, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        _register(event, member)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [member.email]
    assert mailoutbox[0].attachments  # the calendar invitation


def test_a_rolled_back_registration_sends_nothing(
    event, member, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            _register(event, member)
            raise RuntimeError("the request failed after registering")
    assert mailoutbox == []
    assert not Registration.objects.exists()


def test_the_mail_shows_the_registration_as_it_was_committed(
    event, member, django_capture_on_commit_callbacks, mailoutbox
):
    """A copy is rendered: a later change to the object in memory (the
    caller's, after the service returned) does not reach the mail."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration = _register(event, member)
    registration.name = "Iemand Anders"
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert "Sanne de Vries" in mailoutbox[0].body
    assert "Iemand Anders" not in mailoutbox[0].body


def test_a_mail_that_cannot_be_made_leaves_the_place_and_is_logged(
    event, member, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(**kwargs):
        raise ValueError("template missing")

    monkeypatch.setattr(services, "_mail_render_and_queue", broken)
    with (
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
    ):
        registration = _register(event, member)
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
    assert "template missing" in caplog.text
