"""The export of subscribers lands in the audit log: who took the list
and how long it was, never who is on it."""

import pytest
from django.urls import reverse

from knowledge.newsletter.models import Subscriber
from knowledge.newsletter.services import subscribers_export
from portal.core.audit import LIST_OBJECT_ID
from tests.newsletter.factories import SubscriberFactory
from tests.portal.audit import assert_says_nothing_of, entries
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_export_is_logged_as_an_action_on_the_list(editor):
    SubscriberFactory(email="bram@ede.example", name="Bram Jansen")
    SubscriberFactory(email="a@ede.example")
    assert b"bram@ede.example" in subscribers_export(by=editor)
    (entry,) = entries("leerkring.newsletter.export")
    assert entry.content_type.model_class() is Subscriber
    assert entry.object_id == LIST_OBJECT_ID
    assert (entry.user, entry.data) == (editor, {"rows": 2})
    assert entry.label == "Bevestigde abonnees van de nieuwsbrief"
    assert entry.message == "Abonneelijst geëxporteerd (2 rijen)"
    assert_says_nothing_of(entry, "bram", "Jansen", "a@ede.example")


def test_the_export_view_logs_the_adviser(client, editor):
    login_with_second_factor(client, editor)
    assert client.get(reverse("newsletter_admin:export")).status_code == 200
    (entry,) = entries("leerkring.newsletter.export")
    assert entry.user == editor and entry.data == {"rows": 0}


def test_who_may_not_export_leaves_no_entry(client, member):
    client.force_login(member)
    assert client.get(reverse("newsletter_admin:export")).status_code != 200
    assert entries("leerkring.newsletter.export") == []
