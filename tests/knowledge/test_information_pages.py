"""The accessibility and privacy statements, and the footer's links to them."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import AccessibilityStatementPage, InformationPage

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


def _accessibility_statement(home_page):
    from knowledge.seed import accessibility_statement_build

    accessibility_statement_build(home=home_page, report=lambda created: None)
    return AccessibilityStatementPage.objects.get()


def test_the_accessibility_statement_follows_the_dutch_model(client, home_page):
    """Status A–E, evaluation date, what was tested and how, what was not,
    the open problems with their measures, sign-off and contact."""
    page = _accessibility_statement(home_page)
    body = client.get(page.url).content.decode()
    headings = [
        "<h2>Status</h2>",
        "<h2>Hoe wij hebben onderzocht</h2>",
        "<h3>Automatisch getoetst</h3>",
        "<h3>Niet getoetst</h3>",
        "<h2>Bekende problemen</h2>",
        "<h2>Akkoordverklaring</h2>",
        "<h2>Feedback en contact</h2>",
    ]
    positions = [body.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Nalevingsstatus: C – eerste maatregelen genomen" in body
    assert "Datum van het onderzoek:" in body and "1 december 2026" in body
    assert "Geen onafhankelijk onderzoek" in body and "30 juni 2027" in body
    assert "nog geen datum vastgesteld" in body
    assert "Nationale ombudsman" in body


def test_the_statement_does_not_claim_what_no_one_checked(home_page):
    """Honest: a statement without an independent evaluation is not status
    A or B, and it names what automatic checks cannot find."""
    page = _accessibility_statement(home_page)
    assert page.status not in {"A", "B"}
    assert "schermlezer" in page.not_checked
    assert "axe-core" in page.automated_checks


def test_the_statement_is_in_the_footer(client, home_page):
    _accessibility_statement(home_page)
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert "Toegankelijkheidsverklaring" in footer


def test_a_site_with_an_older_statement_page_keeps_it(home_page):
    _statement(home_page, "Toegankelijkheidsverklaring")
    InformationPage.objects.update(slug="toegankelijkheidsverklaring")
    from knowledge.seed import accessibility_statement_build

    accessibility_statement_build(home=home_page, report=lambda created: None)
    assert not AccessibilityStatementPage.objects.exists()
