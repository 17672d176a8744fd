"""The policy book's cover and colophon from the publication details that
advisers set in Wagtail's settings (behind the second factor, like the rest
of the admin); a fresh install prints "Leerkring"."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.images import get_image_model

from community.models import PolicyBookPage, PublicationSettings
from community.policybook.periods import half_year_parse
from community.policybook.services import policy_book_build
from tests.second_factor import login_with_password_only, login_with_second_factor

from .factories import ThemeFactory
from .test_policy_book_pdfua import _pdf_bytes, _structure

H1 = half_year_parse("2026-H1")
QUOTES = (
    "Citaten komen alleen uit goedgekeurde berichten en worden toegeschreven "
    "aan het soort organisatie, nooit aan een naam"
)


def _logo(title: str = "Logo Veiligheidsberaad"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 300), "#154273").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="logo.png")
    )


def _book() -> tuple[PdfReader, list[str]]:
    ThemeFactory(name="Online opruiing", slug="online-opruiing")
    page = policy_book_build(period=H1)
    page.refresh_from_db()
    reader = PdfReader(io.BytesIO(_pdf_bytes(page)))
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    return reader, texts


def _edit_url() -> str:
    details = PublicationSettings.load()
    return reverse(
        "wagtailsettings:edit", args=["community", "publicationsettings", details.pk]
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("pdf_engine")
def test_a_fresh_install_prints_leerkring_on_the_cover_and_in_the_colophon(home_page):
    assert PublicationSettings.objects.get().publisher == "Leerkring"
    _reader, texts = _book()
    assert texts[0].startswith("Leerkring Beleidsboek eerste halfjaar 2026")
    colophon = texts[-1]
    assert colophon.startswith("Colofon")
    assert "Uitgever Leerkring" in colophon
    assert "Periode Eerste halfjaar 2026" in colophon
    assert "Datum 30 juni 2026" in colophon
    assert QUOTES in colophon
    # The running head names the publisher.
    assert texts[1].endswith("Leerkring · Beleidsboek eerste halfjaar 2026 2")


@pytest.mark.django_db
@pytest.mark.usefixtures("pdf_engine")
def test_publisher_logo_and_colophon_text_come_from_the_settings(home_page):
    details = PublicationSettings.load()
    details.publisher = "Veiligheidsberaad"
    details.logo = _logo()
    details.colophon = "Postbus 123, Den Haag\n\n- beleid@example.nl\n- 070 123 45 67"
    details.save()
    _reader, texts = _book()
    assert texts[0].startswith("Veiligheidsberaad Beleidsboek")
    _r, elements = _structure(_pdf_bytes(PolicyBookPage.objects.get()))
    figures = [str(e.get("/Alt", "")) for e in elements if e["/S"] == "/Figure"]
    assert "Logo van Veiligheidsberaad" in figures
    colophon = texts[-1]
    assert "Uitgever Veiligheidsberaad" in colophon
    assert "Postbus 123, Den Haag" in colophon
    assert "beleid@example.nl" in colophon and "- beleid" not in colophon
    assert "Leerkring ·" not in " ".join(texts)


@pytest.mark.django_db
@pytest.mark.usefixtures("pdf_engine")
def test_a_logo_whose_file_is_gone_leaves_the_cover_without_it(home_page):
    details = PublicationSettings.load()
    details.logo = _logo()
    details.save()
    details.logo.file.storage.delete(details.logo.file.name)
    _reader, texts = _book()
    assert texts[0].startswith("Leerkring Beleidsboek")
    _r, elements = _structure(_pdf_bytes(PolicyBookPage.objects.get()))
    alts = [str(e.get("/Alt", "")) for e in elements if e["/S"] == "/Figure"]
    assert not any(alt.startswith("Logo") for alt in alts)


@pytest.mark.django_db
def test_an_adviser_edits_the_publication_details(client, editor):
    login_with_second_factor(client, editor)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Publicatiegegevens" in menu
    url = _edit_url()
    page = client.get(url).content.decode()
    assert "Uitgever" in page and "Leerkring" in page
    logo = _logo()
    response = client.post(
        url,
        {"publisher": "Veiligheidsberaad", "logo": logo.pk, "colophon": "Den Haag"},
    )
    assert response.status_code == 302
    details = PublicationSettings.objects.get()
    assert (details.publisher, details.logo, details.colophon) == (
        "Veiligheidsberaad",
        logo,
        "Den Haag",
    )


@pytest.mark.django_db
def test_an_empty_publisher_gets_a_dutch_message_and_changes_nothing(client, editor):
    login_with_second_factor(client, editor)
    response = client.post(_edit_url(), {"publisher": "", "colophon": "x"})
    assert response.status_code == 200
    assert "Dit is een verplicht veld." in response.content.decode()
    assert PublicationSettings.objects.get().colophon == ""


@pytest.mark.django_db
def test_the_publication_details_need_the_second_factor(client, editor, member):
    url = _edit_url()
    login_with_password_only(client, editor)
    response = client.post(url, {"publisher": "Anders", "colophon": ""})
    assert response.status_code == 302
    assert "/admin/" not in response.url
    client.logout()
    client.force_login(member)
    response = client.post(url, {"publisher": "Anders", "colophon": ""})
    assert response.status_code in (302, 403, 404)
    assert PublicationSettings.objects.get().publisher == "Leerkring"
