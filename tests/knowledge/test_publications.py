"""The publications library: the text of the files read per page, found by
the site search with its page, and kept from visitors when the publication
is for members; the library's filters; who downloads which file."""

import datetime as dt
import logging
import time

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from knowledge.models import (
    NewsPage,
    NewsPublicationLink,
    PublicationPage,
    PublicationText,
)
from knowledge.publications import seed_content
from knowledge.publications.extraction import UnreadableFile, pdf_pages
from knowledge.publications.render import publication_pdf_render
from knowledge.publications.seed import publications_build
from knowledge.publications.services import publication_texts_extract
from tests.accounts.factories import MemberFactory, UserFactory
from tests.community.conftest import pdf_engine  # noqa: F401 - fixture
from tests.knowledge.factories import (
    DossierPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationIndexPageFactory,
    ThemePageFactory,
    document_of,
    pdf_document,
    publication,
)
from tests.knowledge.pdfs import encrypted, pdf_with_pages
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

PAGES = [
    "Fenomeenkaart online aangejaagde ordeverstoringen",
    "Oproepen tot rellen via Telegram en TikTok",
    "Een zogenoemde flashmob bij het winkelcentrum werd een confrontatie",
]


@pytest.fixture
def library(home_page):
    return PublicationIndexPageFactory(parent=home_page)


@pytest.fixture
def pdf():
    return pdf_document("Fenomeenkaart OAOV", PAGES)


def _search(client: Client, words: str) -> str:
    response = client.get("/zoeken/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


# --- reading the text --------------------------------------------------------


def test_the_text_of_each_page_is_read_in_order():
    assert pdf_pages(pdf_with_pages(PAGES)) == PAGES


def test_a_page_without_text_gives_an_empty_text():
    pages = ["Voorblad", "", "Slot"]
    assert pdf_pages(pdf_with_pages(pages)) == pages


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.4\n1 0 obj kapot", id="damaged"),
        pytest.param(encrypted(pdf_with_pages(PAGES)), id="locked with a password"),
        pytest.param(b"PK\x03\x04 word-document", id="no PDF"),
        pytest.param(b"", id="empty"),
    ],
)
def test_an_unreadable_file_says_so(data):
    with pytest.raises(UnreadableFile):
        pdf_pages(data)


def test_publishing_reads_every_file_page_by_page(library, pdf):
    slides = pdf_document("Presentatie", ["Dia een", "Dia twee"])
    page = publication(library, documents=[pdf, slides])
    texts = list(page.texts.all())
    assert [t.document_id for t in texts] == [pdf.pk, slides.pk]
    assert texts[0].pages == PAGES
    assert texts[1].pages == ["Dia een", "Dia twee"]
    assert {t.status for t in texts} == {PublicationText.Status.READ}


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"%PDF-1.4\n1 0 obj kapot", "kapot.pdf"),
        (encrypted(pdf_with_pages(PAGES)), "afgesloten.pdf"),
        (b"PK\x03\x04 word-document", "verslag.docx"),
    ],
)
def test_a_broken_file_is_a_warning_and_no_text(library, caplog, data, filename):
    document = document_of("Bijlage", data, filename=filename)
    with caplog.at_level(logging.WARNING, logger="knowledge.publications"):
        page = publication(library, documents=[document])
    text = page.texts.get()
    assert (text.status, text.pages) == (PublicationText.Status.UNREADABLE, [])
    assert f"Publication file {document.pk} has no text" in caplog.text
    assert page.live


def test_a_file_in_a_restricted_collection_is_not_read(library):
    collection = Collection.get_first_root_node().add_child(name="Afgeschermd")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = pdf_document("Intern", PAGES, collection=collection)
    page = publication(library, documents=[document])
    assert page.texts.get().status == PublicationText.Status.RESTRICTED
    assert "Niets gevonden" in _search(Client(), "winkelcentrum")


def test_an_unchanged_file_is_not_read_again(library, pdf, monkeypatch):
    page = publication(library, documents=[pdf])
    calls = []
    monkeypatch.setattr(
        "knowledge.publications.services.pdf_pages",
        lambda data, name: calls.append(name) or [],
    )
    page.save_revision().publish()
    assert calls == []
    assert page.texts.get().pages == PAGES


def test_a_replaced_file_is_read_again(library, pdf):
    page = publication(library, documents=[pdf])
    data = pdf_with_pages(["Nieuwe tekst over dwangsommen"])
    pdf.file.save("nieuw.pdf", ContentFile(data), save=False)
    pdf._set_document_file_metadata()
    pdf.save()
    assert page.texts.get().pages == ["Nieuwe tekst over dwangsommen"]


def test_a_removed_file_takes_its_text_along(library, pdf):
    other = pdf_document("Samenvatting", ["Korte samenvatting"])
    page = publication(library, documents=[pdf, other])
    page.files.filter(document=pdf).delete()
    publication_texts_extract(page=PublicationPage.objects.get(pk=page.pk))
    assert [t.document_id for t in page.texts.all()] == [other.pk]


