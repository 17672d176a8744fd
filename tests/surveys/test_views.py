"""The survey page for each kind of survey and person, the thank-you page,
the closed and answered states, the guard, and the advisers' results."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from events.models import Registration
from surveys.links import invitation_link
from surveys.models import Audience, SurveyResponse
from surveys.views import ANONYMOUS_LIMIT
from tests.accounts.factories import MemberFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_password_only, login_with_second_factor

from .factories import BETTER, RATING, answers, survey

pytestmark = pytest.mark.django_db
ALREADY = "U heeft deze vragenlijst al ingevuld."
CLOSED = "Deze vragenlijst is gesloten"
THANKS = "Bedankt voor uw antwoorden"


def _text(response) -> str:
    return response.content.decode()


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    start = timezone.now().replace(microsecond=0) - dt.timedelta(hours=3)
    return EventPageFactory(
        parent=index,
        title="Roadshow De Bilt",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )


def _registration(event, user=None, n=1):
    return Registration.objects.create(
        event=event,
        user=user,
        name=f"Deelnemer {n}",
        organisation="Gemeente De Bilt",
        job_title="OOV-adviseur",
        email=user.email if user else f"d{n}@debilt.example",
        status=Registration.Status.CONFIRMED,
    )


@pytest.fixture
def evaluation(event):
    return survey(
        title="Evaluatie roadshow", audience=Audience.PARTICIPANTS, event=event
    )


# --- a survey for anyone --------------------------------------------------


def test_a_visitor_answers_once_per_session(client):
    enquete = survey()
    page = client.get(enquete.url)
    assert page.status_code == 200
    assert RATING in _text(page)
    assert "no-store" in page["Cache-Control"]
    done = client.post(enquete.url, answers(useful="De casus"))
    assert done.status_code == 200
    assert THANKS in _text(done)
    [response] = SurveyResponse.objects.all()
    assert response.respondent == "" and response.user is None
    assert response.form_data["wat_was_voor_u_het_nuttigst"] == "De casus"
    again = client.get(enquete.url)
    assert ALREADY in _text(again)
    assert RATING not in _text(again)
    client.post(enquete.url, answers())
    assert SurveyResponse.objects.count() == 1


def test_visitors_from_one_address_are_limited(client):
    enquete = survey()
    for _n in range(ANONYMOUS_LIMIT):
        client.cookies.clear()  # a fresh session each time
        assert client.post(enquete.url, answers()).status_code == 200
    client.cookies.clear()
    refused = client.post(enquete.url, answers())
    assert refused.status_code == 429
    assert "Te veel antwoorden" in _text(refused)
    assert SurveyResponse.objects.count() == ANONYMOUS_LIMIT


def test_a_member_answers_a_survey_for_anyone_as_themselves(client, member):
    enquete = survey()
    login_with_password_only(client, member)
    client.post(enquete.url, answers())
    assert SurveyResponse.objects.get().user == member
    client.cookies.clear()
    login_with_password_only(client, member)
    assert ALREADY in _text(client.get(enquete.url))


def test_an_empty_answer_gives_the_form_again(client):
    enquete = survey()
    response = client.post(enquete.url, {})
    assert response.status_code == 400
    assert "Uw antwoorden zijn nog niet verstuurd" in _text(response)
    assert not SurveyResponse.objects.exists()


def test_the_guard_asks_before_personal_data_is_sent(client):
    enquete = survey()
    data = answers(better="Bel Jan de Vries op 06-12345678.")
    asked = client.post(enquete.url, data)
    assert asked.status_code == 200
    assert "Persoonsgegevens?" in _text(asked)
    assert "06-12345678" in _text(asked)
    assert not SurveyResponse.objects.exists()
    done = client.post(enquete.url, {**data, "guard": "replace"})
    assert THANKS in _text(done)
    better = SurveyResponse.objects.get().form_data["wat_kan_beter"]
    assert "06-12345678" not in better and "[TELEFOON-1]" in better
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(action="leerkring.survey.guard.replace")
    assert "06" not in str(entry.data)


def test_a_closed_survey_shows_no_form(client):
    enquete = survey(closes_at=timezone.now() + dt.timedelta(hours=1))
    with freeze_time(timezone.now() + dt.timedelta(hours=2)):
        page = client.get(enquete.url)
        posted = client.post(enquete.url, answers())
    assert CLOSED in _text(page)
    assert RATING not in _text(page)
    assert CLOSED in _text(posted)
    assert not SurveyResponse.objects.exists()


# --- a survey for members ---------------------------------------------------


def test_a_members_survey_sends_visitors_to_log_in_and_refuses_the_unapproved(
    client, unapproved
):
    enquete = survey(audience=Audience.MEMBERS)
    assert client.get(enquete.url)["Location"].startswith("/accounts/login/")
    login_with_password_only(client, unapproved)
    refused = client.post(enquete.url, answers())
    assert refused.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_a_member_answers_a_members_survey_once(client, member):
    enquete = survey(audience=Audience.MEMBERS)
    login_with_password_only(client, member)
    assert RATING in _text(client.get(enquete.url))
    assert THANKS in _text(client.post(enquete.url, answers()))
    assert ALREADY in _text(client.get(enquete.url))
    assert SurveyResponse.objects.get().respondent == f"user:{member.pk}"


# --- a survey for the participants of a meeting -----------------------------


def test_a_participant_answers_from_the_mailed_link_without_logging_in(
    client, event, evaluation
):
    registration = _registration(event)
    link = invitation_link(evaluation, registration)
    page = client.get(link)
    assert page.status_code == 200 and RATING in _text(page)
    assert "Roadshow De Bilt" in _text(page)
    done = client.post(link, answers())
    assert THANKS in _text(done)
    response = SurveyResponse.objects.get()
    assert response.registration == registration
    assert response.respondent == f"registration:{registration.pk}"
    fresh = client.__class__()
    assert ALREADY in _text(fresh.get(link))


@pytest.mark.readme_claim(
    "The answers to a survey are read by the advisers only; a meeting's "
    "evaluation is answered only through a participant's personal link or by "
    "a member with a place at the meeting, and to anyone else its address "
    "answers 404."
)
def test_without_a_valid_link_a_participants_survey_is_not_found(
    client, event, evaluation
):
    registration = _registration(event)
    link = invitation_link(evaluation, registration)
    token = parse_qs(urlsplit(link).query)["t"][0]
    for address in (
        evaluation.url,
        evaluation.url + "?t=",
        evaluation.url + "?t=" + token[:-3] + "abc",
        evaluation.url + "?t=" + token + "x",
    ):
        response = client.get(address)
        assert response.status_code == 404, address
        assert "Link niet geldig" in _text(response)
        assert RATING not in _text(response)
        assert client.post(address, answers()).status_code == 404
    assert not SurveyResponse.objects.exists()


def test_another_surveys_link_is_refused(client, event, evaluation):
    registration = _registration(event)
    other = survey(title="Tweede", audience=Audience.PARTICIPANTS, event=event)
    foreign = invitation_link(other, registration).split("?")[1]
    assert client.get(f"{evaluation.url}?{foreign}").status_code == 404


@pytest.mark.readme_claim(
    "The answers to a survey are read by the advisers only; a meeting's "
    "evaluation is answered only through a participant's personal link or by "
    "a member with a place at the meeting, and to anyone else its address "
    "answers 404."
)
def test_a_registered_member_answers_from_the_page_and_the_link_alike(
    client, event, evaluation
):
    member = MemberFactory()
    registration = _registration(event, user=member)
    login_with_password_only(client, member)
    assert THANKS in _text(client.post(evaluation.url, answers()))
    assert ALREADY in _text(client.get(invitation_link(evaluation, registration)))
    other = MemberFactory()
    client.cookies.clear()
    login_with_password_only(client, other)
    assert client.get(evaluation.url).status_code == 404


# --- the index ----------------------------------------------------------------


def test_the_index_lists_open_surveys_for_whom_they_are(client, member, evaluation):
    public = survey(title="Enquête voor iedereen")
    members = survey(title="Enquête voor leden", audience=Audience.MEMBERS)
    closed = survey(
        title="Gesloten enquête", closes_at=timezone.now() - dt.timedelta(days=1)
    )
    index = public.get_parent()
    visitor = _text(client.get(index.url))
    assert public.title in visitor
    for hidden in (members, closed, evaluation):
        assert hidden.title not in visitor
    login_with_password_only(client, member)
    assert members.title in _text(client.get(index.url))


# --- results, export and the participants page ----------------------------------


def _answered(evaluation, event, n: int) -> list[Registration]:
    registrations = [_registration(event, n=i) for i in range(n)]
    for i, registration in enumerate(registrations):
        SurveyResponse.objects.create(
            page=evaluation,
            respondent=f"registration:{registration.pk}",
            registration=registration,
            form_data=answers(
                rating=str(3 + i % 3), better=f"Meer tijd voor vragen {i}"
            ),
        )
    return registrations


def test_the_adviser_sees_counts_percentages_charts_and_open_answers(
    client, editor, event, evaluation
):
    _answered(evaluation, event, 3)
    login_with_second_factor(client, editor)
    page = client.get(reverse("survey_results:results", args=[evaluation.pk]))
    text = _text(page)
    assert page.status_code == 200
    assert text.count('<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart"') == 2
    assert 'role="img"' in text and '<title id="vraag-1-title">' in text
    assert "33 %" in text and "3 antwoorden" in text
    assert BETTER in text and "Meer tijd voor vragen 2" in text


def test_the_adviser_exports_the_answers(client, editor, event, evaluation):
    _answered(evaluation, event, 2)
    login_with_second_factor(client, editor)
    response = client.get(reverse("survey_results:export", args=[evaluation.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode("utf-8-sig")
    assert "Meer tijd voor vragen 1" in body


@pytest.mark.readme_claim(
    "The answers to a survey are read by the advisers only; a meeting's "
    "evaluation is answered only through a participant's personal link or by "
    "a member with a place at the meeting, and to anyone else its address "
    "answers 404."
)
def test_results_are_for_advisers_with_the_second_factor(
    client, member, editor, evaluation
):
    address = reverse("survey_results:results", args=[evaluation.pk])
    login_with_password_only(client, member)
    assert client.get(address)["Location"].startswith("/accounts/login/")
    client.cookies.clear()
    login_with_password_only(client, editor)
    assert client.get(address).status_code == 302


def test_the_participants_page_shows_the_response_rate(
    client, editor, event, evaluation
):
    _answered(evaluation, event, 1)
    _registration(event, n=7)
    login_with_second_factor(client, editor)
    page = client.get(reverse("event_participants:participants", args=[event.pk]))
    assert "1 van 2 deelnemers (50 %)" in _text(page)
    assert reverse("survey_results:results", args=[evaluation.pk]) in _text(page)


# --- building a survey in the page editor -----------------------------------


def test_an_adviser_builds_a_survey_with_the_form_builder(client, editor):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from surveys.evaluations import survey_index
    from surveys.models import SurveyPage

    index = survey_index()
    login_with_second_factor(client, editor)
    add = reverse("wagtailadmin_pages:add", args=["surveys", "surveypage", index.pk])
    assert client.get(add).status_code == 200
    data = nested_form_data(
        {
            "title": "Enquête online oproepen",
            "slug": "enquete-online-oproepen",
            "intro": rich_text("<p>Voor alle gemeenten in Midden-Nederland.</p>"),
            "thank_you_text": rich_text("<p>Dank u wel.</p>"),
            "audience": "members",
            "event": "",
            "closes_at": "",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Zag uw gemeente online oproepen tot rellen?",
                        "field_type": "radio",
                        "choices": "Ja\nNee",
                        "required": "on",
                        "help_text": "",
                        "default_value": "",
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(add, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    survey_page = SurveyPage.objects.get(slug="enquete-online-oproepen")
    assert survey_page.live and survey_page.audience == Audience.MEMBERS
    [question] = survey_page.form_fields.all()
    assert question.clean_name == "zag_uw_gemeente_online_oproepen_tot_rellen"


def test_a_participants_survey_needs_its_meeting():
    from django.core.exceptions import ValidationError

    from surveys.models import SurveyPage

    page = SurveyPage(title="Evaluatie", slug="x", audience=Audience.PARTICIPANTS)
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert "event" in refused.value.message_dict
