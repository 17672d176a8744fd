"""The links in newsletter mails: they work without logging in, change
nothing on GET, and refuse expired or forged tokens."""

import datetime as dt

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time

from knowledge.newsletter.links import SALT, subscriber_link
from knowledge.newsletter.models import Subscriber
from knowledge.newsletter.services import subscribers_purge_unconfirmed
from tests.newsletter.factories import PendingSubscriberFactory, SubscriberFactory

pytestmark = pytest.mark.django_db
INVALID = "Deze link uit de nieuwsbrief is onvolledig, verlopen of niet door ons"


def _path(subscriber, action: str) -> str:
    return subscriber_link(subscriber, action).removeprefix("http://testserver")


def test_expired_confirmation_link_changes_nothing(client):
    with freeze_time("2026-03-02 09:00"):
        subscriber = PendingSubscriberFactory()
        path = _path(subscriber, "confirm")
    with freeze_time("2026-03-09 09:01"):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 404
            assert INVALID in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def _forgeries(pk: int, action: str) -> list[str]:
    genuine = signing.dumps({"s": pk, "a": action}, salt=SALT)
    other = "unsubscribe" if action == "confirm" else "confirm"
    return [
        "nonsense",
        genuine[:-3] + ("abc" if not genuine.endswith("abc") else "xyz"),
        signing.dumps({"s": pk, "a": action}, salt="another.salt"),
        signing.dumps({"s": pk, "a": other}, salt=SALT),  # the other link's token
        signing.dumps({"s": str(pk), "a": action}, salt=SALT),
        signing.dumps([pk, action], salt=SALT),
    ]


@pytest.mark.parametrize("action", ["confirm", "unsubscribe"])
def test_forged_links_change_nothing(client, action):
    subscriber = PendingSubscriberFactory()
    for token in _forgeries(subscriber.pk, action):
        url = reverse(f"newsletter:{action}", kwargs={"token": token})
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404, token
            assert INVALID in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_unsubscribe_without_logging_in_deletes_the_address(client):
    subscriber = SubscriberFactory(email="weg@ede.example")
    path = _path(subscriber, "unsubscribe")
    page = client.get(path)
    assert page.status_code == 200
    assert "weg@ede.example" in page.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # GET only asks

    response = client.post(path)
    assert response.status_code == 302
    assert "U bent afgemeld" in client.get(response["Location"]).content.decode()
    assert not Subscriber.objects.filter(email="weg@ede.example").exists()

    # The link from an old mail still answers, and tells there is nothing left.
    again = client.get(path)
    assert again.status_code == 200
    assert "ontvangt de nieuwsbrief niet meer" in again.content.decode()
    assert client.post(path).status_code == 302


def test_mail_programs_unsubscribe_with_one_click(client):
    """RFC 8058: a POST without cookies or CSRF token, straight from the mail
    program; the signed link is all the proof needed."""
    subscriber = SubscriberFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        _path(subscriber, "unsubscribe"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert not Subscriber.objects.exists()


def test_confirmation_needs_the_csrf_token(client):
    subscriber = PendingSubscriberFactory()
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(_path(subscriber, "confirm")).status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_unsubscribe_links_do_not_expire(client):
    with freeze_time("2025-01-01"):
        subscriber = SubscriberFactory()
        path = _path(subscriber, "unsubscribe")
    with freeze_time("2026-06-01"):
        client.post(path)
    assert not Subscriber.objects.exists()


def test_link_pages_are_not_cached(client):
    subscriber = PendingSubscriberFactory()
    response = client.get(_path(subscriber, "confirm"))
    assert "no-cache" in response["Cache-Control"]


def test_unconfirmed_sign_ups_are_deleted_after_a_week():
    with freeze_time("2026-03-01 09:00"):
        old = PendingSubscriberFactory()
        confirmed = SubscriberFactory(created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    with freeze_time("2026-03-07 09:00"):
        resent = PendingSubscriberFactory(
            created_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
        )
        fresh = PendingSubscriberFactory()
    with freeze_time("2026-03-08 10:00"):
        assert subscribers_purge_unconfirmed() == 1
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {
        confirmed.pk,
        resent.pk,
        fresh.pk,
    }
    assert not Subscriber.objects.filter(pk=old.pk).exists()
