"""The search page: one search over every registered type, with its type,
a highlighted excerpt, filters and counts per type."""

import pytest
from wagtail.models import Page

from knowledge.models import MeetingReportPage
from portal.search.registry import search_type

from .conftest import publish

pytestmark = pytest.mark.django_db


def _get(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def mixed(make_theme, make_news, make_event):
    return {
        "theme": make_theme(
            "Signaleren van oproepen", intro="Hoe u een oproep tot rellen herkent."
        ),
        "news": make_news(
            "Roadshow in Zwolle", teaser="Tien gemeenten spraken over een oproep."
        ),
        "event": make_event(
            "Leerkring oproepen duiden", intro="Een casus over een oproep in Ede."
        ),
    }


def test_finds_guidance_news_and_events_with_their_type(client, mixed):
    body = _get(client, q="oproep")
    for page in mixed.values():
        assert f'href="{page.url}"' in body
    assert '<span class="tag">Handreiking</span>' in body
    assert '<span class="tag">Nieuws</span>' in body
    assert '<span class="tag">Bijeenkomst</span>' in body
    assert "3 resultaten voor “oproep”" in body


def test_meeting_reports_and_dossiers_are_found(client, dossier, mixed):
    report = publish(
        dossier,
        MeetingReportPage(
            title="Verslag deskundigenbijeenkomst",
            intro="Aan vier tafels over een oproep tot rellen.",
        ),
    )
    body = _get(client, q="oproep")
    assert f'href="{report.url}"' in body
    assert '<span class="tag">Verslag</span>' in body
    body = _get(client, q="ordeverstoringen")
    assert f'href="{dossier.url}"' in body
    assert '<span class="tag">Webdossier</span>' in body


def test_excerpt_marks_the_query(client, mixed):
    body = _get(client, q="rellen")
    assert "Hoe u een oproep tot <mark>rellen</mark> herkent." in body


def test_only_registered_live_pages_are_found(client, home_page, make_theme, dossier):
    publish(home_page, Page(title="Losse pagina over oproepen"))
    draft = make_theme("Concept over oproepen")
    draft.unpublish()
    body = _get(client, q="oproepen")
    assert "Losse pagina" not in body
    assert "Concept over oproepen" not in body


def test_published_changes_are_searchable(client, make_theme):
    theme = make_theme("Fenomeenkaart", intro="Vormen van verstoringen.")
    assert "Fenomeenkaart" not in _get(client, q="pedojagers")
    theme.intro = "Vormen van verstoringen, zoals pedojagers."
    theme.save_revision().publish()
    assert "Fenomeenkaart" in _get(client, q="pedojagers")
    theme.unpublish()
    assert "Fenomeenkaart" not in _get(client, q="pedojagers")


def test_filter_by_type_with_counts(client, mixed, make_news):
    make_news("Tweede bericht over oproepen", teaser="Nog een oproep.")
    body = _get(client, q="oproep", type="nieuws")
    assert mixed["news"].url in body
    assert mixed["theme"].url not in body and mixed["event"].url not in body
    assert "2 resultaten voor “oproep”" in body
    assert 'aria-current="page">Nieuws (2)</a>' in body
    assert ">Alle soorten (4)</a>" in body
    assert ">Handreikingen (1)</a>" in body
    assert ">Bijeenkomsten (1)</a>" in body
    # Types without results are not offered.
    assert "Webdossiers (" not in body


def test_unknown_type_shows_all_with_a_message(client, mixed):
    body = _get(client, q="oproep", type="<b>onbekend</b>")
    assert "Die soort resultaat bestaat niet; u ziet alle resultaten." in body
    assert "3 resultaten voor “oproep”" in body
    assert "<b>onbekend" not in body


def test_a_type_can_be_found_by_its_slug():
    news = search_type("nieuws")
    assert str(news.label) == "Nieuws"
    assert search_type("onbekend") is None


def test_no_results(client, mixed):
    body = _get(client, q="zzzonbekend")
    assert "Niets gevonden voor “zzzonbekend”" in body
    assert "<ol" not in body


def test_empty_search_shows_only_the_form(client, home_page):
    body = _get(client)
    assert 'id="search-q"' in body
    assert "resultaten" not in body


def test_header_form_submits_to_the_search_page(client, home_page):
    body = client.get("/").content.decode()
    assert 'action="/zoeken/"' in body
    assert '<label for="header-search-q"' in body
    assert 'id="header-search-q" name="q"' in body


def test_the_header_search_says_what_it_searches_and_the_menu_has_no_second_one(
    client, home_page
):
    body = client.get("/").content.decode()
    assert 'placeholder="Zoek in handreikingen, nieuws, casussen…"' in body
    menu = body[body.index('class="main-nav"') :]
    menu = menu[: menu.index("</nav>")]
    assert 'href="/zoeken/"' not in menu
    assert body.count('action="/zoeken/"') == 1
