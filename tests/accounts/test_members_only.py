import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from knowledge.models import DossierPage, ThemePage
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_page(home_page):
    dossier = home_page.add_child(instance=DossierPage(title="Webdossier"))
    page = dossier.add_child(
        instance=ThemePage(title="Casusbespreking", intro="Geheime aanpak Bodegraven")
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )
    return page


def test_visitor_is_invited_to_log_in(client, members_page):
    response = client.get(members_page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_unapproved_account_is_refused_with_explanation(
    client, unapproved, members_page
):
    client.force_login(unapproved)
    response = client.get(members_page.url)
    body = response.content.decode()
    assert response.status_code == 403
    assert "Geheime aanpak" not in body
    assert "wacht op een adviseur" in body
    assert "no-cache" in response["Cache-Control"]


def test_member_reads_the_page(client, member, members_page):
    client.force_login(member)
    response = client.get(members_page.url)
    assert response.status_code == 200
    assert "Geheime aanpak Bodegraven" in response.content.decode()


def test_dossier_lists_the_page_as_members_only_without_its_text(client, members_page):
    response = client.get(members_page.get_parent().url)
    body = response.content.decode()
    assert "Casusbespreking" in body
    assert "Alleen voor leden" in body


@pytest.mark.parametrize("where", ["page", "view"])
def test_members_only_answer_names_what_was_asked_and_the_site(
    client, unapproved, members_page, where
):
    # A Wagtail page behind a restriction and a members-only view (the
    # community) both use the same explanation.
    client.force_login(unapproved)
    url, subject = (
        (members_page.url, "Casusbespreking")
        if where == "page"
        else ("/community/", "Community of practice")
    )
    body = client.get(url).content.decode()
    assert "<title>Alleen voor leden | Leerkring</title>" in body
    assert f"“{subject}" in body
