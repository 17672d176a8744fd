"""Regions: one shared list; the agenda filters on it (in the URL, with a
Dutch message for a region that does not exist), and a member's overview
shows what is near their home region."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from experts.models import ExpertProfile
from portal.accounts.services import account_export
from portal.core.regions import Region
from tests.accounts.factories import MemberFactory
from tests.casebook.factories import CaseIndexPageFactory, CasePageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def test_one_list_of_regions_for_every_app():
    assert len(Region.values) == 13 and "landelijk" in Region.values
    field = ExpertProfile._meta.get_field("region")
    assert [value for value, _label in field.choices] == Region.values


def test_the_agenda_filters_on_region(client, index):
    EventPageFactory(parent=index, title="Roadshow De Bilt", region="utrecht")
    EventPageFactory(parent=index, title="Roadshow Zwolle", region="overijssel")
    EventPageFactory(parent=index, title="Online leerkring")
    body = client.get(index.url + "?regio=utrecht").content.decode()
    assert "Roadshow De Bilt" in body
    assert "Roadshow Zwolle" not in body and "Online leerkring" not in body
    assert '<option value="utrecht" selected>Utrecht</option>' in body
    assert '<label for="filter-region">Regio</label>' in body


@pytest.mark.parametrize("value", ["atlantis", "UTRECHT", "utrecht'--", "x" * 300])
def test_an_unknown_region_gets_a_dutch_message_never_an_error(client, index, value):
    EventPageFactory(parent=index, title="Roadshow De Bilt", region="utrecht")
    response = client.get(index.url, {"regio": value})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Er is geen regio met die naam; alle bijeenkomsten worden getoond." in body
    assert "Roadshow De Bilt" in body


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_region_filter_costs_the_same_for_3_and_30_meetings(
    client, index, member, logged_in
):
    if logged_in:
        member.home_region = "utrecht"
        member.save()
        client.force_login(member)
    EventPageFactory.create_batch(3, parent=index, region="utrecht")
    url = index.url + "?regio=utrecht"
    few = page_queries(client, url)
    EventPageFactory.create_batch(27, parent=index, region="utrecht")
    many = page_queries(client, url)
    assert few == many, (few, many)


def test_the_event_page_names_its_region(client, index):
    event = EventPageFactory(parent=index, region="utrecht")
    assert "<dt>Regio</dt><dd>Utrecht</dd>" in client.get(event.url).content.decode()


# --- near you -----------------------------------------------------------------


@pytest.fixture
def cases(home_page):
    return CaseIndexPageFactory(parent=home_page)


def test_near_you_shows_meetings_and_cases_of_the_home_region(
    client, index, cases, member
):
    member.home_region = "utrecht"
    member.save()
    EventPageFactory(parent=index, title="Roadshow De Bilt", region="utrecht")
    EventPageFactory(parent=index, title="Landelijke leerkring", region="landelijk")
    EventPageFactory(parent=index, title="Roadshow Zwolle", region="overijssel")
    EventPageFactory(
        parent=index, title="Afgelaste oefening", region="utrecht", cancelled=True
    )
    CasePageFactory(parent=cases, title="Casus Utrecht", province="utrecht")
    CasePageFactory(parent=cases, title="Casus Limburg", province="limburg")
    client.force_login(member)
    body = client.get("/mijn-account/").content.decode()
    assert "Bij u in de buurt" in body
    assert "Roadshow De Bilt" in body and "Landelijke leerkring" in body
    assert "Roadshow Zwolle" not in body and "Afgelaste oefening" not in body
    assert "Casus Utrecht" in body and "Casus Limburg" not in body
    assert f'href="{index.url}?regio=utrecht"' in body
    assert f'href="{cases.url}?regio=utrecht"' in body


def test_near_you_respects_what_the_member_may_see(client, index, cases, member):
    member.home_region = "utrecht"
    member.save()
    hidden = EventPageFactory(
        parent=index, title="Alleen met wachtwoord", region="utrecht"
    )
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    client.force_login(member)
    assert "Alleen met wachtwoord" not in client.get("/mijn-account/").content.decode()


def test_without_a_home_region_there_is_no_near_you(client, index, member):
    EventPageFactory(parent=index, region="utrecht")
    client.force_login(member)
    assert "Bij u in de buurt" not in client.get("/mijn-account/").content.decode()


def _overview_queries(client, user) -> int:
    client.force_login(user)
    client.get("/mijn-account/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/mijn-account/").status_code == 200
    return len(captured)


def test_near_you_costs_the_same_for_3_and_30_items(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    cases = CaseIndexPageFactory(parent=home_page)
    counts = []
    for n in (3, 30):
        member = MemberFactory(home_region="gelderland")
        region = f"regio-{n}"
        EventPageFactory.create_batch(n, parent=index, region="gelderland")
        for i in range(n):
            CasePageFactory(
                parent=cases, province="gelderland", slug=f"casus-{region}-{i}"
            )
        counts.append(_overview_queries(client, member))
    assert counts[0] == counts[1], counts


# --- the home region on the profile -------------------------------------------


def test_the_member_sets_a_home_region_on_the_profile(client, member):
    client.force_login(member)
    page = client.get("/mijn-account/profiel/").content.decode()
    assert "Uw regio" in page and "Geen regio" in page
    data = {
        "first_name": member.first_name or "Anna",
        "last_name": member.last_name or "Jansen",
        "organisation": "Gemeente Utrecht",
        "job_title": "OOV-adviseur",
        "home_region": "utrecht",
    }
    response = client.post("/mijn-account/profiel/", data)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.home_region == "utrecht"
    assert account_export(user=member)["account"]["home_region"] == "utrecht"
    response = client.post("/mijn-account/profiel/", {**data, "home_region": ""})
    member.refresh_from_db()
    assert member.home_region == ""


def test_an_unknown_home_region_gets_a_dutch_message(client, member):
    client.force_login(member)
    response = client.post(
        "/mijn-account/profiel/",
        {"first_name": "Anna", "last_name": "Jansen", "home_region": "atlantis"},
    )
    assert response.status_code == 400
    assert "Kies een van de regio’s uit de lijst." in response.content.decode()
    member.refresh_from_db()
    assert member.home_region == ""
