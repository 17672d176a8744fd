"""Registering for a meeting and submitting a case with the keyboard alone, in
a real browser (WCAG 2.1.1 keyboard, 2.4.3 focus order, 2.4.7 focus visible,
3.3.1 error identification).

Only ``page.keyboard`` moves focus and enters data: no clicks, fills or
select_option. Every Tab lands on an element with a visible focus indicator
and never on the robot trap, which people must not reach.
"""

import pytest
from playwright.sync_api import Locator, Page, expect

from casebook.models import CaseStatus, CaseSubmission
from events.models import EventQuestion, Registration
from tests.browser.test_casebook_flow import STORY
from tests.conftest import PASSWORD
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.interventions.factories import ClassificationFactory, PhaseFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What a sighted keyboard user sees of the focused element.
FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        element: el.outerHTML.slice(0, 120),
        onPage: el !== document.body && el !== document.documentElement,
        focusVisible: el.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        inTrap: el.name === "website" || !!el.closest(".form-trap, [aria-hidden=true]"),
    };
}"""


def press_tab(page: Page, *, back: bool = False) -> None:
    """One (Shift+)Tab; the element it lands on shows that it has focus."""
    page.keyboard.press("Shift+Tab" if back else "Tab")
    assert_focus_shown(page)


def assert_focus_shown(page: Page) -> None:
    """The focused element is on the page, not the trap, and visibly focused."""
    state = page.evaluate(FOCUS_STATE)
    assert state["onPage"], "focus left the page's focusable elements"
    assert not state["inTrap"], f"Tab reached the robot trap: {state['element']}"
    assert state["focusVisible"], f"no :focus-visible on {state['element']}"
    assert state["outline"] or state["shadow"], (
        f"no visible focus indicator on {state['element']}"
    )


def tab_to(page: Page, target: Locator, *, back: bool = False, limit: int = 40) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has focus."""
    target.wait_for(state="attached")
    for _ in range(limit):
        press_tab(page, back=back)
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"{target} not reached with {limit} {'Shift+' * back}Tab presses")


def choose(page: Page, select: Locator, option: str, *, limit: int = 20) -> None:
    """Press ArrowDown on a focused select until ``option`` (its text) is chosen."""
    expect(select).to_be_focused()
    selected = "el => el.options[el.selectedIndex].text"
    for _ in range(limit):
        page.keyboard.press("ArrowDown")
        if select.evaluate(selected) == option:
            return
    pytest.fail(f"{option!r} not reached with {limit} ArrowDown presses")


