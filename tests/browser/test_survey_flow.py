"""A meeting's evaluation in a real browser: the follow-up mail goes out
after the meeting, a participant answers from the mailed link without
logging in, and the adviser sees the chart and the response rate."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Registration
from surveys.evaluations import follow_ups_send
from surveys.models import SurveyPage, SurveyResponse
from tests.browser.helpers import log_in
from tests.conftest import totp_code
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RATING = "Hoe beoordeelt u deze bijeenkomst in het algemeen?"
USEFUL = "Het oefenen met de casus uit Bilthoven."


def _mailed_link(address: str) -> str:
    message = next(m for m in mail.outbox if m.to == [address])
    assert message.subject == (
        "[Leerkring] Bedankt voor uw deelname: Roadshow online aangejaagde "
        "ordeverstoringen"
    )
    return re.search(r"https?://[^/\s]+(/vragenlijsten/\S+)", message.body)[1]


def test_a_participant_answers_from_the_mail_and_the_adviser_sees_the_chart(
    live_server, new_page, axe, home_page, editor, settings
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    start = timezone.now().replace(microsecond=0) - dt.timedelta(hours=4)
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        title="Roadshow online aangejaagde ordeverstoringen",
        kind="roadshow",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
    )
    for n, email in enumerate(("ans@debilt.example", "bram@zeist.example")):
        Registration.objects.create(
            event=event,
            name=f"Deelnemer {n}",
            organisation="Gemeente De Bilt",
            job_title="OOV-adviseur",
            email=email,
            status=Registration.Status.CONFIRMED,
        )

    # The hourly run after the meeting makes the evaluation and mails it.
    assert follow_ups_send() == 2
    link = _mailed_link("ans@debilt.example")

    # The participant answers from the link, without an account.
    person = new_page()
    person.goto(live_server.url + link)
    expect(person.get_by_role("heading", level=1)).to_have_text(
        "Evaluatie: Roadshow online aangejaagde ordeverstoringen"
    )
    axe(person)
    person.get_by_role("group", name=RATING).get_by_label("5", exact=True).check()
    person.get_by_label("Wat was voor u het nuttigst?").fill(USEFUL)
    person.get_by_label("Ja", exact=True).check()
    person.get_by_role("button", name="Mijn antwoorden versturen").click()
    expect(person.get_by_role("heading", level=1)).to_have_text(
        "Bedankt voor uw antwoorden"
    )
    axe(person)
    response = SurveyResponse.objects.get()
    assert response.registration.email == "ans@debilt.example"

    # The link answers once.
    person.goto(live_server.url + link)
    expect(person.get_by_text("U heeft deze vragenlijst al ingevuld.")).to_be_visible()
    expect(
        person.get_by_role("button", name="Mijn antwoorden versturen")
    ).to_have_count(0)
    axe(person)

    # The adviser, with the second factor, sees the chart and the answer.
    survey = SurveyPage.objects.get(event=event)
    adviser = new_page()
    results = f"/admin/vragenlijsten/{survey.pk}/"
    log_in(adviser, live_server.url, editor.email, results)
    adviser.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    adviser.get_by_role("button", name="Inloggen").click()
    expect(adviser.get_by_role("heading", level=1)).to_contain_text(survey.title)
    chart = adviser.get_by_role("img", name=RATING)
    expect(chart).to_be_visible()
    expect(chart.locator("rect")).to_have_count(5)
    expect(adviser.locator("svg.bar-chart")).to_have_count(2)
    rating_table = adviser.get_by_role("table", name=f"Antwoorden op “{RATING}”")
    expect(rating_table.get_by_role("row", name="5 1 100 %")).to_be_visible()
    expect(adviser.get_by_text(USEFUL)).to_be_visible()
    # Again without the login's flash message, whose colours are Wagtail's
    # own (3.9:1): the check is about this page.
    adviser.reload()
    axe(adviser)

    # The meeting's participants page gives the response rate.
    adviser.goto(live_server.url + f"/admin/deelnemers/{event.pk}/")
    expect(adviser.get_by_text("1 van 2 deelnemers (50 %)")).to_be_visible()
    adviser.get_by_role("link", name="Bekijk de resultaten").click()
    expect(adviser.get_by_role("img", name=RATING)).to_be_visible()

    # The list of surveys leads there too.
    adviser.get_by_role("link", name="Alle vragenlijsten").click()
    expect(adviser.get_by_role("cell", name="1", exact=True)).to_be_visible()
    axe(adviser)
