"""A case's province: chosen by the member, kept as it is (it is not personal
data), published with the case, and filtered on in the casebook."""

import pytest

from casebook.errors import CaseError
from casebook.services import case_publish
from casebook.services.privacy import cases_export
from casebook.services.review import AnonymisedInput, case_edit_anonymised
from tests.queries import page_queries

from .factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    draft_case,
    submitted_case,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return CaseIndexPageFactory(parent=home_page)


def test_the_member_gives_a_province_on_the_form(client, member):
    client.force_login(member)
    page = client.get("/casuistiek/indienen/").content.decode()
    assert '<select name="province"' in page
    response = client.post(
        "/casuistiek/indienen/",
        {
            "title": "Oproep tot rellen",
            "province": "utrecht",
            "what_happened": "Er werd opgeroepen.",
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert member.case_submissions.get().province == "utrecht"


def test_an_unknown_province_on_the_form_gets_a_dutch_message(client, member):
    client.force_login(member)
    response = client.post(
        "/casuistiek/indienen/",
        {"title": "Oproep", "province": "atlantis", "action": "save"},
    )
    assert response.status_code in (200, 400)  # the form again, as it was
    assert "Kies een van de provincies uit de lijst." in response.content.decode()
    assert not member.case_submissions.exists()


def test_publishing_keeps_the_province(member, editor, home_page):
    case = submitted_case(member, province="utrecht")
    page = case_publish(case=case, adviser=editor, members_only=False)
    assert page.province == "utrecht"
    assert cases_export(user=member)[0]["province"] == "utrecht"


def test_the_adviser_may_change_the_province_but_not_to_nonsense(member, editor):
    case = submitted_case(member, province="utrecht")

    def edit(province):
        return case_edit_anonymised(
            case=case,
            adviser=editor,
            data=AnonymisedInput(
                title=case.anonymised_title,
                what_happened=case.anonymised_what_happened,
                province=province,
            ),
        )

    assert edit("gelderland").province == "gelderland"
    with pytest.raises(CaseError, match="Kies een van de provincies"):
        edit("atlantis")
    case.refresh_from_db()
    assert case.province == "gelderland"


def test_a_draft_keeps_an_empty_province(member):
    assert draft_case(member).province == ""


def test_the_casebook_filters_on_region(client, index, member):
    CasePageFactory(parent=index, title="Casus De Bilt", province="utrecht")
    CasePageFactory(parent=index, title="Casus Venlo", province="limburg", slug="v")
    body = client.get(index.url + "?regio=utrecht").content.decode()
    assert "Casus De Bilt" in body and "Casus Venlo" not in body
    assert '<option value="utrecht" selected>Utrecht</option>' in body


@pytest.mark.parametrize("value", ["atlantis", "Utrecht", "<script>"])
def test_an_unknown_region_gets_a_dutch_message(client, index, value):
    CasePageFactory(parent=index, title="Casus De Bilt", province="utrecht")
    response = client.get(index.url, {"regio": value})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Er is geen regio met die naam; dat filter is weggelaten." in body
    assert "Casus De Bilt" in body


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_region_filter_costs_the_same_for_3_and_30_cases(
    client, index, member, logged_in
):
    if logged_in:
        client.force_login(member)
    for i in range(3):
        CasePageFactory(parent=index, province="utrecht", slug=f"klein-{i}")
    url = index.url + "?regio=utrecht"
    few = page_queries(client, url)
    for i in range(27):
        CasePageFactory(parent=index, province="utrecht", slug=f"groot-{i}")
    assert page_queries(client, url) == few
