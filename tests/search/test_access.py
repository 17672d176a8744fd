"""Site search asks the one access decision (portal.accounts.access): an
account that is not approved finds what a visitor finds, never a page
restricted to logged-in users; an advisers-only page is found by advisers
only."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from portal.accounts.roles import ADVISERS_GROUP
from tests.accounts.factories import MemberFactory, UserFactory

from .conftest import restrict

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(make_theme):
    open_page = make_theme("Openbare handreiking", intro="Over de noodverordening.")
    logged_in = make_theme("Voor ingelogden", intro="Besloten noodverordening.")
    restrict(logged_in, PageViewRestriction.LOGIN)
    advisers = make_theme("Voor adviseurs", intro="Interne noodverordening.")
    restrict(advisers)
    advisers.get_view_restrictions().get().groups.set(
        Group.objects.filter(name=ADVISERS_GROUP)
    )
    return {"open": open_page, "login": logged_in, "advisers": advisers}


def _found(client, pages) -> set[str]:
    response = client.get("/zoeken/", {"q": "noodverordening"})
    assert response.status_code == 200
    body = response.content.decode()
    return {name for name, page in pages.items() if page.title in body}


@pytest.mark.parametrize("status", ["unverified", "pending", "rejected"])
def test_unapproved_account_never_finds_a_logged_in_page(client, pages, status):
    client.force_login(UserFactory(approval_status=status))
    assert _found(client, pages) == {"open"}


def test_member_finds_the_logged_in_page_but_not_the_advisers_page(client, pages):
    client.force_login(MemberFactory())
    assert _found(client, pages) == {"open", "login"}
