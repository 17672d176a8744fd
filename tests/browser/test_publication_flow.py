"""An adviser adds a publication with a PDF in the Wagtail admin; the task
reads the PDF when it is published, and a visitor finds the publication by
a word that is only inside the PDF, with its page, in a real browser."""

import pytest
from playwright.sync_api import expect

from knowledge.models import PublicationPage, PublicationText
from tests.conftest import PASSWORD, totp_code
from tests.knowledge.factories import PublicationIndexPageFactory
from tests.knowledge.pdfs import pdf_with_pages

pytestmark = [
    pytest.mark.browser,
    # Live-server tests commit for real; serialized_rollback restores the
    # pages, groups and site the migrations made once each test has flushed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Handreiking complexe demonstraties"
SUMMARY = "Wat gemeenten, politie en OM afspreken voor een complexe demonstratie."
# Only the PDF says "tegendemonstratie", on its second page.
PDF_PAGES = [
    "Kennissessie complexe demonstraties, 1 februari 2024",
    "Spreek vooraf af wie de tegendemonstratie begeleidt en waar.",
]


@pytest.fixture
def library(home_page):
    return PublicationIndexPageFactory(parent=home_page)


def _log_in_to_the_admin(page, live_server, library, editor) -> None:
    page.goto(
        live_server.url + f"/admin/pages/add/knowledge/publicationpage/{library.pk}/"
    )
    page.get_by_label("E-mail").fill(editor.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/admin/pages/add/**")


def _upload_the_pdf(page, pdf_path) -> None:
    """Through the document chooser's upload tab, as an adviser does."""
    page.get_by_role("button", name="Kies een document").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Uploaden").click()
    dialog.locator("input[type=file]").set_input_files(str(pdf_path))
    dialog.get_by_label("Titel").fill("Handreiking (PDF)")
    dialog.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_text("Handreiking (PDF)")).to_be_visible()


def test_adviser_uploads_a_publication_and_a_visitor_finds_it_by_its_pdf(
    live_server, new_page, axe, library, editor, tmp_path
):
    pdf_path = tmp_path / "handreiking.pdf"
    pdf_path.write_bytes(pdf_with_pages(PDF_PAGES))

    adviser = new_page()
    _log_in_to_the_admin(adviser, live_server, library, editor)
    adviser.locator("#id_title").fill(TITLE)
    adviser.locator("#id_kind").select_option("handreiking")
    adviser.locator("#id_date").fill("2024-02-01")
    adviser.locator("#id_publisher").fill("Bureau RVS")
    adviser.get_by_role("textbox", name="Samenvatting").fill(SUMMARY)
    _upload_the_pdf(adviser, pdf_path)
    adviser.get_by_role("button", name="Meer acties").click()
    adviser.get_by_role("button", name="Publiceren").click()
    expect(
        adviser.get_by_text(f"Pagina '{TITLE}' aangemaakt en gepubliceerd.")
    ).to_be_visible()

    publication = PublicationPage.objects.get(title=TITLE)
    assert publication.live
    text = PublicationText.objects.get(page=publication)
    assert (text.status, text.pages) == (PublicationText.Status.READ, PDF_PAGES)

    visitor = new_page()
    visitor.goto(live_server.url + "/")
    search = visitor.get_by_role("search", name="Zoeken op de site")
    search.get_by_label("Zoek op het platform").fill("tegendemonstratie")
    search.get_by_role("button", name="Zoeken").click()
    visitor.wait_for_url("**/zoeken/?q=tegendemonstratie")
    expect(visitor.get_by_text("1 resultaat voor “tegendemonstratie”")).to_be_visible()
    result = visitor.locator(".search-result")
    expect(result.locator(".tag")).to_have_text("Publicatie")
    expect(result.locator("mark")).to_have_text("tegendemonstratie")
    expect(result.get_by_text("pagina 2 van “Handreiking (PDF)”")).to_be_visible()
    axe(visitor)

    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(visitor.get_by_text("Bureau RVS")).to_be_visible()
    axe(visitor)
    link = visitor.get_by_role("link", name="Handreiking (PDF)")
    response = visitor.request.get(live_server.url + link.get_attribute("href"))
    assert response.ok and response.body().startswith(b"%PDF")

    visitor.goto(live_server.url + library.url + "?soort=handreiking&jaar=2024")
    expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()
    axe(visitor)
