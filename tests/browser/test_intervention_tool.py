"""A professional walks the intervention tool to a result with radio buttons,
then a colleague opens the shared link in a fresh browser and sees the same."""

import pytest
from playwright.sync_api import expect

from knowledge.interventions.models import InterventionKind
from tests.interventions.factories import InterventionFactory, situation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _interventions() -> None:
    s = situation()
    ties = {
        "phases": [s["mobilisatie"]],
        "classifications": [s["onrechtmatig"]],
        "actors": [s["gemeente"]],
    }
    InterventionFactory(
        title="Gebiedsverbod",
        legal_basis="Artikel 172a Gemeentewet",
        conditions="De persoon is bekend",
        risks="Verplaatsing naar een ander gebied",
        **ties,
    )
    InterventionFactory(
        title="Normstellend gesprek", kind=InterventionKind.NON_LEGAL, **ties
    )
    InterventionFactory(
        title="Noodbevel",
        phases=[s["verstoring"]],
        classifications=[s["strafbaar"]],
        actors=[s["gemeente"]],
    )


def _expect_result(page) -> None:
    expect(
        page.get_by_role("heading", name="Juridische interventies (1)", exact=True)
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Gebiedsverbod")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Niet-juridische interventies (1)")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Normstellend gesprek")).to_be_visible()
    expect(page.get_by_text("Noodbevel")).to_have_count(0)
    expect(page.get_by_text("2 interventies passen bij deze situatie.")).to_be_visible()


def test_walk_the_tool_and_share_the_result(live_server, new_page, axe, home_page):
    _interventions()
    page = new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Interventietool"
    ).click()
    expect(page.get_by_role("heading", name="Interventietool", level=1)).to_be_visible()
    axe(page)

    # Submitting without a phase gives a message next to the form.
    page.get_by_role("button", name="Toon interventies").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Kies de fase waarin de verstoring zich bevindt."
    )
    axe(page)

    page.get_by_role("group", name="In welke fase").get_by_label("Mobilisatie").check()
    page.get_by_label("Onrechtmatig").check()
    page.get_by_label("Gemeente").check()
    page.get_by_role("button", name="Toon interventies").click()
    _expect_result(page)
    axe(page)

    shared = page.get_by_label("Link naar dit resultaat").input_value()
    assert shared.endswith(
        "/interventietool/?fase=mobilisatie&classificatie=onrechtmatig&actor=gemeente"
    )
    assert page.url == shared

    # Printed, only the result remains, with the link written out.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".intervention-tool__form")).to_be_hidden()
    expect(page.locator(".share-link__print")).to_have_text(shared)
    page.emulate_media(media="screen")

    colleague = new_page()  # a fresh browser context: no session, no history
    colleague.goto(shared)
    _expect_result(colleague)
    expect(colleague.get_by_label("Mobilisatie")).to_be_checked()
    expect(colleague.get_by_label("Onrechtmatig")).to_be_checked()
    expect(colleague.get_by_label("Gemeente")).to_be_checked()


def test_a_broken_link_shows_a_message_and_the_form(live_server, new_page, axe):
    situation()
    page = new_page()
    page.goto(live_server.url + "/interventietool/?fase=bestaat-niet&actor=gemeente")
    expect(page.get_by_role("alert")).to_contain_text("Deze fase bestaat niet (meer).")
    expect(page.get_by_role("button", name="Toon interventies")).to_be_visible()
    axe(page)
