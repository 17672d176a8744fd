"""Who answers a survey, and as whom: the one decision the survey page and
its answers rest on.

- A survey for anyone: an account answers as itself; a visitor without one
  answers as nobody in particular, remembered by their session only.
- A survey for members: approved members, as themselves; a visitor is sent
  to log in, an account that is not approved is told it is for members.
- A survey for the participants of a meeting: whoever holds a participant's
  personal link answers as that registration, without logging in; a member
  with a place at the meeting also answers from the page itself. Anyone
  else, a forged link or one for another survey gets a 404, the same answer
  whether or not the survey exists.

Wagtail's own view restrictions on the page are judged before this, by the
site's one access decision (portal.accounts.access).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.http import HttpRequest

from events.selectors import participant_registration
from portal.accounts.selectors import user_is_member

from .links import PARAMETER, registration_from_token
from .models import Audience, SurveyPage


class Refusal(StrEnum):
    LOGIN = "login"
    MEMBERS_ONLY = "members_only"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Respondent:
    #: Who answers, once per survey: "user:12", "registration:34"; empty for
    #: a visitor without an account on a survey for anyone.
    key: str
    user_id: int | None = None
    registration_id: int | None = None


def _as_account(user) -> Respondent:
    return Respondent(key=f"user:{user.pk}", user_id=user.pk)


def _as_participant(registration) -> Respondent:
    return Respondent(
        key=f"registration:{registration.pk}",
        user_id=registration.user_id,
        registration_id=registration.pk,
    )


def respondent_for(request: HttpRequest, survey: SurveyPage) -> Respondent | Refusal:
    user = request.user
    if survey.audience == Audience.PARTICIPANTS:
        token = request.GET.get(PARAMETER)
        if token is not None:
            registration = registration_from_token(token, survey=survey)
        elif survey.event_id is not None:
            registration = participant_registration(event_id=survey.event_id, user=user)
        else:
            registration = None
        if registration is None:
            return Refusal.NOT_FOUND
        return _as_participant(registration)
    if survey.audience == Audience.MEMBERS:
        if not user.is_authenticated:
            return Refusal.LOGIN
        if not user_is_member(user):
            return Refusal.MEMBERS_ONLY
        return _as_account(user)
    if user.is_authenticated:
        return _as_account(user)
    return Respondent(key="")
