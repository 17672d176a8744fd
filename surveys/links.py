"""The personal link to a survey in a participant's mail: it names the
survey and the registration, so the participant answers without logging in,
once, and nobody else answers in their name."""

from urllib.parse import urlencode

from django.core import signing

from events.models import Registration
from events.selectors import participant_registration
from portal.core.signed_links import signed_link_data

SALT = "surveys.invitation"
#: The query parameter that carries the token.
PARAMETER = "t"


def invitation_token(*, survey_id: int, registration_id: int) -> str:
    return signing.dumps({"s": survey_id, "r": registration_id}, salt=SALT)


def invitation_link(survey, registration: Registration) -> str:
    """The survey's path with the participant's token."""
    token = invitation_token(survey_id=survey.pk, registration_id=registration.pk)
    return f"{survey.url}?{urlencode({PARAMETER: token})}"


def registration_from_token(token: str, *, survey) -> Registration | None:
    """The registration a link is for, or None for a forged, mangled or
    foreign link (another survey's, or one for another meeting's
    registration). A link stays valid as long as the survey takes answers;
    a registration given up since no longer answers."""
    data = signed_link_data(token, salt=SALT, max_age=None, keys={"s", "r"})
    if data is None or data["s"] != survey.pk or not isinstance(data["r"], int):
        return None
    if survey.event_id is None:
        return None
    return participant_registration(event_id=survey.event_id, pk=data["r"])
