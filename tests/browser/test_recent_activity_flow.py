"""A member sees in the recent activity that another member replied, reads
the thread and the marker is gone; then finds the thread and an expert
through the site search."""

import pytest
from playwright.sync_api import expect

from community.services import thread_create
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.community.factories import ThemeFactory
from tests.experts.factories import ExpertProfileFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Oproepen tot rellen op Telegram"


def test_unread_marker_goes_after_reading_and_search_finds_thread_and_expert(
    live_server, new_page, axe, member
):
    theme = ThemeFactory(name="Online aangejaagde onrust", slug="onrust")
    thread = thread_create(
        theme=theme,
        author=member,
        title=TITLE,
        body="Hoe houden jullie Telegram-groepen in de gaten?",
    )
    other = MemberFactory(first_name="Hakan", last_name="Yildiz")
    expert = ExpertProfileFactory(
        user=MemberFactory(first_name="Fatima", last_name="El Amrani"),
        organisation="Veiligheidsregio Noord",
        description="Volgt oproepen in open Telegram-kanalen.",
        expertise=["online monitoring"],
    )

    # The member has read their own thread: nothing is marked.
    person = new_page()
    log_in(person, live_server.url, member.email, f"/community/discussie/{thread.pk}/")
    expect(person.get_by_role("heading", level=1)).to_have_text(TITLE)
    person.goto(live_server.url + "/community/")
    person.get_by_role("link", name="Recente activiteit").click()
    card = person.locator(".card", has_text=TITLE)
    expect(card).to_be_visible()
    expect(card.locator(".tag--unread")).to_have_count(0)

    # Another member replies in their own browser.
    replier = new_page()
    log_in(replier, live_server.url, other.email, "/community/recent/")
    replier.get_by_role("link", name=TITLE).click()
    replier.get_by_label("Bericht", exact=True).fill(
        "Wij volgen de open kanalen met een vaste monitoringsroutine."
    )
    replier.get_by_role("button", name="Bericht plaatsen").click()
    expect(replier.get_by_text("Uw bericht is geplaatst.")).to_be_visible()

    # The member sees one new reply, opens the thread, and the marker is gone.
    person.reload()
    card = person.locator(".card", has_text=TITLE)
    expect(card.locator(".tag--unread")).to_have_text("1 nieuwe reactie")
    expect(card).to_contain_text("laatste bericht van Hakan Yildiz")
    axe(person)
    card.get_by_role("link", name=TITLE).click()
    expect(person.get_by_text("vaste monitoringsroutine")).to_be_visible()
    person.get_by_role("link", name="Mijn Leerkring").click()
    person.get_by_role("link", name="Recente activiteit in de discussies").click()
    card = person.locator(".card", has_text=TITLE)
    expect(card).to_be_visible()
    expect(card.locator(".tag--unread")).to_have_count(0)

    # The search in the header finds the reply and the expert.
    search = person.get_by_role("search", name="Zoeken op de site")
    search.get_by_role("searchbox").fill("telegram")
    search.get_by_role("button", name="Zoeken").click()
    expect(person.get_by_role("link", name="Discussies (1)")).to_be_visible()
    expect(person.get_by_role("link", name="Experts (1)")).to_be_visible()
    axe(person)
    person.get_by_role("link", name="Fatima El Amrani").click()
    expect(person).to_have_url(
        f"{live_server.url}/experts/?q=Fatima+El+Amrani#expert-{expert.pk}"
    )
    expect(person.locator(f"#expert-{expert.pk}")).to_contain_text(
        "Veiligheidsregio Noord"
    )
    person.go_back()
    person.get_by_role("link", name="Discussies (1)").click()
    person.get_by_role("link", name=TITLE).click()
    expect(person.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert person.url.endswith(f"#bericht-{thread.posts.earliest('created_at').pk}")
