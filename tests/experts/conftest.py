import pytest

from tests.accounts.factories import AdviserFactory, MemberFactory

from .factories import ExpertProfileFactory, help_request


@pytest.fixture
def requester(db):
    return MemberFactory(first_name="Petra", last_name="Smit")


@pytest.fixture
def expert(db):
    return ExpertProfileFactory(
        user=MemberFactory(first_name="Sanne", last_name="Bakker"),
        expertise=["online monitoring", "platformcontact"],
    )


@pytest.fixture
def other_expert(db):
    return ExpertProfileFactory(
        user=MemberFactory(first_name="Ilse", last_name="Demir"),
        expertise=["jongerenwerk"],
        region="zuid-holland",
    )


@pytest.fixture
def plain_adviser(db):
    """An adviser without a second factor."""
    return AdviserFactory()


@pytest.fixture
def open_request(requester, editor):
    # ``editor`` exists first so that it is among the advisers notified.
    return help_request(requester)
