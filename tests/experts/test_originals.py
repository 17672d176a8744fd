"""A help request's original text is the requester's alone (#12): the
adviser and the assigned expert read the anonymised text and what was
replaced by kind and number, never the words replaced."""

import pytest
from django.urls import reverse

from experts.services import experts_assign
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

#: Words of the factory's story that the anonymiser replaces.
ORIGINAL = ["Jan de Vries", "06-12345678", "@rellenkoning"]


def _page(client, help_request) -> str:
    response = client.get(reverse("experts:request", args=[help_request.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _assert_replacements_only(body: str) -> None:
    for words in ORIGINAL:
        assert words not in body
    assert "PERSOON-1" in body and "TELEFOON-1" in body
    assert "Naam van een persoon" in body


@pytest.mark.readme_claim(
    "The original text of a case or a help request is readable by its author "
    "only; advisers and experts see the anonymised text and what was replaced "
    "by kind and number, never the original words."
)
def test_the_adviser_reads_the_replacements_not_the_original(
    client, editor, open_request
):
    login_with_second_factor(client, editor)
    _assert_replacements_only(_page(client, open_request))


@pytest.mark.readme_claim(
    "The original text of a case or a help request is readable by its author "
    "only; advisers and experts see the anonymised text and what was replaced "
    "by kind and number, never the original words."
)
def test_the_assigned_expert_reads_the_replacements_not_the_original(
    client, editor, open_request, expert
):
    experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    client.force_login(expert.user)
    _assert_replacements_only(_page(client, open_request))


def test_the_requester_reads_the_original(client, requester, open_request):
    client.force_login(requester)
    body = _page(client, open_request)
    for words in ORIGINAL:
        assert words in body
