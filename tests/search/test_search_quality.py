"""Search quality as a table of queries and the pages they must find, on
SQLite and on PostgreSQL alike (CI runs the suite on both): singular and
plural, synonyms, "Did you mean", ranking and the interventions."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from knowledge.interventions.models import Intervention, InterventionKind, Phase
from knowledge.models import InformationPage, ThemePage
from portal.search.models import SynonymGroup

from .conftest import publish

pytestmark = pytest.mark.django_db

_RESULT = re.compile(r'class="search-results__title"><a href="([^"]+)"')

# (query, the text of the page it must find): each form finds the other.
NUMBERS = [
    ("rellen", "Na een rel in de wijk bleef het onrustig."),
    ("rel", "Rellen in de wijk na een oproep op TikTok."),
    ("dwangsommen", "De burgemeester legde een last onder dwangsom op."),
    ("dwangsom", "Twee dwangsommen werden verbeurd."),
    ("noodverordeningen", "De noodverordening gold voor het centrum."),
    ("noodverordening", "Noodverordeningen in drie gemeenten."),
    ("jongeren", "De jongere werd aangesproken."),
    ("jongere", "Jongeren kwamen samen op het plein."),
    ("demonstraties", "Na de demonstratie bleef het rustig."),
    ("demonstratie", "Twee demonstraties liepen uit de hand."),
]

# (query, the text of the page it must find through a synonym group)
SYNONYMS = [
    ("onrust", "Rellen in de wijk na een oproep."),
    ("ongeregeldheden", "Een rel bij het station."),
    ("rel", "Ongeregeldheden bij het station."),
    ("noodbevel", "De noodverordening gold voor het centrum."),
    ("noodbevelen", "De noodverordening gold voor het centrum."),
    ("noodverordening", "Een noodbevel voor de wijk."),
]

UNRELATED = "Een gebiedsverbod voor het winkelcentrum."


@pytest.fixture
def synonyms(db):
    # The migration adds these two groups; made here too so the table does
    # not depend on what an adviser changed since.
    for words in ["rel\nrellen\nongeregeldheden\nonrust", "noodbevel, noodverordening"]:
        SynonymGroup.objects.get_or_create(words=words)


def _results(client, query: str, **params) -> tuple[list[str], str]:
    response = client.get("/zoeken/", {"q": query, **params})
    assert response.status_code == 200
    body = response.content.decode()
    return _RESULT.findall(body), body


@pytest.mark.parametrize(("query", "text"), NUMBERS + SYNONYMS)
def test_query_finds_the_page(client, synonyms, make_theme, query, text):
    wanted = make_theme("Handreiking", intro=text)
    other = make_theme("Andere handreiking", intro=UNRELATED)
    found, _body = _results(client, query)
    assert found == [wanted.url], (query, text)
    assert other.url not in found


def test_a_plural_is_marked_in_the_excerpt_of_a_singular(client, synonyms, make_theme):
    make_theme("Handreiking", intro="Na een rel in de wijk.")
    _found, body = _results(client, "rellen")
    assert "Na een <mark>rel</mark> in de wijk." in body
    _found, body = _results(client, "onrust")
    assert "Na een <mark>rel</mark> in de wijk." in body


def test_every_word_must_match_in_any_form(client, synonyms, make_theme):
    both = make_theme("Dwangsom na rellen", intro="Een dwangsom na een rel.")
    make_theme("Alleen dwangsom", intro="Een dwangsom voor een pand.")
    found, _body = _results(client, "dwangsommen onrust")
    assert found == [both.url]


def test_a_typo_gets_the_sites_own_word(client, synonyms, make_theme):
    make_theme("Last onder dwangsom", intro="Wanneer een dwangsom helpt.")
    found, body = _results(client, "dwansgom")
    assert found == []
    assert 'Bedoelde u: <a href="?q=dwangsom">dwangsom</a>?' in body


def test_the_suggestion_covers_the_whole_query(client, synonyms, make_theme):
    make_theme("Last onder dwangsom", intro="Wanneer een dwangsom helpt.")
    _found, body = _results(client, "dwansgom onrust")
    # 'onrust' is a synonym the site knows, so only the typo is replaced
    assert 'Bedoelde u: <a href="?q=dwangsom+onrust">dwangsom onrust</a>?' in body


def test_no_suggestion_when_enough_is_found_or_nothing_is_close(
    client, synonyms, make_theme
):
    for i in range(3):
        make_theme(f"Dwangsom {i}", intro="Over de dwangsom.")
    assert "Bedoelde u" not in _results(client, "dwangsom")[1]
    assert "Bedoelde u" not in _results(client, "zzzonbekend")[1]


def test_a_members_only_word_is_never_suggested(client, synonyms, make_theme):
    from .conftest import restrict

    secret = make_theme("Geheime aanpak", intro="De operatie Zwaluwstaart.")
    restrict(secret)
    assert "Bedoelde u" not in _results(client, "zwaluwstraat")[1]


def test_title_and_guidance_rank_above_a_footer_page(client, home_page, make_theme):
    footer = publish(
        home_page,
        InformationPage(
            title="Toegankelijkheidsverklaring",
            intro="Deze verklaring geldt voor het gebiedsverbod-overzicht.",
            body=[("paragraph", "<p>Het gebiedsverbod, een gebiedsverbod.</p>")],
        ),
    )
    titled = make_theme("Gebiedsverbod", intro="Wanneer het helpt.")
    mentioned = make_theme("Maatregelen", intro="Een gebiedsverbod als maatregel.")
    found, _body = _results(client, "gebiedsverboden")
    assert found == [titled.url, mentioned.url, footer.url]


def test_leerkring_ranks_no_footer_page_first_in_the_demo(client, home_page):
    call_command("load_demo", stdout=StringIO())
    found, _body = _results(client, "leerkring")
    footer = {page.url for page in InformationPage.objects.live()}
    assert len(found) >= 3 and not footer & set(found[:3]), found[:5]
    assert ThemePage.objects.get(slug="leerkring-online-openbare-orde").url in found


@pytest.fixture
def intervention(db) -> Intervention:
    phase = Phase.objects.create(name="Mobilisatie", slug="mobilisatie")
    later = Phase.objects.create(name="Nafase", slug="nafase", sort_order=5)
    intervention = Intervention.objects.create(
        title="Last onder dwangsom",
        slug="last-onder-dwangsom",
        kind=InterventionKind.LEGAL,
        summary="De burgemeester legt een last op aan wie de orde verstoort.",
    )
    intervention.phases.set([later, phase])
    return intervention


def test_an_intervention_is_found_by_its_title_with_a_link_into_the_tool(
    client, synonyms, intervention
):
    found, body = _results(client, "dwangsommen")
    link = (
        reverse("interventions:tool")
        + "?fase=mobilisatie&amp;classificatie=alle&amp;actor=alle"
        + "#interventie-last-onder-dwangsom"
    )
    assert f'<a href="{link}">Last onder dwangsom</a>' in body
    assert "Interventies (1)" in body
    assert "Alleen voor leden" not in body  # the tool is public
    _found, body = _results(client, "dwangsom", type="interventie")
    assert f'<a href="{link}">Last onder dwangsom</a>' in body
    tool = client.get(link.replace("&amp;", "&")).content.decode()
    assert 'id="interventie-last-onder-dwangsom"' in tool
