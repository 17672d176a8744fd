"""Members propose and vote on topics for a community-of-practice meeting,
and the adviser turns two of them into agenda items and discussions, in a
real browser."""

import pytest
from playwright.sync_api import expect

from community.models import Thread, TopicWish
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.community.factories import ThemeFactory
from tests.conftest import totp_code
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIRST = "Hoe betrekken we burgers bij het signaleren van ondermijning?"
SECOND = "Welke afspraken maken gemeente en politie over terugkoppeling?"
THIRD = "Ervaringen met bewustwordingscampagnes in de wijk"


def _propose(page, text: str) -> None:
    page.get_by_label("Uw onderwerp of vraag").fill(text)
    page.get_by_role("button", name="Dit onderwerp voorstellen").click()
    expect(page.get_by_text("Uw onderwerp is toegevoegd.")).to_be_visible()


def test_members_propose_and_vote_the_adviser_picks_two(
    live_server, new_page, axe, home_page, member, editor
):
    ThemeFactory(name="Ondermijning en burgerinitiatieven", slug="ondermijning")
    events = EventIndexPageFactory(parent=home_page)
    meeting = EventPageFactory(
        parent=events, kind="cop", title="CoP Ondermijning en burgerinitiatieven"
    )
    other = MemberFactory(first_name="Hakan", last_name="Yildiz")

    # The member finds the topics from the meeting page and proposes two.
    person = new_page()
    log_in(person, live_server.url, member.email, meeting.url)
    person.get_by_role("link", name="Onderwerpen voor deze bijeenkomst").click()
    expect(person.get_by_role("heading", level=1)).to_contain_text("Onderwerpen voor")
    axe(person)
    _propose(person, FIRST)
    _propose(person, THIRD)

    # Another member proposes one and votes for the member's first.
    colleague = new_page()
    log_in(colleague, live_server.url, other.email, meeting.url)
    colleague.goto(
        live_server.url + f"/community/bijeenkomst/{meeting.pk}/onderwerpen/"
    )
    _propose(colleague, SECOND)
    first = TopicWish.objects.get(body__contains="signaleren")
    colleague.locator(f"#onderwerp-{first.pk}").get_by_role(
        "button", name="Stem op dit onderwerp"
    ).click()
    expect(colleague.get_by_text("Uw stem is geteld.")).to_be_visible()
    expect(colleague.locator(f"#onderwerp-{first.pk}")).to_contain_text("1 stem")
    axe(colleague)

    # The member votes for the colleague's topic.
    person.reload()
    second = TopicWish.objects.get(body__contains="terugkoppeling")
    person.locator(f"#onderwerp-{second.pk}").get_by_role(
        "button", name="Stem op dit onderwerp"
    ).click()
    expect(person.get_by_text("Uw stem is geteld.")).to_be_visible()

    # The adviser, with the second factor, picks the two with votes.
    adviser = new_page()
    choose = f"/community/bijeenkomst/{meeting.pk}/onderwerpen/kiezen/"
    log_in(adviser, live_server.url, editor.email, choose)
    adviser.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    adviser.get_by_role("button", name="Inloggen").click()
    expect(adviser.get_by_role("heading", level=1)).to_have_text(
        "Kies de onderwerpen voor de agenda"
    )
    axe(adviser)
    adviser.get_by_label(FIRST).check()
    adviser.get_by_label(SECOND).check()
    adviser.get_by_label("Thema van de discussies").select_option(
        label="Ondermijning en burgerinitiatieven"
    )
    adviser.get_by_role(
        "button", name="Op de agenda zetten en de discussies starten"
    ).click()
    expect(adviser.get_by_text("2 onderwerpen staan op de agenda")).to_be_visible()
    agenda = adviser.locator(".wish-agenda li")
    expect(agenda).to_have_count(2)
    axe(adviser)
    assert Thread.objects.filter(event=meeting).count() == 2

    # The member opens the discussion of their topic from the agenda.
    person.reload()
    person.locator(".wish-agenda li").filter(has_text=FIRST).get_by_role(
        "link", name="Naar de discussie"
    ).click()
    expect(person.get_by_role("heading", level=1)).to_contain_text("signaleren")
    axe(person)
