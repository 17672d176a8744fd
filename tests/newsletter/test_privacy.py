"""A member's subscription in the account export, and gone with the account."""

import pytest

from knowledge.newsletter.models import Subscriber
from portal.accounts.services import account_delete, account_export
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_export_holds_the_members_subscription(member):
    SubscriberFactory(email=member.email.upper(), name="Mijn naam")
    SubscriberFactory(email="iemand.anders@ede.example")
    data = account_export(user=member)
    assert [s["email"].lower() for s in data["newsletter"]] == [member.email.lower()]
    assert data["newsletter"][0]["name"] == "Mijn naam"


def test_unverified_addresses_are_not_the_members(member):
    member.emailaddress_set.create(email="niet.van.mij@ede.example", verified=False)
    SubscriberFactory(email="niet.van.mij@ede.example")
    assert account_export(user=member)["newsletter"] == []
    account_delete(user=member)
    assert Subscriber.objects.filter(email="niet.van.mij@ede.example").exists()


def test_deleting_the_account_deletes_the_subscription(member):
    SubscriberFactory(email=member.email)
    other = SubscriberFactory(email="iemand.anders@ede.example")
    account_delete(user=member)
    assert list(Subscriber.objects.all()) == [other]
