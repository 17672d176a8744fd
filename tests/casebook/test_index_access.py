"""The case index lists what the one access decision (portal.accounts.access)
lets the reader see: a case for advisers only is not listed to a member,
and a case restricted to logged-in users not to a pending account."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from portal.accounts.roles import ADVISERS_GROUP
from tests.accounts.factories import MemberFactory, UserFactory
from tests.casebook.factories import CaseIndexPageFactory, CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=index, title="Openbare casus")
    logged_in = CasePageFactory(parent=index, title="Casus voor ingelogden")
    PageViewRestriction.objects.create(
        page=logged_in, restriction_type=PageViewRestriction.LOGIN
    )
    advisers = CasePageFactory(parent=index, title="Casus voor adviseurs")
    restriction = PageViewRestriction.objects.create(
        page=advisers, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=ADVISERS_GROUP))
    return index


def _listed(client, index) -> set[str]:
    body = client.get(index.url).content.decode()
    titles = ("Openbare casus", "Casus voor ingelogden", "Casus voor adviseurs")
    return {title for title in titles if title in body}


def test_member_is_not_shown_a_case_for_advisers_only(client, index):
    client.force_login(MemberFactory())
    assert _listed(client, index) == {"Openbare casus", "Casus voor ingelogden"}


def test_pending_account_sees_what_a_visitor_sees(client, index):
    client.force_login(UserFactory(approval_status="pending"))
    assert _listed(client, index) == {"Openbare casus"}