# --- the site search ------------------------------------------------------


def test_a_word_only_in_the_file_finds_it_with_its_page(client, library, pdf):
    publication(library, documents=[pdf])
    html = _search(client, "winkelcentrum")
    assert "1 resultaat voor “winkelcentrum”" in html
    assert "pagina 3 van “Fenomeenkaart OAOV”" in html
    assert "bij het <mark>winkelcentrum</mark> werd een confrontatie" in html


def test_a_word_in_the_summary_is_quoted_from_the_summary(client, library, pdf):
    publication(library, documents=[pdf])
    html = _search(client, "vormen")
    assert "<mark>vormen</mark> van online" in html
    assert "pagina" not in html.split("search-results")[1].split("</ol>")[0]


@pytest.mark.readme_claim(
    "The text of a members-only publication's files is found by approved "
    "members only: visitors and accounts that are not approved neither find "
    "the publication by it nor download the files."
)
def test_a_members_only_publications_text_is_not_in_public_search(library, pdf):
    publication(library, documents=[pdf], members_only=True)
    for client in (Client(), _logged_in(UserFactory(approval_status="pending"))):
        html = _search(client, "winkelcentrum")
        assert "Niets gevonden voor “winkelcentrum”" in html
        assert "confrontatie" not in html
        assert _download(client, pdf).status_code in (302, 403)
    member = _logged_in(MemberFactory())
    html = _search(member, "winkelcentrum")
    assert "pagina 3 van “Fenomeenkaart OAOV”" in html
    assert "Alleen voor leden" in html
    assert _download(member, pdf).status_code == 200


def test_a_members_only_word_is_never_suggested(client, library):
    publication(
        library,
        documents=[pdf_document("Intern", ["Vertrouwelijke wijkaanpak"])],
        members_only=True,
    )
    assert "Bedoelde u" not in _search(client, "wijkaanpakk")


def test_a_public_files_word_is_known_to_did_you_mean(client, library, pdf):
    publication(library, documents=[pdf])
    html = _search(client, "winkelcentrum")
    assert "Bedoelde u" not in html


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the files --------------------------------------------------------------


def _download(client: Client, document):
    return client.get(document.url)


def test_a_public_publications_file_is_for_everyone(client, library, pdf):
    publication(library, documents=[pdf])
    response = _download(client, pdf)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_members_only_publications_file_follows_its_page(library, pdf):
    publication(library, documents=[pdf], members_only=True)
    anonymous = _download(Client(), pdf)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    pending = _download(_logged_in(UserFactory(approval_status="pending")), pdf)
    assert pending.status_code == 403
    assert "no-cache" in pending["Cache-Control"]
    assert _download(_logged_in(MemberFactory()), pdf).status_code == 200


def test_a_file_of_an_unpublished_publication_is_for_advisers(library, pdf, editor):
    publication(library, documents=[pdf], live=False)
    assert _download(_logged_in(MemberFactory()), pdf).status_code == 404
    assert _download(Client(), pdf).status_code == 404
    adviser = login_with_second_factor(Client(), editor)
    assert _download(adviser, pdf).status_code == 200


def test_a_file_of_a_public_and_a_members_only_publication_is_public(library, pdf):
    publication(library, "Besloten", documents=[pdf], members_only=True)
    publication(library, "Openbaar", documents=[pdf])
    assert _download(Client(), pdf).status_code == 200


# --- the library ----------------------------------------------------------


@pytest.fixture
def shelf(home_page, library):
    dossier = DossierPageFactory(parent=home_page)
    signals = ThemePageFactory(parent=dossier, slug="signaleren", title="Signaleren")
    return {
        "kaart": publication(library, "Fenomeenkaart", theme=signals),
        "analyse": publication(
            library,
            "Met de rug naar de samenleving",
            kind="fenomeenanalyse",
            publisher="NCTV",
            date=dt.date(2023, 4, 22),
        ),
        "besloten": publication(
            library, "Presentatie roadshow", kind="presentatie", members_only=True
        ),
        "theme": signals,
    }


