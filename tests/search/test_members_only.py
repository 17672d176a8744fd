"""Members-only pages are found by members only: visitors and unapproved
accounts see neither their title nor their text, nor count them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.second_factor import login_with_second_factor

from .conftest import restrict

pytestmark = pytest.mark.django_db

SECRET = "Vertrouwelijke casuïstiek over een noodverordening."


@pytest.fixture
def pages(make_theme, dossier):
    open_page = make_theme("Openbare handreiking", intro="Over de noodverordening.")
    members = make_theme("Ledenpagina", intro=SECRET)
    restrict(members)
    section = make_theme("Besloten sectie", intro="Sectie.")
    below = make_theme("Onder de sectie", intro=SECRET, parent=section)
    restrict(section, PageViewRestriction.LOGIN)
    secret = make_theme("Wachtwoordpagina", intro=SECRET)
    restrict(secret, PageViewRestriction.PASSWORD)
    return {"open": open_page, "members": members, "below": below, "secret": secret}


def _body(client, **params):
    response = client.get("/zoeken/", {"q": "noodverordening", **params})
    assert response.status_code == 200
    return response.content.decode()


def _assert_only_public(body, pages):
    assert pages["open"].url in body
    for hidden in ("members", "below", "secret"):
        assert pages[hidden].title not in body
    assert "Vertrouwelijke" not in body
    assert "1 resultaat voor" in body
    assert "Handreikingen (1)" in body


def test_visitor_sees_public_pages_only(client, pages):
    _assert_only_public(_body(client), pages)
    _assert_only_public(_body(client, type="handreiking"), pages)


def test_unapproved_account_sees_public_pages_only(client, pages, unapproved):
    client.force_login(unapproved)
    _assert_only_public(_body(client), pages)


def test_member_sees_members_pages_labelled(client, pages, member):
    client.force_login(member)
    body = _body(client)
    for visible in ("open", "members", "below"):
        assert pages[visible].url in body
    assert body.count("Alleen voor leden</span>") == 2
    assert "<mark>noodverordening</mark>" in body
    # Password-protected pages stay out of search for everyone.
    assert pages["secret"].title not in body
    assert "3 resultaten voor" in body


def test_member_outside_the_group_does_not_see_a_group_page(client, pages, member):
    restriction = pages["members"].get_view_restrictions().get()
    restriction.groups.set([Group.objects.create(name="Redactie")])
    client.force_login(member)
    body = _body(client)
    assert pages["members"].title not in body
    assert pages["below"].url in body


def test_adviser_sees_members_pages(client, pages, editor):
    login_with_second_factor(client, editor)
    body = _body(client)
    assert pages["members"].url in body and pages["below"].url in body
