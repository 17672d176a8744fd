"""Regions and topic lists in a real browser: a member sets a home region,
filters the agenda on it, follows roadshows; an adviser publishes a new
roadshow and the member gets one mail, with a link to stop."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import EventPage, TopicFollow
from tests.browser.helpers import log_in
from tests.conftest import PASSWORD, totp_code
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _member_sets_region_filters_and_follows(page, base, index) -> None:
    page.get_by_role("link", name="Mijn Leerkring").click()
    page.get_by_role("link", name="Mijn gegevens wijzigen").click()
    page.get_by_label("Uw regio").select_option("utrecht")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Uw gegevens zijn opgeslagen")).to_be_visible()
    expect(page.get_by_role("heading", name="Bij u in de buurt")).to_be_visible()
    expect(page.get_by_text("Roadshow De Bilt")).to_be_visible()

    page.goto(base + index.url)
    # The filter by keyboard: choose the region, then submit with Enter.
    region = page.get_by_label("Regio", exact=True)
    region.focus()
    region.select_option("utrecht")
    page.get_by_role("button", name="Filteren").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**regio=utrecht**")
    expect(page.get_by_role("link", name="Roadshow De Bilt")).to_be_visible()
    expect(page.get_by_role("link", name="Roadshow Zwolle")).to_have_count(0)

    page.get_by_label("Soort bijeenkomst").select_option("roadshow")
    page.get_by_label("Alleen in Utrecht, landelijk en online").check()
    page.get_by_role("button", name="Volgen", exact=True).click()
    expect(
        page.get_by_text("Wij mailen u zodra de inschrijving voor nieuwe roadshows")
    ).to_be_visible()
    assert "regio=utrecht" in page.url  # back where the member was


def _adviser_publishes(page, base, editor, draft) -> None:
    page.goto(f"{base}/admin/pages/{draft.pk}/edit/")
    page.get_by_label("E-mail").fill(editor.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**/admin/pages/{draft.pk}/edit/")
    # Wagtail keeps "Publish" in the footer's menu of actions.
    publish = page.locator("button[name=action-publish]")
    publish.evaluate("button => button.click()")
    page.wait_for_url(lambda url: "/edit/" not in url)


def test_member_follows_roadshows_near_them_and_hears_of_a_new_one_once(
    live_server, new_page, home_page, member, editor
):
    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=index, title="Roadshow De Bilt", region="utrecht")
    EventPageFactory(parent=index, title="Roadshow Zwolle", region="overijssel")
    draft = EventPageFactory(
        parent=index,
        title="Roadshow Amersfoort",
        kind="roadshow",
        region="utrecht",
        live=False,
    )
    draft.save_revision()
    page = new_page()
    base = live_server.url
    log_in(page, base, member.email)
    _member_sets_region_filters_and_follows(page, base, index)
    follow = TopicFollow.objects.get(user=member)
    assert (follow.kind, follow.home_region_only) == ("roadshow", True)
    assert mail.outbox == []

    _adviser_publishes(new_page(), base, editor, draft)
    assert EventPage.objects.get(pk=draft.pk).live
    [announcement] = [m for m in mail.outbox if m.to == [member.email]]
    assert "Nieuwe bijeenkomst: Roadshow Amersfoort" in announcement.subject
    assert "Houd" not in announcement.body  # the mail, not the button
    assert "/agenda/niet-meer-volgen/" in announcement.body
