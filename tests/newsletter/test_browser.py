"""Signing up, confirming and unsubscribing in a real browser, with axe-core
(WCAG 2.1 A and AA) on every newsletter page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from knowledge.newsletter.models import Subscriber
from tests.browser.conftest import axe, browser, new_page  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _link(message, word: str) -> str:
    return re.search(rf"http://testserver(/nieuwsbrief/{word}/\S+/)", message.body)[1]


def test_sign_up_confirm_and_unsubscribe(live_server, new_page, axe, home_page):  # noqa: F811
    mail.outbox = []
    page = new_page()
    page.goto(live_server.url + "/nieuwsbrief/")
    axe(page)

    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".field__errors")).to_be_visible()
    axe(page)
    assert "id_email_error" in page.get_by_label("E-mailadres").get_attribute(
        "aria-describedby"
    )

    page.get_by_label("E-mailadres").fill("sanne@ede.example")
    page.get_by_label("Naam").fill("Sanne")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("bevestigingslink onderweg")).to_be_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    (message,) = mail.outbox
    page.goto(live_server.url + _link(message, "bevestigen"))
    axe(page)
    page.get_by_role("button", name="Bevestig mijn aanmelding").click()
    expect(page.get_by_text("Uw aanmelding is bevestigd")).to_be_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    page.goto(live_server.url + _link(message, "afmelden"))
    axe(page)
    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_text("U bent afgemeld")).to_be_visible()
    assert not Subscriber.objects.exists()

    page.goto(live_server.url + "/nieuwsbrief/bevestigen/vervalst/")
    expect(page.get_by_role("heading", name="Link niet geldig")).to_be_visible()
    axe(page)
