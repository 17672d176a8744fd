"""allauth's pages render in the platform's layout."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "accounts:overview",
        "accounts:delete",
        "account_email",
        "account_change_password",
        "mfa_index",
        "account_reauthenticate",
    ],
)
def test_account_pages_render_in_site_layout(client, member, name):
    client.force_login(member)
    response = client.get(reverse(name))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="skip-link"' in body
    assert '<main id="inhoud"' in body


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password"]
)
def test_public_account_pages_render(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert '<main id="inhoud"' in response.content.decode()


def test_overview_tells_a_pending_applicant_why(client, unapproved):
    client.force_login(unapproved)
    body = client.get(reverse("accounts:overview")).content.decode()
    assert "wacht op een adviseur" in body


def test_member_finds_their_cases_and_requests_from_the_account_page(client, member):
    client.force_login(member)
    body = client.get(reverse("accounts:overview")).content.decode()
    assert "Uw werk op het platform" in body
    assert f'href="{reverse("casebook:mine")}">Mijn casussen</a>' in body
    assert f'href="{reverse("experts:requests")}">Mijn hulpvragen</a>' in body
    assert f'href="{reverse("experts:my_profile")}">Mijn expertprofiel</a>' in body


def test_unapproved_account_gets_no_links_to_members_pages(client, unapproved):
    client.force_login(unapproved)
    body = client.get(reverse("accounts:overview")).content.decode()
    assert "Mijn casussen" not in body
