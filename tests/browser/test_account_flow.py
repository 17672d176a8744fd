"""The whole account flow as people do it, in a real browser."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import PageViewRestriction

from knowledge.models import DossierPage, ThemePage
from portal.accounts.models import User
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from tests.browser.helpers import log_in
from tests.conftest import PASSWORD, totp_code

pytestmark = [
    pytest.mark.browser,
    # Live-server tests commit for real; serialized_rollback restores the
    # pages, groups and site the migrations made once each test has flushed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def members_page(home_page):
    dossier = home_page.add_child(
        instance=DossierPage(
            title="Online aangejaagde ordeverstoringen", show_in_menus=True
        )
    )
    page = dossier.add_child(
        instance=ThemePage(
            title="Casusbespreking voor leden",
            intro="Vertrouwelijke casuïstiek uit gemeenten.",
        )
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )
    return page


def _link_in(message, path_prefix: str) -> str:
    return re.search(rf"https?://\S+?({re.escape(path_prefix)}\S+)", message.body)[1]


def _request_account(page, live_server) -> None:
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Account aanvragen").first.click()
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Organisatie").fill("Gemeente Houten")
    page.get_by_label("Functie").fill("Jongerenwerker")
    page.get_by_label("Zakelijk e-mailadres").fill("s.bakker@houten.example")
    page.get_by_label("Wachtwoord", exact=True).fill("Sterk-wachtwoord-2026")
    page.get_by_label("Wachtwoord (bevestigen)").fill("Sterk-wachtwoord-2026")
    page.get_by_role("button", name="Account aanvragen").click()


def test_request_verify_approve_and_read(
    live_server, new_page, axe, members_page, editor
):
    applicant_page = new_page()
    applicant_page.goto(live_server.url + "/")
    axe(applicant_page)
    _request_account(applicant_page, live_server)
    applicant_page.wait_for_url("**/accounts/confirm-email/")
    axe(applicant_page)
    user = User.objects.get(email="s.bakker@houten.example")
    assert user.approval_status == User.ApprovalStatus.UNVERIFIED

    # Verify the address with the link from the e-mail.
    applicant_page.goto(
        live_server.url + _link_in(mail.outbox[-1], "/accounts/confirm-email/")
    )
    applicant_page.get_by_role("button", name="Bevestig", exact=True).click()
    user.refresh_from_db()
    assert user.approval_status == User.ApprovalStatus.PENDING
    assert mail.outbox[-1].to == [editor.email]

    # Not approved yet: the members-only page is refused, with the reason.
    log_in(
        applicant_page,
        live_server.url,
        "s.bakker@houten.example",
        password="Sterk-wachtwoord-2026",
    )
    applicant_page.goto(live_server.url + members_page.url)
    expect(
        applicant_page.get_by_role("heading", name="Alleen voor leden")
    ).to_be_visible()
    assert "Vertrouwelijke casuïstiek" not in applicant_page.content()
    axe(applicant_page)

    # The adviser signs in with the second factor and approves.
    adviser_page = new_page()
    adviser_page.goto(live_server.url + _link_in(mail.outbox[-1], "/admin/"))
    adviser_page.get_by_label("E-mail").fill(editor.email)
    adviser_page.get_by_label("Wachtwoord").fill(PASSWORD)
    adviser_page.get_by_role("button", name="Inloggen").click()
    adviser_page.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    adviser_page.get_by_role("button", name="Inloggen").click()
    adviser_page.get_by_role("button", name="Sanne Bakker goedkeuren").click()
    expect(adviser_page.get_by_text("is goedgekeurd").first).to_be_visible()
    user.refresh_from_db()
    assert user.approval_status == User.ApprovalStatus.APPROVED
    assert mail.outbox[-1].to == ["s.bakker@houten.example"]

    # Approved: the same page now shows its content.
    applicant_page.goto(live_server.url + members_page.url)
    expect(
        applicant_page.get_by_text("Vertrouwelijke casuïstiek uit gemeenten.")
    ).to_be_visible()
    axe(applicant_page)


def test_anonymous_visitor_is_invited_to_log_in(
    live_server, new_page, axe, members_page
):
    page = new_page()
    page.goto(live_server.url + members_page.url)
    assert "/accounts/login/" in page.url
    assert "Vertrouwelijke casuïstiek" not in page.content()
    axe(page)
