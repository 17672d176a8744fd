"""Advisers see the subscribers in the Wagtail admin and export them."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.accounts.factories import AdviserFactory
from tests.newsletter.factories import PendingSubscriberFactory, SubscriberFactory
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db
INDEX = reverse("newsletter_admin:index")
EXPORT = reverse("newsletter_admin:export")


@pytest.fixture
def subscribers():
    return [
        SubscriberFactory(email="b@ede.example", name="Bram"),
        SubscriberFactory(email="a@ede.example", name='=HYPERLINK("x")'),
        PendingSubscriberFactory(email="wacht@ede.example"),
    ]


def test_adviser_sees_subscribers_and_counts(client, editor, subscribers):
    login_with_second_factor(client, editor)
    page = client.get(INDEX).content.decode()
    assert "2 bevestigde abonnees" in page
    assert "1 wacht op bevestiging" in page
    assert "a@ede.example" in page and "wacht@ede.example" in page
    pending_only = client.get(INDEX, {"status": "pending"}).content.decode()
    assert "wacht@ede.example" in pending_only and "a@ede.example" not in pending_only
    assert client.get(INDEX, {"status": "nonsense", "p": "x"}).status_code == 200


def test_menu_item_for_advisers(client, editor):
    login_with_second_factor(client, editor)
    assert INDEX in client.get(reverse("wagtailadmin_home")).content.decode()


def test_csv_has_confirmed_subscribers_for_dutch_excel(client, editor, subscribers):
    login_with_second_factor(client, editor)
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="nieuwsbrief-abonnees-'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0] == ["E-mailadres", "Naam", "Aangemeld", "Bevestigd"]
    assert [r[0] for r in rows[1:]] == ["a@ede.example", "b@ede.example"]
    assert rows[1][1] == '\'=HYPERLINK("x")'
    assert "wacht@ede.example" not in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("who", ["member", "unapproved"])
def test_only_advisers_see_subscribers(client, request, subscribers, who):
    login_with_second_factor(client, request.getfixturevalue(who))
    for url in (INDEX, EXPORT):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"ede.example" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client, subscribers):
    response = client.get(EXPORT)
    assert response.status_code == 302
    assert b"ede.example" not in response.content


def test_advisers_group_has_the_permission_from_the_migration():
    assert AdviserFactory().has_perm("newsletter.view_subscriber")


def test_admin_list_queries_do_not_grow(client, editor):
    login_with_second_factor(client, editor)
    SubscriberFactory.create_batch(2)
    client.get(INDEX)
    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    SubscriberFactory.create_batch(40)
    with CaptureQueriesContext(connection) as many:
        client.get(INDEX)
    assert len(many) == len(few)
