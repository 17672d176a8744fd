"""Mail goes out through a background task: with the database backend no
request sends anything itself; a worker does, later, on any server."""

import json
import logging

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from events.services import registration_create
from portal.core.mail import RETRY_DELAYS, MailNotSent, mail_after_commit
from portal.core.models import OutgoingMail
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.newsletter.backends import RefusingBackend

pytestmark = pytest.mark.django_db

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAIL_TASK = "portal.core.tasks.mail_send_task"


def _mail_tasks():
    # Wagtail queues its own (search index, reference index) beside ours.
    return DBTaskResult.objects.filter(task_path=MAIL_TASK).order_by("enqueued_at")


@pytest.fixture
def database_tasks(settings, monkeypatch):
    settings.TASKS = DATABASE
    # Between tasks the worker drops connections it finds in a transaction,
    # which here is the test's own (PostgreSQL would lose the test's data).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections",
        lambda: None,
    )


@pytest.fixture
def refusing(settings):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.RefusingBackend"
    RefusingBackend.refused = {"iris@ede.example"}
    yield
    RefusingBackend.refused = set()


def _worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False)


def _register(home_page, capture):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    with capture(execute=True):
        return registration_create(
            event=event,
            name="Iris de Vries",
            organisation="Gemeente Ede",
            job_title="Adviseur OOV",
            email="iris@ede.example",
        )


def test_registration_mail_waits_for_the_worker(
    database_tasks, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    _register(home_page, django_capture_on_commit_callbacks)

    task = _mail_tasks().get()
    outgoing = OutgoingMail.objects.get()
    assert mailoutbox == []
    # The task holds the row's id only: no address, name or text.
    assert task.args_kwargs == {"args": [outgoing.pk], "kwargs": {}}
    assert "ede.example" not in json.dumps(task.args_kwargs)

    _worker()

    assert [m.to for m in mailoutbox] == [["iris@ede.example"]]
    assert "Iris de Vries" in mailoutbox[0].body
    assert not OutgoingMail.objects.exists()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    _worker()
    assert len(mailoutbox) == 1


def test_refused_mail_is_tried_again_later(
    database_tasks, refusing, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    _register(home_page, django_capture_on_commit_callbacks)
    _worker()

    failed, retry = _mail_tasks()
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "smtplib.SMTPRecipientsRefused"
    assert retry.status == TaskResultStatus.READY
    assert (retry.run_after - failed.started_at).total_seconds() >= RETRY_DELAYS[0]
    assert OutgoingMail.objects.get().attempts == 1
    assert mailoutbox == []

    # When it is due and the server takes it, it goes out once.
    RefusingBackend.refused = set()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=failed.finished_at)
    _worker()
    assert len(mailoutbox) == 1
    assert not OutgoingMail.objects.exists()


def test_mail_is_given_up_after_the_last_attempt(
    database_tasks, refusing, home_page, django_capture_on_commit_callbacks, caplog
):
    _register(home_page, django_capture_on_commit_callbacks)
    OutgoingMail.objects.update(attempts=len(RETRY_DELAYS))
    with caplog.at_level(logging.ERROR, logger="portal.core.mail"):
        _worker()

    assert not OutgoingMail.objects.exists()
    assert _mail_tasks().get().status == TaskResultStatus.FAILED
    ours = [r.getMessage() for r in caplog.records if r.name == "portal.core.mail"]
    assert len(ours) == 1
    assert "given up" in ours[0]
    assert "ede.example" not in ours[0]


def test_without_a_worker_a_refusal_reaches_the_caller(
    refusing, django_capture_on_commit_callbacks, mailoutbox
):
    with (
        pytest.raises(MailNotSent),
        django_capture_on_commit_callbacks(execute=True),
    ):
        mail_after_commit(
            template="events/email/declined",
            to=["iris@ede.example"],
            context={},
        )
    assert mailoutbox == []
    assert not OutgoingMail.objects.exists()


def test_rolled_back_transaction_queues_nothing(database_tasks):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        mail_after_commit(
            template="events/email/declined", to=["iris@ede.example"], context={}
        )
        raise RuntimeError
    assert not OutgoingMail.objects.exists()
    assert not DBTaskResult.objects.exists()
