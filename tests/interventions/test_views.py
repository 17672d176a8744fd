"""The public tool: form, results, shareable URLs, bad input, query counts."""

import pytest
from django.urls import reverse

from knowledge.interventions.models import InterventionKind
from knowledge.models import DossierPage, ThemePage
from tests.queries import page_queries

from .factories import InterventionFactory, situation

pytestmark = pytest.mark.django_db

URL = "/interventietool/"
MOBILISATIE = URL + "?fase=mobilisatie&classificatie=onrechtmatig&actor=gemeente"


@pytest.fixture
def s():
    return situation()


def _fits(s, **kwargs):
    kwargs.setdefault("phases", [s["mobilisatie"]])
    kwargs.setdefault("classifications", [s["onrechtmatig"]])
    kwargs.setdefault("actors", [s["gemeente"]])
    return InterventionFactory(**kwargs)


def _body(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_url_name():
    assert reverse("interventions:tool") == URL


def test_form_is_public_with_three_questions(client, s):
    body = _body(client, URL)
    assert "<h1>Interventietool</h1>" in body
    assert body.count("<fieldset") == 3
    assert "<legend" in body and "1. In welke fase bevindt de verstoring zich?" in body
    assert 'name="fase" id="fase-mobilisatie" value="mobilisatie"' in body
    # "Not sure" is the starting point for the two optional questions.
    assert 'id="classificatie-alle" value="alle" checked' in body
    assert 'id="actor-alle" value="alle" checked' in body
    assert "checked" not in body.split('name="fase"')[1].split("</fieldset>")[0]
    assert "Juridische interventies" not in body
    assert 'method="get"' in body


def test_result_groups_legal_and_non_legal(client, s, home_page):
    dossier = home_page.add_child(instance=DossierPage(title="Webdossier"))
    guidance = dossier.add_child(
        instance=ThemePage(title="Maatregelen en interventies", slug="maatregelen")
    )
    _fits(
        s,
        title="Noodverordening",
        legal_basis="Artikel 176 Gemeentewet",
        conditions="Ernstige vrees voor wanordelijkheden\nBekrachtiging door de raad",
        risks="Vertrouwen van inwoners",
        guidance_page=guidance,
    )
    _fits(s, title="Normstellend gesprek", kind=InterventionKind.NON_LEGAL)
    _fits(s, title="Noodbevel", phases=[s["verstoring"]])
    body = _body(client, MOBILISATIE)
    legal, non_legal = body.split("Niet-juridische interventies")
    assert "Juridische interventies" in legal and "Noodverordening" in legal
    assert "Normstellend gesprek" in non_legal and "Noodverordening" not in non_legal
    assert "Noodbevel" not in body
    assert "2 interventies passen bij deze situatie." in body
    assert "Artikel 176 Gemeentewet" in body
    assert "<li>Bekrachtiging door de raad</li>" in body
    assert "<li>Vertrouwen van inwoners</li>" in body
    assert 'href="http://testserver/webdossier/maatregelen/"' in body
    assert "Meer lezen: Maatregelen en interventies" in body
    # The choices stay checked so the form can be adjusted.
    assert 'id="fase-mobilisatie" value="mobilisatie" checked' in body


def test_result_has_its_own_url_to_share(client, s):
    _fits(s, title="Gebiedsverbod")
    body = _body(client, URL + "?actor=gemeente&fase=mobilisatie")
    share = "http://testserver/interventietool/?fase=mobilisatie&amp;classificatie=alle&amp;actor=gemeente"
    assert "Link naar dit resultaat" in body and share in body
    again = _body(client, share.replace("&amp;", "&").removeprefix("http://testserver"))
    assert "Gebiedsverbod" in again and share in again
    assert "Alle classificaties (weet ik niet)" in again


def test_not_sure_shows_every_classification_and_actor(client, s):
    _fits(s, title="Aangifte", classifications=[s["strafbaar"]], actors=[s["politie"]])
    _fits(s, title="Dwangsom")
    body = _body(client, URL + "?fase=mobilisatie&classificatie=alle&actor=alle")
    assert "Aangifte" in body and "Dwangsom" in body
    assert "Alle actoren (weet ik niet)" in body
    body = _body(client, URL + "?fase=mobilisatie&classificatie=&actor=")
    assert "Aangifte" in body and "Dwangsom" in body


def test_nothing_fits_says_so(client, s):
    body = _body(client, URL + "?fase=verstoring&classificatie=strafbaar&actor=politie")
    assert "Geen enkele interventie in de tool past bij deze combinatie" in body
    assert "0 interventies passen bij deze situatie." in body


def test_guidance_link_only_to_a_live_page(client, s, home_page):
    draft = home_page.add_child(instance=ThemePage(title="Concept", live=False))
    _fits(s, title="Noodverordening", guidance_page=draft)
    body = _body(client, MOBILISATIE)
    assert "Noodverordening" in body and "Meer lezen" not in body


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("fase=bestaat-niet", "Deze fase bestaat niet (meer)."),
        ("fase=mobilisatie&classificatie=verboden", "Deze classificatie bestaat niet"),
        ("fase=mobilisatie&actor=burgemeester", "Deze actor bestaat niet (meer)."),
        ("classificatie=strafbaar", "Kies de fase waarin de verstoring zich bevindt."),
        ("fase=", "Kies de fase waarin de verstoring zich bevindt."),
        ("fase=%C2%B2", "Deze fase bestaat niet (meer)."),
        ("fase=" + "x" * 5000, "Deze fase bestaat niet (meer)."),
        ("fase=MOBILISATIE", "Deze fase bestaat niet (meer)."),
        ("fase=<script>", "Deze fase bestaat niet (meer)."),
    ],
)
def test_bad_input_gives_a_message_and_the_form(client, s, query, message):
    _fits(s, title="Gebiedsverbod")
    body = _body(client, URL + "?" + query)
    assert "Controleer uw keuzes" in body and message in body
    assert "<form" in body and "Gebiedsverbod" not in body
    assert "<script>" not in body
    assert 'aria-describedby="fase-error"' in body or "fase-error" not in body