def _titles(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [p.title for p in response.context["publications"]]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("", ["Fenomeenkaart", "Met de rug naar de samenleving"]),
        ("?soort=fenomeenanalyse", ["Met de rug naar de samenleving"]),
        ("?thema=signaleren", ["Fenomeenkaart"]),
        ("?uitgever=NCTV", ["Met de rug naar de samenleving"]),
        ("?jaar=2023", ["Met de rug naar de samenleving"]),
        ("?soort=fenomeenkaart&jaar=2024", ["Fenomeenkaart"]),
    ],
)
def test_the_filters(client, library, shelf, query, titles):
    assert _titles(client, library.url + query) == titles


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?soort=poster", "Er is geen soort publicatie met die naam"),
        ("?thema=onbekend", "Bij dat thema hoort geen publicatie"),
        ("?uitgever=Onbekend", "Van die uitgever is geen publicatie"),
        ("?jaar=1990", "In dat jaar is geen publicatie verschenen"),
        ("?jaar=twintig", "Geef het jaar in vier cijfers"),
        ("?jaar=%C2%B2%C2%B2%C2%B2%C2%B2", "Geef het jaar in vier cijfers"),
    ],
)
def test_an_unknown_filter_says_so_and_shows_all(
    client, library, shelf, query, message
):  # noqa: E501
    response = client.get(library.url + query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(response.context["publications"]) == 2


def test_a_page_number_out_of_range_shows_the_last_page(client, library, shelf):
    for number in ("99", "x", "-1", "9" * 30):
        assert client.get(library.url + f"?pagina={number}").status_code == 200


def test_members_see_members_only_publications_marked(library, shelf):
    member = _logged_in(MemberFactory())
    response = member.get(library.url)
    assert [p.title for p in response.context["publications"]][0] == (
        "Presentatie roadshow"
    )
    assert "Alleen voor leden" in response.content.decode()
    assert "Presentatie roadshow" not in Client().get(library.url).content.decode()


def test_the_theme_page_lists_its_publications(client, shelf):
    html = client.get(shelf["theme"].url).content.decode()
    assert "Fenomeenkaart" in html and "Met de rug" not in html


def test_a_news_item_shows_the_publications_it_links(client, home_page, shelf):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    for key in ("kaart", "besloten"):
        news.publication_links.add(NewsPublicationLink(publication=shelf[key]))
    news.save()
    html = client.get(news.url).content.decode()
    assert shelf["kaart"].title in html
    assert shelf["besloten"].title not in html
    html = _logged_in(MemberFactory()).get(news.url).content.decode()
    assert shelf["besloten"].title in html


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_the_library_costs_the_same_queries_for_3_and_30(client, library, role):
    if role == "member":
        client.force_login(MemberFactory())

    def fill(n: int, start: int) -> None:
        for i in range(start, start + n):
            publication(
                library,
                f"Publicatie {i}",
                documents=[],
                publisher=f"Uitgever {i % 4}",
                tags=[f"label-{i}"],
                members_only=bool(i % 3 == 0),
            )

    fill(3, 0)
    few = page_queries(client, library.url)
    fill(27, 3)
    assert page_queries(client, library.url) == few
    assert page_queries(client, library.url + "?soort=fenomeenkaart&jaar=2024") == (few)


# --- the demo -------------------------------------------------------------


def test_the_demo_library_is_searchable(client, home_page):
    call_command("load_demo", verbosity=0)
    assert PublicationPage.objects.live().count() >= 5
    texts = PublicationText.objects.all()
    assert texts.count() >= 5
    assert {t.status for t in texts} == {PublicationText.Status.READ}
    html = _search(client, "veldwerk")
    assert "Voorjaarsmeting 2024 Risico- en crisisbarometer" in html
    assert "pagina 1 van" in html
    news = NewsPage.objects.get(title__startswith="Fenomeenkaart online")
    assert "Fenomeenkaart OAOV" not in client.get(news.url).content.decode()
    assert "Bureau RVS" in client.get(news.url).content.decode()
    # The roadshow's slides are for members: not found, not downloadable.
    assert "Niets gevonden" in _search(client, "winkelcentrum")
    slides = PublicationPage.objects.get(kind="presentatie").files.get().document
    assert client.get(slides.url).status_code == 302


@pytest.mark.usefixtures("pdf_engine")
def test_the_demo_pdfs_are_quick_and_the_same_each_time(home_page):
    started = time.monotonic()
    publications_build(home=home_page, report=lambda created: None)
    assert time.monotonic() - started < 5
    spec = seed_content.PUBLICATIONS[0]
    first, again = (
        publication_pdf_render(
            title=spec["title"],
            kind="Fenomeenkaart",
            publisher=spec["publisher"],
            date=spec["date"],
            pages=spec["files"][0]["pages"],
        )
        for _ in range(2)
    )
    assert first == again and first.startswith(b"%PDF")
    assert len(pdf_pages(first)) == len(spec["files"][0]["pages"])


def test_a_members_only_themes_title_is_not_offered_to_visitors(
    client, home_page, library
):
    """A public publication may belong to a theme page that is for members:
    the visitor's theme filter does not name it."""
    dossier = DossierPageFactory(parent=home_page)
    closed = ThemePageFactory(parent=dossier, slug="besloten", title="Besloten aanpak")
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.LOGIN
    )
    publication(library, "Openbare handreiking", theme=closed)
    visitor = client.get(library.url)
    assert [c.value for c in visitor.context["choices"]["thema"]] == []
    assert "Besloten aanpak" not in visitor.content.decode()
    handout = library.get_children().get(title="Openbare handreiking")
    assert "Besloten aanpak" not in client.get(handout.url).content.decode()
    member = _logged_in(MemberFactory())
    assert [c.value for c in member.get(library.url).context["choices"]["thema"]] == [
        "besloten"
    ]
    assert "Besloten aanpak" in member.get(handout.url).content.decode()
