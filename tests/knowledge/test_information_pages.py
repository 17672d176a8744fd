"""The accessibility and privacy statements, and the footer's links to them."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import InformationPage

pytestmark = pytest.mark.django_db


def _statement(home_page, title, *, footer=True):
    page = home_page.add_child(
        instance=InformationPage(
            title=title,
            intro="Leerkring volgt WCAG 2.1 AA.",
            show_in_footer=footer,
            last_reviewed=dt.date(2026, 11, 1),
        )
    )
    page.save_revision().publish()
    return page


def test_statement_page_shows_when_it_was_reviewed(client, home_page):
    page = _statement(home_page, "Toegankelijkheidsverklaring")
    body = client.get(page.url).content.decode()
    assert "<h1>Toegankelijkheidsverklaring</h1>" in body
    assert "Laatst bekeken:" in body
    assert "1 november 2026" in body


def test_footer_links_to_statements_chosen_for_it(client, home_page):
    _statement(home_page, "Toegankelijkheidsverklaring")
    privacy = _statement(home_page, "Privacyverklaring")
    _statement(home_page, "Colofon", footer=False)
    body = client.get("/").content.decode()
    footer = body[body.index('<footer class="site-footer">') :]
    assert "Over deze site" in footer
    assert f'href="{privacy.url}">Privacyverklaring</a>' in footer
    assert "Toegankelijkheidsverklaring" in footer
    assert "Colofon" not in footer


def test_footer_follows_unpublishing_and_new_statements(client, home_page):
    privacy = _statement(home_page, "Privacyverklaring")
    assert "Privacyverklaring" in client.get("/").content.decode()
    privacy.unpublish()
    assert "Privacyverklaring" not in client.get("/").content.decode()
    _statement(home_page, "Cookieverklaring")
    assert "Cookieverklaring" in client.get("/").content.decode()


def test_footer_costs_no_query_once_cached(client, home_page):
    _statement(home_page, "Privacyverklaring")
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    assert not [q for q in captured if "informationpage" in q["sql"].lower()]