def test_unknown_value_leaves_its_group_unchecked_but_keeps_the_rest(client, s):
    body = _body(client, URL + "?fase=bestaat-niet&actor=politie")
    assert 'id="actor-politie" value="politie" checked' in body
    phase_group = body.split('id="vraag-fase"')[1].split("</fieldset>")[0]
    assert " checked" not in phase_group
    assert 'href="#fase-mobilisatie"' in body  # error summary points at the group


def test_other_query_parameters_leave_the_form_fresh(client, s):
    body = _body(client, URL + "?utm_source=nieuwsbrief")
    assert "Controleer uw keuzes" not in body


def test_repeated_parameter_uses_the_last(client, s):
    _fits(s, title="Gebiedsverbod")
    body = _body(client, URL + "?fase=bestaat-niet&fase=mobilisatie")
    assert "Gebiedsverbod" in body


def test_empty_tool_says_it_has_no_content(client):
    body = _body(client, URL)
    assert "De interventietool is nog niet gevuld." in body
    assert "<form method" not in body.split("<main")[1]


def test_navigation_links_to_the_tool(client, s):
    body = _body(client, URL)
    assert 'href="/interventietool/" aria-current="page">Interventietool</a>' in body


def test_result_queries_do_not_grow_with_interventions(client, s, home_page):
    guidance = home_page.add_child(instance=ThemePage(title="Uitleg"))

    def add(n: int) -> None:
        for i in range(n):
            _fits(
                s,
                kind=InterventionKind.LEGAL if i % 2 else InterventionKind.NON_LEGAL,
                actors=[s["gemeente"], s["politie"]],
                classifications=[s["onrechtmatig"], s["strafbaar"]],
                guidance_page=guidance,
            )

    add(2)
    few = page_queries(client, MOBILISATIE)
    add(13)
    many = page_queries(client, MOBILISATIE)
    assert "15 interventies passen" in client.get(MOBILISATIE).content.decode()
    assert few == many


# phases, classifications, actors, interventions, their actors, their
# classifications. The layout's site and menu come from memory.
RESULT_QUERIES = 6


@pytest.mark.parametrize("n", [1, 12])
def test_result_query_count_is_fixed(
    client, s, home_page, n, django_assert_num_queries
):
    guidance = home_page.add_child(instance=ThemePage(title="Uitleg"))
    for _i in range(n):
        _fits(s, guidance_page=guidance, actors=[s["gemeente"], s["politie"]])
    client.get(MOBILISATIE)  # warm Wagtail's site-root cache, as in production
    with django_assert_num_queries(RESULT_QUERIES):
        body = client.get(MOBILISATIE).content.decode()
    assert body.count('class="intervention"') == n
