"""A request is visible to its requester, its assigned experts and the
advisers only: every page of it answers 404 to anyone else."""

import pytest
from django.urls import reverse

from experts.services import experts_assign
from tests.accounts.factories import MemberFactory
from tests.second_factor import login_with_second_factor

from .factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db

URLS = {
    "request": ("GET", {}),
    "message": ("POST", {"body": "Hallo"}),
    "close": ("POST", {}),
    "to_case": ("POST", {}),
    "assign": ("GET", {}),
}
WHO = [
    "anonymous",
    "unapproved",
    "other member",
    "unassigned expert",
    "assigned expert",
    "requester",
    "adviser",
]
# Who may open what; everyone else gets 404. The assign page is for
# advisers only; closing and the draft case answer the others with a
# message on the request page (a redirect), not with its contents.
ALLOWED = {
    "request": {"assigned expert", "requester", "adviser"},
    "message": {"assigned expert", "requester", "adviser"},
    "close": {"assigned expert", "requester", "adviser"},
    "to_case": {"assigned expert", "requester", "adviser"},
    "assign": {"adviser"},
}


@pytest.fixture
def people(open_request, expert, editor, unapproved):
    experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    return {
        "anonymous": None,
        "unapproved": unapproved,
        "other member": MemberFactory(),
        "unassigned expert": ExpertProfileFactory(expertise=["online monitoring"]).user,
        "assigned expert": expert.user,
        "requester": open_request.requester,
        "adviser": editor,
    }


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", list(URLS))
def test_request_pages_answer_404_to_anyone_else(
    client, people, open_request, name, who
):
    method, data = URLS[name]
    if people[who] is not None:
        login_with_second_factor(client, people[who])
    url = reverse(f"experts:{name}", args=[open_request.pk])
    response = client.get(url) if method == "GET" else client.post(url, data)
    if who in ALLOWED[name]:
        assert response.status_code in (200, 302), (name, who)
    else:
        assert response.status_code == 404, (name, who)
        assert "Lindenwaard" not in response.content.decode()


def test_unknown_ids_are_not_found(client, member):
    client.force_login(member)
    assert client.get(reverse("experts:request", args=[99999])).status_code == 404


def test_only_the_requester_sees_the_original(client, people, open_request):
    url = reverse("experts:request", args=[open_request.pk])
    for who in ("assigned expert", "adviser", "requester"):
        login_with_second_factor(client, people[who])
        page = client.get(url).content.decode()
        assert ("Jan de Vries" in page) == (who == "requester"), who
        assert open_request.anonymised_text.split()[1] in page


def test_adviser_without_second_factor_is_sent_to_set_it_up(
    client, open_request, plain_adviser
):
    login_with_second_factor(client, plain_adviser)
    for name in ("request", "assign"):
        response = client.get(reverse(f"experts:{name}", args=[open_request.pk]))
        assert response.status_code == 302
        assert response.url == reverse("mfa_activate_totp")
    response = client.get(reverse("experts:requests"))
    assert response.url == reverse("mfa_activate_totp")
