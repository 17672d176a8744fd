"""On a phone (390 × 844) the header is one row, the brand and a menu button,
so content starts within the first 300 pixels; the menu is a <details> and
opens without JavaScript. On a wide screen the menu is open on two rows and
the member menu fits on one."""

import pytest
from playwright.sync_api import expect

from knowledge.models import DossierPage
from tests.browser.helpers import log_in
from tests.conftest import totp_code
from tests.events.factories import EventIndexPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}
# Where content must start on a phone: above this line, a reader sees it
# without scrolling past the header.
CONTENT_WITHIN = 300


@pytest.fixture
def site(home_page):
    home_page.add_child(
        instance=DossierPage(
            title="Online aangejaagde ordeverstoringen", show_in_menus=True
        )
    )
    EventIndexPageFactory(parent=home_page, title="Bijeenkomsten", show_in_menus=True)
    return home_page


def _top_of_content(page) -> float:
    return page.evaluate(
        "document.querySelector('main h1').getBoundingClientRect().top"
    )


@pytest.mark.parametrize("path", ["/", "/bijeenkomsten/", "/zoeken/?q=rellen"])
def test_on_a_phone_content_starts_within_300_pixels(
    live_server, new_page, site, path, tmp_path
):
    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + path)
    page.screenshot(path=tmp_path / "phone.png")
    assert _top_of_content(page) < CONTENT_WITHIN
    expect(
        page.locator(".main-nav").get_by_role("link", name="Bijeenkomsten")
    ).to_be_hidden()


def test_the_phone_menu_opens_without_javascript(browser, live_server, site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/")
    menu = page.get_by_text("Menu", exact=True)
    menu.focus()
    page.keyboard.press("Enter")
    expect(
        page.locator(".main-nav").get_by_role("link", name="Bijeenkomsten")
    ).to_be_visible()
    expect(page.get_by_role("searchbox", name="Zoek op het platform")).to_be_visible()
    page.locator(".main-nav").get_by_role("link", name="Bijeenkomsten").click()
    expect(page).to_have_url(live_server.url + "/bijeenkomsten/")
    context.close()


def test_on_a_wide_screen_the_menu_is_open_and_the_member_menu_one_row(
    live_server, new_page, site, editor
):
    page = new_page()
    page.set_viewport_size(WIDE)
    log_in(page, live_server.url, editor.email)
    page.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server.url + "/")
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    expect(
        page.locator(".main-nav").get_by_role("link", name="Bijeenkomsten")
    ).to_be_visible()
    tops = page.locator(".account-nav li").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    assert len(tops) == 3
    assert len(set(tops)) == 1


def test_the_open_phone_menu_passes_axe(live_server, new_page, axe, site):
    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    page.get_by_text("Menu", exact=True).click()
    expect(
        page.locator(".main-nav").get_by_role("link", name="Bijeenkomsten")
    ).to_be_visible()
    axe(page)
