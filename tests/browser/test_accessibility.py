"""axe-core (WCAG 2.1 A and AA) on every public page type, in Chromium."""

import pytest
from django.core.management import call_command

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = [
    "/",
    "/online-aangejaagde-ordeverstoringen/",
    "/online-aangejaagde-ordeverstoringen/leerkring-online-openbare-orde/",
    "/online-aangejaagde-ordeverstoringen/verslag-deskundigenbijeenkomst-oaov/",
    "/nieuws/",
    "/nieuws/?categorie=onbekend",
    "/nieuws/?tag=oaov&jaar=2024",
    "/nieuws/geslaagde-roadshow-online-aangejaagde-ordeverstoringen/",
    "/bijeenkomsten/",
    "/bijeenkomsten/?soort=roadshow&maand=2099-01",
    "/bijeenkomsten/cop-ondermijning-en-burgerinitiatieven/",
    "/zoeken/?q=roadshow",
    "/zoeken/?q=zzzzonbekend",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/bestaat-niet/",
]


def test_public_pages_have_no_axe_violations(live_server, new_page, axe, home_page):
    call_command("load_demo", verbosity=0)
    page = new_page()
    for path in PAGES:
        page.goto(live_server.url + path)
        axe(page)


def test_form_with_errors_has_no_axe_violations(live_server, new_page, axe, home_page):
    page = new_page()
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_role("button", name="Account aanvragen").click()
    page.wait_for_selector(".field__errors")
    axe(page)
    # The first error is announced with its field.
    described_by = page.get_by_label("Voornaam").get_attribute("aria-describedby")
    assert "id_first_name_error" in described_by


def test_keyboard_user_reaches_the_content_first(live_server, new_page, home_page):
    page = new_page()
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