def press_and_load(page: Page, key: str = "Enter") -> None:
    """Press a key that submits a form or follows a link; wait for the page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def skip_to_content(page: Page) -> None:
    """The first Tab reaches the skip link, which jumps past the header."""
    press_tab(page)
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_guest_registers_with_the_keyboard(live_server, new_page, home_page):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, title="Leerkring signaleren", capacity=5)
    EventQuestion.objects.create(
        event=event,
        label="Hoe neemt u deel?",
        required=True,
        choices="Ter plaatse\nOnline",
    )
    page = new_page()
    page.goto(live_server.url + event.url)
    skip_to_content(page)
    register = page.get_by_role("button", name="Inschrijven")

    # Sent empty: focus lands on the first invalid field, which reads its error.
    tab_to(page, register)
    press_and_load(page)
    name = page.get_by_label("Naam")
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description("Fout: Dit is een verplicht veld.")
    assert_focus_shown(page)
    # Back from the first field goes past the trap to the log-in link.
    press_tab(page, back=True)
    expect(page.get_by_role("link", name="loggen in")).to_be_focused()
    press_tab(page)
    expect(name).to_be_focused()

    page.keyboard.type("Fatima el Amrani")
    for label, text in (
        ("Organisatie", "Gemeente Houten"),
        ("Functie", "Jongerenwerker"),
        ("E-mailadres", "f.elamrani@houten.example"),
    ):
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    question = page.get_by_label("Hoe neemt u deel?")
    tab_to(page, question)
    choose(page, question, "Online")
    tab_to(page, register)
    press_and_load(page)

    expect(page.get_by_text("Bijna klaar")).to_be_visible()
    registration = Registration.objects.get()
    assert registration.email == "f.elamrani@houten.example"
    assert registration.organisation == "Gemeente Houten"
    assert registration.answers == [
        {"question": "Hoe neemt u deel?", "answer": "Online"}
    ]


def _log_in(page: Page, url: str, email: str) -> None:
    page.goto(url)
    skip_to_content(page)
    tab_to(page, page.get_by_label("E-mail"))
    page.keyboard.type(email)
    tab_to(page, page.get_by_label("Wachtwoord"))
    page.keyboard.type(PASSWORD)
    tab_to(page, page.get_by_role("button", name="Inloggen"))
    press_and_load(page)


def _write_case(page: Page) -> None:
    skip_to_content(page)
    tab_to(page, page.get_by_role("link", name="Casus indienen"))
    press_and_load(page)
    expect(page.get_by_role("heading", name="Casus indienen")).to_be_visible()
    for label, text in (
        ("Titel", "Oproep van Jan de Vries tot rellen"),
        ("Gemeente of regio", "Lindenwaard"),
        ("Periode", "Voorjaar 2025"),
    ):
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    tiktok = page.get_by_label("TikTok")
    tab_to(page, tiktok)
    page.keyboard.press("Space")
    expect(tiktok).to_be_checked()
    phase = page.get_by_label("Fase die de verstoring bereikte")
    tab_to(page, phase)
    choose(page, phase, "Mobilisatie")
    for label, text in (
        ("Wat er gebeurde", STORY),
        ("Geleerde lessen", "Bel Jan de Vries eerder op."),
        ("Trefwoorden", "voetbal, jongeren"),
    ):
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    tab_to(
        page,
        page.get_by_role("button", name="Opslaan en geanonimiseerd voorbeeld bekijken"),
    )
    press_and_load(page)


def _correct_and_confirm(page: Page) -> None:
    expect(
        page.get_by_role("heading", name="Controleer het geanonimiseerde voorbeeld")
    ).to_be_visible()
    skip_to_content(page)
    tab_to(page, page.get_by_label("Tekst die vervangen moet worden"))
    page.keyboard.type("Marktplein")
    kind = page.get_by_label("Soort persoonsgegeven")
    tab_to(page, kind)
    choose(page, kind, "Adres")
    tab_to(
        page,
        page.get_by_role(
            "button", name="Correcties verwerken en voorbeeld opnieuw maken"
        ),
    )
    press_and_load(page)
    expect(page.get_by_text("Het voorbeeld is opnieuw gemaakt.")).to_be_visible()
    expect(
        page.locator(".preview mark.redaction", has_text="[ADRES-1]")
    ).to_be_visible()
    # The form was sent from .../#inhoud, and the redirect keeps the fragment:
    # the next Tab starts in the main content, not at the skip link.
    tab_to(page, page.get_by_role("button", name="Bevestigen en indienen"))
    press_and_load(page)
    expect(page.get_by_text("Uw casus is ingediend")).to_be_visible()


def test_member_submits_a_case_with_the_keyboard(live_server, new_page, member):
    PhaseFactory(name="Mobilisatie", slug="mobilisatie")
    ClassificationFactory(name="Strafbaar", slug="strafbaar")
    page = new_page()
    _log_in(
        page,
        live_server.url + "/accounts/login/?next=/casuistiek/mijn-casussen/",
        member.email,
    )
    expect(page.get_by_role("heading", name="Mijn casussen")).to_be_visible()
    _write_case(page)
    _correct_and_confirm(page)
    case = CaseSubmission.objects.get()
    assert case.status == CaseStatus.SUBMITTED
    assert case.platforms.filter(name="TikTok").exists()
    assert case.phase.name == "Mobilisatie"
    assert "Marktplein" not in case.anonymised_what_happened
