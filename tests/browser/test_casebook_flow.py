"""A case from the member's keyboard to the published page, in a real
browser: names, a phone number and a handle are highlighted in the preview,
the member marks what the engine missed and confirms, an adviser signs in
with the second factor and publishes; the page holds none of it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from casebook.models import CasePage, CaseStatus, CaseSubmission, ErasureLog
from tests.browser.helpers import log_in
from tests.conftest import PASSWORD, totp_code
from tests.interventions.factories import ClassificationFactory, PhaseFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORY = (
    "Op zaterdagavond plaatste Jan de Vries via zijn account @rellenkoning033 "
    "een TikTok-filmpje met een oproep tot rellen op het Marktplein in "
    "Lindenwaard.\n\n"
    "De wijkagent belde hem op 06-12345678. Zijn buurvrouw Fatima el Amrani "
    "had het filmpje eerder gemeld."
)
PERSONAL = ["Jan de Vries", "@rellenkoning033", "06-12345678", "Fatima el Amrani"]


def _write_case(page, live_server, axe) -> None:
    page.goto(live_server.url + "/casuistiek/indienen/")
    expect(page.get_by_role("heading", name="Casus indienen")).to_be_visible()
    axe(page)
    page.get_by_label("Titel").fill("Oproep van Jan de Vries tot rellen")
    page.get_by_label("Gemeente of regio").fill("Lindenwaard")
    page.get_by_label("Periode").fill("Voorjaar 2025")
    page.get_by_label("TikTok").check()
    page.get_by_label("Fase die de verstoring bereikte").select_option(
        label="Mobilisatie"
    )
    page.get_by_label("Wat er gebeurde").fill(STORY)
    page.get_by_label("Geleerde lessen").fill("Bel Jan de Vries eerder op.")
    page.get_by_label("Trefwoorden").fill("voetbal, jongeren")
    page.get_by_role(
        "button", name="Opslaan en geanonimiseerd voorbeeld bekijken"
    ).click()


def _check_preview(page, axe) -> None:
    expect(
        page.get_by_role("heading", name="Controleer het geanonimiseerde voorbeeld")
    ).to_be_visible()
    preview = page.locator(".preview")
    for replacement in ("[PERSOON-1]", "[PERSOON-2]", "[TELEFOON-1]", "[HANDLE-1]"):
        expect(
            preview.locator("mark.redaction", has_text=replacement).first
        ).to_be_visible()
    text = preview.inner_text()
    for item in PERSONAL:
        assert item not in text
    # The kind is read out after each replacement.
    first = preview.locator("mark.redaction").first
    assert first.text_content() == "[PERSOON-1] (naam van een persoon)"
    axe(page)


def _mark_missed_and_confirm(page, axe) -> None:
    page.get_by_label("Tekst die vervangen moet worden").fill("Marktplein")
    page.get_by_label("Soort persoonsgegeven").select_option(value="ADRES")
    page.get_by_role(
        "button", name="Correcties verwerken en voorbeeld opnieuw maken"
    ).click()
    expect(page.get_by_text("Het voorbeeld is opnieuw gemaakt.")).to_be_visible()
    expect(
        page.locator(".preview mark.redaction", has_text="[ADRES-1]")
    ).to_be_visible()
    assert "Marktplein" not in page.locator(".preview").inner_text()
    axe(page)
    page.get_by_role("button", name="Bevestigen en indienen").click()
    expect(page.get_by_text("Uw casus is ingediend")).to_be_visible()
    axe(page)


def _adviser_publishes(page, live_server, editor) -> None:
    review = re.search(
        r"https?://[^/\s]+(/admin/casuistiek/\d+/)", mail.outbox[0].body
    )[1]
    page.goto(live_server.url + review)
    page.get_by_label("E-mail").fill(editor.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("mark.redaction", has_text="[HANDLE-1]").first).to_be_visible()
    for item in PERSONAL:
        assert item not in page.locator("main").inner_text()
    expect(page.get_by_label("Alleen voor leden")).to_be_checked()
    page.get_by_role("button", name="Publiceren", exact=True).click()
    # Publishing erases the original: the adviser confirms on a page that says so.
    expect(page.get_by_text("Dit kan niet ongedaan worden gemaakt.")).to_be_visible()
    page.get_by_role("button", name="Publiceren en origineel wissen").click()
    expect(page.get_by_text("is gepubliceerd").first).to_be_visible()


def test_submit_preview_confirm_and_publish(
    live_server, new_page, axe, home_page, member, editor
):
    PhaseFactory(name="Mobilisatie", slug="mobilisatie")
    ClassificationFactory(name="Strafbaar", slug="strafbaar")
    member_page = new_page()
    log_in(member_page, live_server.url, member.email)
    _write_case(member_page, live_server, axe)
    _check_preview(member_page, axe)
    _mark_missed_and_confirm(member_page, axe)
    case = CaseSubmission.objects.get()
    assert case.status == CaseStatus.SUBMITTED
    assert mail.outbox[0].to == [editor.email]

    _adviser_publishes(new_page(), live_server, editor)
    case.refresh_from_db()
    assert case.status == CaseStatus.PUBLISHED and case.erased_at is not None
    assert ErasureLog.objects.filter(case_id=case.pk, reason="published").exists()

    # The member reads the published, members-only page: none of it is there.
    page = CasePage.objects.get()
    member_page.goto(live_server.url + page.url)
    expect(member_page.get_by_role("heading", name=page.title)).to_be_visible()
    published = member_page.content()
    for item in [*PERSONAL, "Marktplein"]:
        assert item not in published
    assert "[PERSOON-1]" in published and "Lindenwaard" in published
    axe(member_page)
    # The overview (filters, members-only label) and the member's own list.
    member_page.goto(live_server.url + page.get_parent().url)
    expect(member_page.get_by_role("link", name=page.title)).to_be_visible()
    axe(member_page)
    member_page.goto(live_server.url + "/casuistiek/mijn-casussen/")
    expect(member_page.get_by_text("Gepubliceerd")).to_be_visible()
    axe(member_page)
