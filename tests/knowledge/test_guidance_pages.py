"""Theme pages with every body block, and meeting reports."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

from tests.knowledge.factories import (
    AdviserFactory,
    DossierPageFactory,
    MeetingReportPageFactory,
    ThemePageFactory,
)

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=leerkring-xl"


@pytest.fixture
def dossier(home_page):
    return DossierPageFactory(parent=home_page)


@pytest.fixture
def document(db):
    doc = Document(title="Barrièremodel OAOV")
    doc.file.save("barrieremodel.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048))
    doc.save()
    doc.get_file_size()  # as the admin's upload form records it
    return doc


def _publish(page):
    page.save_revision().publish()
    return page


def test_theme_page_renders_every_block(client, dossier, document):
    adviser = AdviserFactory(name="Lienke Hutten")
    page = ThemePageFactory(
        parent=dossier,
        body=[
            ("heading", "Signalen"),
            ("paragraph", RichText("<p>Monitor openbare bronnen.</p>")),
            (
                "quote",
                {"text": "Online en offline zijn verweven.", "attribution": "Tafel 2"},
            ),
            (
                "document",
                {"document": document, "title": "", "description": "Het model."},
            ),
            (
                "accordion",
                {
                    "heading": "Veelgestelde vragen",
                    "items": [
                        {
                            "question": "Mag de gemeente zelf monitoren?",
                            "answer": RichText("<p>Alleen openbare bronnen.</p>"),
                        }
                    ],
                },
            ),
            ("adviser", {"adviser": adviser}),
        ],
    )
    _publish(page)
    body = client.get(page.url).content.decode()
    assert "<h2>Signalen</h2>" in body
    assert "Online en offline zijn verweven." in body
    assert f'href="{document.url}"' in body
    assert "Barrièremodel OAOV" in body  # the document's own title
    assert "(PDF, 2,0" in body
    assert '<details class="accordion__item">' in body
    assert "Mag de gemeente zelf monitoren?" in body
    assert "Neem contact op met Lienke Hutten" in body
    assert "mailto:" + adviser.email in body


def test_video_block_embeds_the_player_from_the_embed_cache(client, dossier):
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL, None, None),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        provider_name="YouTube",
    )
    page = _publish(
        ThemePageFactory(
            parent=dossier,
            body=[
                (
                    "video",
                    {
                        "video": VIDEO_URL,
                        "title": "Leerkring XL, 8 februari",
                        "transcript": RichText("<p>Haarlem over de dwangsom.</p>"),
                    },
                )
            ],
        )
    )
    body = client.get(page.url).content.decode()
    assert "youtube-nocookie.com/embed/x" in body
    assert 'aria-label="Leerkring XL, 8 februari"' in body
    assert "Haarlem over de dwangsom." in body


def test_video_that_cannot_be_embedded_still_links_to_it(client, dossier):
    url = "https://video.gemeente.example/leerkring"
    page = _publish(
        ThemePageFactory(
            parent=dossier,
            body=[("video", {"video": url, "title": "Leerkring", "transcript": ""})],
        )
    )
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="{url}"' in body
    assert "video__player" not in body


def test_meeting_report_shows_tables_and_conclusion(client, dossier):
    report = _publish(
        MeetingReportPageFactory(
            parent=dossier,
            rounds=[
                (
                    "round",
                    {
                        "theme": "Versterking samenwerking",
                        "question": "Werken partners voldoende samen?",
                        "findings": RichText("<p>In acute situaties wel.</p>"),
                    },
                ),
                (
                    "round",
                    {
                        "theme": "Handelingsperspectief",
                        "question": "",
                        "findings": RichText("<p>Geen standaardinterventies.</p>"),
                    },
                ),
            ],
            conclusion="<p>Meer bewustwording is nodig.</p>",
        )
    )
    body = client.get(report.url).content.decode()
    assert "Tafel 1</span> Versterking samenwerking" in body
    assert "Tafel 2</span> Handelingsperspectief" in body
    assert "Werken partners voldoende samen?" in body
    assert 'href="#ronde-2"' in body and 'id="ronde-2"' in body
    assert "Overkoepelende conclusie" in body
    assert "Meer bewustwording is nodig." in body
    assert "20 maart 2025" in body


def test_dossier_lists_theme_pages_and_reports(client, dossier):
    _publish(ThemePageFactory(parent=dossier, title="Signaleren"))
    _publish(MeetingReportPageFactory(parent=dossier, title="Verslag tafels"))
    body = client.get(dossier.url).content.decode()
    assert "Signaleren" in body
    assert "Verslag tafels" in body
