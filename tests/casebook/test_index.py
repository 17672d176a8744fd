"""The published casebook: the overview filters and pages, members-only
cases stay with members (also in the site search), and the number of
queries does not grow with the number of cases."""

import pytest
from wagtail.models import PageViewRestriction

from casebook.models import CasePage, Platform
from casebook.services.review import page_restrict_to_members
from tests.queries import page_queries

from .factories import CaseIndexPageFactory, phase_and_classification

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return CaseIndexPageFactory(parent=home_page)


def publish_case(
    index,
    title,
    *,
    phase=None,
    classification=None,
    platforms=(),
    tags=(),
    members_only=False,
    story="[HANDLE-1] riep op tot rellen.",
):
    page = CasePage(
        title=title,
        region="Gemeente Lindenwaard",
        phase=phase,
        classification=classification,
        what_happened=f"<p>{story}</p>",
        live=False,
    )
    page.platforms = list(Platform.objects.filter(slug__in=platforms))
    page.tags.set(list(tags))
    index.add_child(instance=page)
    if members_only:
        page_restrict_to_members(page=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def cases(index):
    phase, classification = phase_and_classification()
    return {
        "tiktok": publish_case(
            index,
            "TikTok-oproep in Lindenwaard",
            phase=phase,
            classification=classification,
            platforms=["tiktok"],
            tags=["voetbal"],
        ),
        "telegram": publish_case(
            index,
            "Telegramgroep in Bremmerveen",
            platforms=["telegram"],
            tags=["pedojagers"],
        ),
        "members": publish_case(
            index,
            "Besloten casus over doxing",
            phase=phase,
            platforms=["tiktok"],
            tags=["voetbal"],
            members_only=True,
            story="Vertrouwelijk verloop.",
        ),
    }


def _body(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_visitors_see_the_public_cases_only(client, index, cases):
    body = _body(client, index.url)
    assert cases["tiktok"].title in body and cases["telegram"].title in body
    assert cases["members"].title not in body
    assert "Vertrouwelijk" not in body
    assert "Casus indienen" not in body


def test_members_see_members_only_cases_labelled_and_may_submit(
    client, index, cases, member
):
    client.force_login(member)
    body = _body(client, index.url)
    assert cases["members"].title in body
    assert "Alleen voor leden" in body
    assert "Casus indienen" in body and "Mijn casussen" in body


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"fase": "mobilisatie"}, ["tiktok"], ["telegram"]),
        ({"classificatie": "strafbaar"}, ["tiktok"], ["telegram"]),
        ({"platform": "telegram"}, ["telegram"], ["tiktok"]),
        ({"tag": "pedojagers"}, ["telegram"], ["tiktok"]),
        ({"fase": "mobilisatie", "platform": "telegram"}, [], ["tiktok", "telegram"]),
    ],
)
def test_filters(client, index, cases, params, shown, hidden):
    body = _body(client, index.url, **params)
    for key in shown:
        assert cases[key].title in body
    for key in hidden:
        assert cases[key].title not in body


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"fase": "bestaat-niet"}, "Er is geen fase met die naam"),
        ({"classificatie": "<script>"}, "Er is geen classificatie met die naam"),
        ({"platform": "myspace"}, "Er is geen platform met die naam"),
        ({"tag": "onbekend"}, "Geen enkele casus heeft dat trefwoord"),
        ({"pagina": "abc"}, None),
        ({"pagina": "999"}, None),
        ({"fase": "x" * 5000}, "Er is geen fase met die naam"),
    ],
)
def test_unknown_values_get_a_notice_never_an_error(
    client, index, cases, params, notice
):
    body = _body(client, index.url, **params)
    if notice:
        assert notice in body
    assert cases["tiktok"].title in body
    assert "<script>" not in body  # nothing asked for is echoed unescaped


def test_paginated(client, index):
    for n in range(12):
        publish_case(index, f"Casus nummer {n:02d}")
    first = _body(client, index.url)
    second = _body(client, index.url, pagina=2)
    assert first.count('class="card"') == 10 and second.count('class="card"') == 2
    assert "Pagina 1 van 2" in first


def _add(index, n, start=0):
    phase, classification = phase_and_classification()
    for i in range(start, start + n):
        publish_case(
            index,
            f"Casus {i}",
            phase=phase,
            classification=classification,
            platforms=["tiktok", "telegram"],
            tags=[f"tag{i}", "voetbal"],
            members_only=i % 2 == 0,
        )


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_query_count_does_not_grow_with_the_number_of_cases(client, index, member, who):
    if who == "member":
        client.force_login(member)
    _add(index, 2)
    few = page_queries(client, index.url)
    _add(index, 18, start=2)
    many = page_queries(client, index.url)
    assert few == many
    filtered = page_queries(client, index.url + "?platform=tiktok&tag=voetbal")
    _add(index, 5, start=20)
    assert page_queries(client, index.url + "?platform=tiktok&tag=voetbal") == filtered


def test_a_case_page_shows_only_the_anonymised_case(client, index, cases):
    body = _body(client, cases["tiktok"].url)
    assert "[HANDLE-1] riep op tot rellen." in body
    assert "Mobilisatie" in body and "TikTok" in body and "voetbal" in body
    assert "Casus (geanonimiseerd)" in body


def test_members_only_case_page(client, cases, member, unapproved):
    page = cases["members"]
    assert PageViewRestriction.objects.filter(page=page).exists()
    response = client.get(page.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(unapproved)
    response = client.get(page.url)
    assert (
        response.status_code == 403 and "Vertrouwelijk" not in response.content.decode()
    )
    client.force_login(member)
    assert "Vertrouwelijk verloop." in _body(client, page.url)


def test_site_search_finds_public_cases_for_all_members_only_for_members(
    client, cases, member
):
    body = _body(client, "/zoeken/", q="casus doxing")
    assert cases["members"].title not in body
    body = _body(client, "/zoeken/", q="Telegramgroep")
    assert cases["telegram"].url in body
    assert ">Casus</span>" in body
    client.force_login(member)
    body = _body(client, "/zoeken/", q="doxing")
    assert cases["members"].url in body
    body = _body(client, "/zoeken/", q="Telegramgroep", type="casus")
    assert cases["telegram"].url in body


def test_reserved_slugs_are_refused(index):
    page = CasePage(title="Indienen", slug="indienen", what_happened="<p>x</p>")
    with pytest.raises(Exception, match="casuïstiek zelf"):
        index.add_child(instance=page)
