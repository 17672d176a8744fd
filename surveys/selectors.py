"""Reads: which surveys someone sees, whether they answered, the evaluation
of a meeting and its response rate."""

from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from events.selectors import participants_present
from portal.accounts.access import pages_visible_to
from portal.accounts.selectors import user_is_member

from .access import Respondent
from .models import Audience, SurveyIndexPage, SurveyPage, SurveyResponse

#: The session key listing the surveys a visitor without an account answered.
SESSION_KEY = "surveys_answered"


def surveys_listed_for(*, index: SurveyIndexPage, user) -> list[SurveyPage]:
    """The open surveys below ``index`` that ``user`` may answer without a
    personal link: those for anyone, and for members those for members."""
    audiences = [Audience.ANYONE]
    if user_is_member(user):
        audiences.append(Audience.MEMBERS)
    now = timezone.now()
    surveys = (
        SurveyPage.objects.child_of(index)
        .live()
        .filter(audience__in=audiences)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .order_by("closes_at", "-first_published_at", "pk")
    )
    return list(pages_visible_to(user, surveys))


def survey_answered(
    *, survey: SurveyPage, respondent: Respondent, session: SessionBase
) -> bool:
    """Did this person answer ``survey`` already? A visitor without an
    account is known by their session only."""
    if not respondent.key:
        return survey.pk in session.get(SESSION_KEY, [])
    return SurveyResponse.objects.filter(
        page=survey, respondent=respondent.key
    ).exists()


def evaluation_of(*, event_id: int) -> SurveyPage | None:
    """The meeting's evaluation: its first live survey for its participants."""
    return (
        SurveyPage.objects.live()
        .filter(event_id=event_id, audience=Audience.PARTICIPANTS)
        .order_by("pk")
        .first()
    )


@dataclass(frozen=True)
class ResponseRate:
    survey: SurveyPage
    answered: int
    participants: int

    @property
    def percent(self) -> int:
        if not self.participants:
            return 0
        return round(100 * self.answered / self.participants)


def response_rate(*, event_id: int) -> ResponseRate | None:
    """How many of a meeting's participants answered its evaluation; None
    while it has none."""
    survey = evaluation_of(event_id=event_id)
    if survey is None:
        return None
    participants = participants_present(event_id=event_id)
    answered = SurveyResponse.objects.filter(
        page=survey, registration__in=participants
    ).count()
    return ResponseRate(
        survey=survey, answered=answered, participants=participants.count()
    )


def surveys_for_management() -> QuerySet[SurveyPage]:
    """Every survey with its number of answers, the newest first."""
    return (
        SurveyPage.objects.annotate(answers=Count("surveyresponse"))
        .select_related("event")
        .order_by("-latest_revision_created_at", "-pk")
    )


def survey_responses(*, survey: SurveyPage) -> QuerySet[SurveyResponse]:
    return SurveyResponse.objects.filter(page=survey).order_by("submit_time", "pk")
