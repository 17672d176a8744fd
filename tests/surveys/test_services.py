"""The surveys' services: once per person, the closing date, the signed
link, the response rate, the CSV, the guard, the follow-up mail and the
purge."""

import csv
import datetime as dt
import io
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from events.models import Registration
from portal.core.spreadsheets import FORMULA_STARTS
from surveys.access import Respondent
from surveys.errors import SurveyError
from surveys.evaluations import follow_ups_send
from surveys.links import (
    SALT,
    invitation_link,
    invitation_token,
    registration_from_token,
)
from surveys.models import Audience, SurveyInvitation, SurveyPage, SurveyResponse
from surveys.selectors import response_rate
from surveys.services import (
    response_create,
    responses_purge_expired,
    results_export,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory

from .factories import RATING, answers, survey

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _past_event(index, *, hours_ago: float = 2, **fields):
    start = timezone.now().replace(microsecond=0) - dt.timedelta(hours=hours_ago + 2)
    return EventPageFactory(
        parent=index, starts_at=start, ends_at=start + dt.timedelta(hours=2), **fields
    )


def _registration(event, n=0, status=Status.CONFIRMED, **fields):
    return Registration.objects.create(
        event=event,
        name=f"Deelnemer {n}",
        organisation="Gemeente Houten",
        job_title="OOV-adviseur",
        email=f"d{n}@houten.example",
        status=status,
        **fields,
    )


def _data(**kwargs):
    return {k: v for k, v in answers(**kwargs).items()}


# --- once per person -------------------------------------------------------


def test_an_account_answers_once(member):
    enquete = survey()
    respondent = Respondent(key=f"user:{member.pk}", user_id=member.pk)
    response_create(survey=enquete, respondent=respondent, data=_data())
    with pytest.raises(SurveyError) as refused:
        response_create(survey=enquete, respondent=respondent, data=_data())
    assert refused.value.state == "answered"
    assert str(refused.value) == "U heeft deze vragenlijst al ingevuld."
    assert SurveyResponse.objects.count() == 1


def test_a_registration_answers_once_and_others_are_counted_apart(index):
    event = _past_event(index)
    evaluation = survey(audience=Audience.PARTICIPANTS, event=event)
    first, second = _registration(event, 1), _registration(event, 2)
    for registration in (first, second):
        response_create(
            survey=evaluation,
            respondent=Respondent(
                key=f"registration:{registration.pk}",
                registration_id=registration.pk,
            ),
            data=_data(),
        )
    with pytest.raises(SurveyError):
        response_create(
            survey=evaluation,
            respondent=Respondent(key=f"registration:{first.pk}"),
            data=_data(),
        )
    assert SurveyResponse.objects.filter(page=evaluation).count() == 2


def test_visitors_without_an_account_are_not_limited_by_the_database():
    """They are remembered by their session (the page's business): the
    database takes any number of anonymous answers."""
    enquete = survey()
    for _n in range(3):
        response_create(survey=enquete, respondent=Respondent(key=""), data=_data())
    assert SurveyResponse.objects.filter(page=enquete).count() == 3


# --- closing date ------------------------------------------------------------


def test_a_closed_survey_takes_no_answers():
    enquete = survey(closes_at=timezone.now() + dt.timedelta(hours=1))
    with freeze_time(timezone.now() + dt.timedelta(hours=2)):
        with pytest.raises(SurveyError) as refused:
            response_create(survey=enquete, respondent=Respondent(key=""), data={})
    assert refused.value.state == "closed"
    assert str(refused.value) == "Deze vragenlijst is gesloten."
    assert not SurveyResponse.objects.exists()


def test_an_open_survey_takes_answers_until_its_closing_time():
    closes = timezone.now() + dt.timedelta(hours=1)
    enquete = survey(closes_at=closes)
    with freeze_time(closes - dt.timedelta(seconds=1)):
        response_create(survey=enquete, respondent=Respondent(key=""), data=_data())
    assert enquete.is_closed(closes)
    assert not enquete.is_closed(closes - dt.timedelta(seconds=1))


# --- the signed link ---------------------------------------------------------


def test_the_link_names_the_registration_of_its_own_survey_only(index):
    event = _past_event(index)
    evaluation = survey(audience=Audience.PARTICIPANTS, event=event)
    registration = _registration(event, 1)
    link = invitation_link(evaluation, registration)
    assert link.startswith(evaluation.url + "?t=")
    token = parse_qs(urlsplit(link).query)["t"][0]
    assert registration_from_token(token, survey=evaluation) == registration

    other_event = _past_event(index, hours_ago=5)
    other = survey(title="Andere evaluatie", audience="participants", event=other_event)
    assert registration_from_token(token, survey=other) is None


@pytest.mark.parametrize(
    "token",
    [
        "",
        "niet-ondertekend",
        signing.dumps({"s": 1, "r": 1}, salt="events.registration"),
        signing.dumps({"s": 1}, salt=SALT),
        signing.dumps({"s": 1, "r": "1"}, salt=SALT),
        signing.dumps([1, 1], salt=SALT),
    ],
)
def test_a_forged_or_mangled_link_names_nobody(index, token):
    event = _past_event(index)
    evaluation = survey(audience=Audience.PARTICIPANTS, event=event)
    _registration(event, 1)
    assert registration_from_token(token, survey=evaluation) is None


def test_a_tampered_link_names_nobody(index):
    event = _past_event(index)
    evaluation = survey(audience=Audience.PARTICIPANTS, event=event)
    registration = _registration(event, 1)
    token = invitation_token(survey_id=evaluation.pk, registration_id=registration.pk)
    payload, signature = token.rsplit(":", 1)
    assert (
        registration_from_token(payload + ":" + signature[::-1], survey=evaluation)
        is None
    )


def test_a_link_of_a_registration_given_up_or_for_another_meeting_is_void(index):
    event = _past_event(index)
    evaluation = survey(audience=Audience.PARTICIPANTS, event=event)
    cancelled = _registration(event, 1, status=Status.CANCELLED)
    elsewhere = _registration(_past_event(index, hours_ago=9), 2)
    for registration in (cancelled, elsewhere):
        token = invitation_token(
            survey_id=evaluation.pk, registration_id=registration.pk
        )
        assert registration_from_token(token, survey=evaluation) is None


# --- response rate -------------------------------------------------------------


def test_the_response_rate_counts_participants_who_answered(index):
    event = _past_event(index)
    assert response_rate(event_id=event.pk) is None
    evaluation = survey(audience=Audience.PARTICIPANTS, event=event)
    present = [_registration(event, n) for n in range(4)]
    _registration(event, 10, attended=False)  # marked absent: not counted
    _registration(event, 11, status=Status.WAITING)
    for registration in present[:3]:
        response_create(
            survey=evaluation,
            respondent=Respondent(
                key=f"registration:{registration.pk}",
                registration_id=registration.pk,
            ),
            data=_data(),
        )
    rate = response_rate(event_id=event.pk)
    assert (rate.answered, rate.participants, rate.percent) == (3, 4, 75)
    assert rate.survey == evaluation


def test_no_participants_is_zero_percent_not_an_error(index):
    event = _past_event(index)
    survey(audience=Audience.PARTICIPANTS, event=event)
    rate = response_rate(event_id=event.pk)
    assert (rate.answered, rate.participants, rate.percent) == (0, 0, 0)


# --- CSV -----------------------------------------------------------------------


def test_the_export_defuses_every_formula_and_is_logged(editor):
    enquete = survey()
    hostile = [start + "1+1" for start in FORMULA_STARTS]
    for n, value in enumerate(hostile):
        response_create(
            survey=enquete,
            respondent=Respondent(key=f"x:{n}"),
            data=_data(useful=value, better='=HYPERLINK("x")'),
        )
    rows = list(
        csv.reader(
            io.StringIO(results_export(survey=enquete, by=editor).decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][:2] == ["Ingevuld op", RATING]
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in FORMULA_STARTS]
    assert '\'=HYPERLINK("x")' in cells
    assert len(rows) == 1 + len(hostile)
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(action="leerkring.survey.export")
    assert entry.data == {"rows": len(hostile)}
    assert entry.user == editor


# --- the personal-data guard -----------------------------------------------------


def _guarded_form(enquete, **extra):
    data = {**_data(better="Jan de Vries belde mij op 06-12345678."), **extra}
    return enquete.get_form(data, page=enquete)


def test_the_guard_stops_answers_that_name_someone():
    form = _guarded_form(survey())
    assert not form.is_valid()
    assert form.guard_result is not None
    codes = {finding.code for finding in form.guard_result.findings}
    assert "TELEFOON" in codes
    assert "persoonsgegevens" in form.non_field_errors()[0]


def test_the_guard_replaces_on_request_and_keeps_other_answers():
    form = _guarded_form(survey(), guard="replace")
    assert form.is_valid(), form.errors
    better = form.cleaned_data["wat_kan_beter"]
    assert "06-12345678" not in better and "[TELEFOON-1]" in better
    assert form.cleaned_data["hoe_beoordeelt_u_deze_bijeenkomst_in_het_algemeen"] == "4"
    assert form.guard_used[0] == "replace"


def test_the_guard_lets_answers_through_as_written_when_asked():
    form = _guarded_form(survey(), guard="keep")
    assert form.is_valid()
    assert "06-12345678" in form.cleaned_data["wat_kan_beter"]


def test_answers_without_personal_data_pass_the_guard():
    enquete = survey()
    form = enquete.get_form(_data(useful="De casus uit Bodegraven."), page=enquete)
    assert form.is_valid(), form.errors
    assert form.guard_used is None


def test_an_odd_guard_answer_is_no_answer():
    form = _guarded_form(survey(), guard="<script>")
    assert not form.is_valid()
    assert form.guard_result is not None


# --- the follow-up mail and the default evaluation --------------------------------


def test_the_follow_up_makes_the_evaluation_and_mails_each_participant_once(
    index, mailoutbox, django_capture_on_commit_callbacks
):
    event = _past_event(index, title="Leerkring Bodegraven")
    present = _registration(event, 1)
    _registration(event, 2, attended=False)
    _registration(event, 3, status=Status.WAITING)
    _registration(_past_event(index, hours_ago=24 * 8), 4)  # ended too long ago
    upcoming = EventPageFactory(parent=index)
    _registration(upcoming, 5)
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_ups_send() == 1
    evaluation = SurveyPage.objects.get(event=event)
    assert evaluation.live and evaluation.audience == Audience.PARTICIPANTS
    assert evaluation.title == "Evaluatie: Leerkring Bodegraven"
    assert [f.label for f in evaluation.form_fields.all()][0] == RATING
    assert evaluation.closes_at == event.ends_at + dt.timedelta(days=28)
    [message] = mailoutbox
    assert message.to == [present.email]
    assert (
        message.subject == "[Leerkring] Bedankt voor uw deelname: Leerkring Bodegraven"
    )
    assert "http://testserver" + invitation_link(evaluation, present) in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_ups_send() == 0
    assert len(mailoutbox) == 1
    assert SurveyPage.objects.filter(event=event).count() == 1


def test_the_advisers_own_survey_is_the_evaluation(
    index, mailoutbox, django_capture_on_commit_callbacks
):
    event = _past_event(index)
    own = survey(title="Onze eigen evaluatie", audience="participants", event=event)
    _registration(event, 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_ups_send() == 1
    assert SurveyPage.objects.filter(event=event).get() == own
    assert own.url in mailoutbox[0].body


def test_a_draft_of_the_adviser_holds_the_mail_back(
    index, mailoutbox, django_capture_on_commit_callbacks
):
    event = _past_event(index)
    draft = survey(title="Concept", audience="participants", event=event)
    draft.unpublish()
    _registration(event, 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_ups_send() == 0
    assert SurveyPage.objects.filter(event=event).count() == 1
    assert not mailoutbox


def test_a_meeting_without_participants_gets_no_evaluation(index):
    _past_event(index)
    assert follow_ups_send() == 0
    assert not SurveyPage.objects.exists()


def test_the_hourly_command_sends_the_follow_up(
    index, mailoutbox, django_capture_on_commit_callbacks
):
    event = _past_event(index)
    _registration(event, 1)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert "Follow-up mails with an evaluation sent: 1" in out.getvalue()
    assert SurveyInvitation.objects.count() == 1
    assert len(mailoutbox) == 1


# --- retention ---------------------------------------------------------------------


def test_the_purge_erases_answers_after_the_retention_period(index, settings):
    settings.SURVEYS_RETENTION_DAYS = 30
    event = _past_event(index)
    evaluation = survey(audience=Audience.PARTICIPANTS, event=event)
    old, recent = _registration(event, 1), _registration(event, 2)
    SurveyInvitation.objects.create(survey=evaluation, registration=old)
    with freeze_time(timezone.now() - dt.timedelta(days=31)):
        response_create(
            survey=evaluation,
            respondent=Respondent(key=f"registration:{old.pk}"),
            data=_data(better="Oude opmerking"),
        )
    with freeze_time(timezone.now() - dt.timedelta(days=29)):
        response_create(
            survey=evaluation,
            respondent=Respondent(key=f"registration:{recent.pk}"),
            data=_data(better="Recente opmerking"),
        )
    assert responses_purge_expired() == 1
    [kept] = SurveyResponse.objects.all()
    assert kept.form_data["wat_kan_beter"] == "Recente opmerking"
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(action="leerkring.survey.erase")
    assert entry.data == {"count": 1} and entry.page_id == evaluation.pk
    assert responses_purge_expired() == 0


def test_the_daily_purge_command_erases_survey_answers(settings):
    settings.SURVEYS_RETENTION_DAYS = 365
    enquete = survey()
    with freeze_time(timezone.now() - dt.timedelta(days=400)):
        response_create(survey=enquete, respondent=Respondent(key=""), data=_data())
    out = StringIO()
    call_command("purge_event_personal_data", stdout=out)
    assert "Survey answers erased: 1 (retention 365 days)" in out.getvalue()
    assert not SurveyResponse.objects.exists()


# --- a member's privacy rights -------------------------------------------------


def test_a_members_answers_are_in_their_export_and_unlinked_on_deletion(member):
    from portal.accounts.models import User
    from portal.accounts.signals import account_deleting, personal_data_requested

    enquete = survey()
    response_create(
        survey=enquete,
        respondent=Respondent(key=f"user:{member.pk}", user_id=member.pk),
        data=_data(useful="De casus"),
    )
    sections = dict(
        value for _r, value in personal_data_requested.send(sender=User, user=member)
    )
    [answer] = sections["surveys"]["survey_answers"]
    assert answer["survey"] == enquete.title
    assert answer["answers"]["wat_was_voor_u_het_nuttigst"] == "De casus"
    account_deleting.send(sender=User, user=member)
    response = SurveyResponse.objects.get()
    assert response.user is None and response.respondent == f"user:{member.pk}"
