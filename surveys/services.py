"""Every write to survey answers goes through these functions."""

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from community.guard import GuardResult

from .access import Respondent
from .audit import survey_audit
from .errors import SurveyError
from .exports import responses_csv
from .models import SurveyInvitation, SurveyPage, SurveyResponse
from .selectors import survey_responses

logger = logging.getLogger(__name__)

CLOSED, ANSWERED = "closed", "answered"


def _closed_error() -> SurveyError:
    return SurveyError(_("This survey is closed."), state=CLOSED)


def _answered_error() -> SurveyError:
    return SurveyError(_("You have already filled in this survey."), state=ANSWERED)


def response_create(
    *,
    survey: SurveyPage,
    respondent: Respondent,
    data: dict,
    now: dt.datetime | None = None,
) -> SurveyResponse:
    """Store one person's answers. Refused once the survey closed, and for
    whoever answered it already: the database holds one response per
    respondent, so two submits at once still make one."""
    if survey.is_closed(now):
        raise _closed_error()
    response = SurveyResponse(
        page=survey,
        form_data=data,
        respondent=respondent.key,
        user_id=respondent.user_id,
        registration_id=respondent.registration_id,
    )
    response.full_clean(exclude=["page", "user", "registration"])
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as exc:
        raise _answered_error() from exc
    return response


def guard_choice_record(
    *, survey: SurveyPage, user, choice: str, result: GuardResult
) -> None:
    """What the respondent chose when the guard found personal data, and
    how many items of which kind; never the words."""
    kinds: dict[str, int] = {}
    for finding in result.findings:
        kinds[finding.code] = kinds.get(finding.code, 0) + 1
    with transaction.atomic():
        survey_audit(survey, f"guard.{choice}", by=user, found=kinds)


@transaction.atomic
def results_export(*, survey: SurveyPage, by) -> bytes:
    """The answers of ``survey`` as CSV for the adviser ``by``; the audit
    log records who took them and how many rows."""
    responses = list(survey_responses(survey=survey))
    data = responses_csv(fields=list(survey.get_form_fields()), responses=responses)
    survey_audit(survey, "export", by=by, rows=len(responses))
    return data


@transaction.atomic
def responses_purge_expired(*, now: dt.datetime | None = None) -> int:
    """Erase the answers given longer ago than SURVEYS_RETENTION_DAYS, and
    the record of whom a survey was mailed to after as long. The answers go
    whole: an open answer may name someone, and a count without them says
    no more than the export an adviser took in time."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.SURVEYS_RETENTION_DAYS)
    expired = SurveyResponse.objects.filter(submit_time__lt=cutoff)
    per_survey = dict(expired.order_by().values_list("page").annotate(n=Count("pk")))
    _total, deleted = expired.delete()
    count = deleted.get(SurveyResponse._meta.label, 0)
    SurveyInvitation.objects.filter(sent_at__lt=cutoff).delete()
    for survey in SurveyPage.objects.filter(pk__in=per_survey).order_by("pk"):
        survey_audit(survey, "erase", count=per_survey[survey.pk])
    logger.info("erased %s survey answers given before %s", count, cutoff)
    return count


@transaction.atomic
def member_responses_depersonalise(*, user) -> None:
    """A member erased their account: their answers stay for the results,
    no longer tied to them (as their posts stay); the retention period
    erases them later. The respondent key keeps the number of an account
    that no longer exists, so no later account is taken for them."""
    SurveyResponse.objects.filter(user=user).update(user=None)
