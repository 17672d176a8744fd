import datetime as dt

import pytest
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from knowledge.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    for n in range(12):
        index.add_child(
            instance=NewsPage(
                title=f"Roadshow {n}",
                category="events" if n % 2 else "research",
                date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
                teaser="Over online aangejaagde ordeverstoringen.",
            )
        )
    return index


@pytest.fixture
def event(home_page):
    index = home_page.add_child(instance=EventIndexPage(title="Bijeenkomsten"))
    start = timezone.now() + dt.timedelta(days=10)
    return index.add_child(
        instance=EventPage(
            title="Leerkring online openbare orde",
            kind="leerkring",
            format="online",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            intro="We bespreken de aanpak in Bodegraven.",
        )
    )


def test_home_page_is_dutch_and_shows_events_and_news(client, news_index, event):
    response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in body
    assert "Naar de inhoud" in body
    assert "Leerkring online openbare orde" in body
    assert "Roadshow 11" in body


def test_english_on_request(client, home_page):
    client.cookies["django_language"] = "en"
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert "Skip to main content" in body


def test_browser_language_does_not_switch_the_site(client, home_page):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en").content.decode()
    assert '<html lang="nl">' in body


def test_news_index_filters_and_paginates(client, news_index):
    response = client.get(news_index.url + "?categorie=events")
    body = response.content.decode()
    assert "Roadshow 11" in body and "Roadshow 10" not in body
    response = client.get(news_index.url + "?pagina=2")
    assert "Pagina 2 van 2" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["?categorie=<script>", "?pagina=999", "?pagina=-1", "?pagina=abc"]
)
def test_news_index_survives_odd_urls(client, news_index, query):
    response = client.get(news_index.url + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_event_page(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    assert "We bespreken de aanpak in Bodegraven." in response.content.decode()


def test_search_finds_a_page(client, event):
    response = client.get("/zoeken/?q=Bodegraven")
    assert response.status_code == 200
    assert "Leerkring online openbare orde" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "'; DROP TABLE wagtailcore_page; --",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_search_survives_hostile_queries(client, home_page, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert "<img src=x" not in response.content.decode()


def test_unknown_page_is_a_dutch_404(client, home_page):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_news_index_filters_by_tag_and_year(client, news_index):
    first = NewsPage.objects.get(title="Roadshow 0")
    first.tags.set(["oaov"])
    first.date = dt.date(2023, 12, 20)
    first.save_revision().publish()
    body = client.get(news_index.url + "?tag=oaov").content.decode()
    assert "Roadshow 0" in body and "Roadshow 5" not in body
    body = client.get(news_index.url + "?jaar=2023").content.decode()
    assert "Roadshow 0" in body and "Roadshow 5" not in body
    body = client.get(news_index.url + "?jaar=2024&categorie=events").content.decode()
    assert "Roadshow 11" in body and "Roadshow 0" not in body


@pytest.mark.parametrize("query", ["?tag=bestaat-niet", "?jaar=twintig", "?jaar=99999"])
def test_news_index_explains_odd_filters(client, news_index, query):
    response = client.get(news_index.url + query)
    assert response.status_code == 200
    assert 'class="notice notice--warning"' in response.content.decode()
    assert "Roadshow 11" in response.content.decode()
