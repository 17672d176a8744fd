"""The search stems Dutch words and survives any input, on SQLite and on
PostgreSQL alike (portal.search.backend stems before the database sees the
text; CI runs this on both)."""

import pytest

pytestmark = pytest.mark.django_db


def _get(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200, params
    return response.content.decode()


def test_plural_finds_singular_and_is_marked(client, make_theme):
    theme = make_theme(
        "Ordeverstoringen", intro="Na de demonstratie bleef het onrustig."
    )
    body = _get(client, q="demonstraties")
    assert f'href="{theme.url}"' in body
    assert "Na de <mark>demonstratie</mark> bleef het onrustig." in body


def test_singular_finds_plural(client, make_theme):
    theme = make_theme("Rellen", intro="Twee demonstraties liepen uit de hand.")
    body = _get(client, q="demonstratie")
    assert f'href="{theme.url}"' in body
    assert "Twee <mark>demonstraties</mark> liepen" in body


def test_stemming_works_both_ways_and_in_news(client, make_news):
    news = make_news("Roadshow", teaser="Jongeren kwamen naar de bijeenkomsten.")
    assert news.url in _get(client, q="bijeenkomst")
    assert news.url in _get(client, q="jongere")


def test_dutch_stop_words_do_not_block_a_match(client, make_theme):
    theme = make_theme("Gebiedsverbod", intro="Wanneer een gebiedsverbod helpt.")
    assert theme.url in _get(client, q="het gebiedsverbod")


def test_hostile_input(client, make_theme):
    make_theme("Oproep", intro="Een oproep tot rellen.")
    for query in [
        "' OR 1=1 --",
        "oproep & | ! : * ( ) <-> \\ '' \"",
        "oproep:* & !rellen",
        "x" * 10_000,
        "<script>alert(1)</script>",
    ]:
        body = _get(client, q=query, type=query, pagina=query)
        assert "<script>alert" not in body
    assert "1 resultaat voor" in _get(client, q="oproep rellen")
