"""An adviser publishes a theme page in the Wagtail admin; a visitor finds it
through the search and opens it."""

import pytest
from playwright.sync_api import expect

from knowledge.models import DossierPage, ThemePage
from tests.conftest import PASSWORD, totp_code

pytestmark = [
    pytest.mark.browser,
    # Live-server tests commit for real; serialized_rollback restores the
    # pages, groups and site the migrations made once each test has flushed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Pedojagers signaleren"
INTRO = "Hoe u oproepen van pedojagers op sociale media herkent en duidt."


@pytest.fixture
def dossier(home_page):
    return home_page.add_child(
        instance=DossierPage(
            title="Online aangejaagde ordeverstoringen", show_in_menus=True
        )
    )


def _publish_theme_as_adviser(page, live_server, dossier, editor) -> None:
    # The admin sends the adviser through allauth's login and second factor,
    # then back to the editor for a new theme page below the dossier.
    page.goto(live_server.url + f"/admin/pages/add/knowledge/themepage/{dossier.pk}/")
    page.get_by_label("E-mail").fill(editor.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    page.get_by_role("button", name="Inloggen").click()
    page.locator("#id_title").fill(TITLE)
    page.get_by_role("textbox", name="Inleiding").fill(INTRO)
    # 'Publiceren' sits in the menu next to 'Bewaar concept'.
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Publiceren").click()
    expect(
        page.get_by_text(f"Pagina '{TITLE}' aangemaakt en gepubliceerd.")
    ).to_be_visible()


def test_adviser_publishes_and_visitor_finds_it(
    live_server, new_page, axe, dossier, editor
):
    adviser = new_page()
    _publish_theme_as_adviser(adviser, live_server, dossier, editor)
    theme = ThemePage.objects.get(title=TITLE)
    assert theme.live and theme.get_parent().pk == dossier.pk

    # A visitor, in a browser of their own, searches from the header.
    visitor = new_page()
    visitor.goto(live_server.url + "/")
    search = visitor.get_by_role("search", name="Zoeken op de site")
    search.get_by_label("Zoek op het platform").fill("pedojagers")
    search.get_by_role("button", name="Zoeken").click()
    visitor.wait_for_url("**/zoeken/?q=pedojagers")
    expect(visitor.get_by_text("1 resultaat voor “pedojagers”")).to_be_visible()
    result = visitor.locator(".search-result")
    expect(result.locator(".tag")).to_have_text("Handreiking")
    expect(result.locator("mark")).to_have_text("pedojagers")
    expect(
        visitor.get_by_role("navigation", name="Filteren op soort").get_by_role(
            "link", name="Handreikingen (1)"
        )
    ).to_be_visible()
    axe(visitor)

    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(visitor.get_by_text(INTRO)).to_be_visible()
    assert visitor.url == live_server.url + theme.url


def test_odd_search_addresses_are_ordinary_pages(live_server, new_page, axe, dossier):
    dossier.add_child(instance=ThemePage(title="Barrièremodel", intro="Fasen."))
    page = new_page()
    for query, message in (
        ("q=barri%C3%A8remodel&type=onbekend", "Die soort resultaat bestaat niet"),
        ("q=barri%C3%A8remodel&pagina=99", "u ziet die pagina"),
        ("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Niets gevonden voor"),
        ("q=" + "x" * 3000, "Uw zoekopdracht is ingekort tot 200 tekens."),
    ):
        response = page.goto(live_server.url + "/zoeken/?" + query)
        assert response.status == 200
        expect(page.get_by_text(message)).to_be_visible()
        axe(page)
    # The script in the query was shown as text, never run.
    page.goto(live_server.url + "/zoeken/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    expect(
        page.get_by_role("searchbox", name="Zoek op het platform").last
    ).to_have_value("<script>alert(1)</script>")
