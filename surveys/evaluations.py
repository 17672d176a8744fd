"""The evaluation of every meeting, and the follow-up mail that asks for it.

When it happens: ``follow_ups_send`` runs with the hourly
``send_event_reminders`` (through ``portal.core.signals``). In the first run
after a meeting ends, and for up to FOLLOW_UP_WITHIN after, every
participant with a place who was not marked absent gets the follow-up mail
once, with a personal link to the meeting's evaluation. The evaluation is
the meeting's first live survey for its participants; when the adviser made
no survey for the meeting at all, one is made then from the default
questions, closing EVALUATION_OPEN_FOR after the meeting. A survey the
adviser made but did not publish yet holds the mail back until they do
(within the same window).
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from events.models import EventPage, Registration
from events.selectors import events_ended_between, participants_present
from portal.core.mail import absolute_url, mail_after_commit

from .audit import survey_audit
from .links import invitation_link
from .models import (
    Audience,
    SurveyField,
    SurveyIndexPage,
    SurveyInvitation,
    SurveyPage,
)
from .selectors import evaluation_of

logger = logging.getLogger(__name__)

#: Meetings that ended longer ago get no follow-up mail any more: a mail a
#: week late is no follow-up, and a fresh install must not mail the past.
FOLLOW_UP_WITHIN = dt.timedelta(days=7)
#: How long after the meeting a default evaluation takes answers.
EVALUATION_OPEN_FOR = dt.timedelta(days=28)


def default_questions() -> list[dict]:
    """The questions of a default evaluation, in the active language."""
    return [
        {
            "label": _("Overall, how would you rate this meeting?"),
            "help_text": _("1 is poor, 5 is excellent."),
            "field_type": "radio",
            "choices": "1\n2\n3\n4\n5",
            "required": True,
        },
        {
            "label": _("What was most useful to you?"),
            "field_type": "multiline",
            "required": False,
        },
        {
            "label": _("What could be better?"),
            "field_type": "multiline",
            "required": False,
        },
        {
            "label": _("Would you recommend this meeting to a colleague?"),
            "field_type": "radio",
            "choices": "\n".join([_("Yes"), _("Maybe"), _("No")]),
            "required": True,
        },
    ]


def survey_index() -> SurveyIndexPage:
    """The surveys' place in the page tree, made below the home page when
    the first evaluation needs it."""
    index = SurveyIndexPage.objects.first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else Page.get_first_root_node()
    index = SurveyIndexPage(title=_("Surveys"), slug="vragenlijsten")
    root.add_child(instance=index)
    index.save_revision().publish()
    return index


def _slug(index: SurveyIndexPage, event: EventPage) -> str:
    slug = f"evaluatie-{event.slug}"
    if SurveyPage.objects.child_of(index).filter(slug=slug).exists():
        slug = f"{slug}-{event.pk}"
    return slug


@transaction.atomic
def evaluation_create(*, event: EventPage) -> SurveyPage:
    """A published evaluation of ``event`` with the default questions."""
    with translation.override(settings.LANGUAGE_CODE):
        index = survey_index()
        survey = SurveyPage(
            title=_("Evaluation: {title}").format(title=event.title),
            slug=_slug(index, event),
            audience=Audience.PARTICIPANTS,
            event=event,
            closes_at=event.ends_at + EVALUATION_OPEN_FOR,
            intro="<p>{}</p>".format(
                _("Thank you for taking part. It takes about two minutes.")
            ),
            thank_you_text="<p>{}</p>".format(
                _("Thank you: we use your answers to improve our meetings.")
            ),
        )
        survey.form_fields = [SurveyField(**q) for q in default_questions()]
        index.add_child(instance=survey)
        survey.save_revision().publish()
        survey_audit(survey, "evaluation_create", event=event.pk)
    return survey


def evaluation_for(*, event: EventPage) -> SurveyPage | None:
    """The meeting's evaluation, made from the default questions when the
    adviser made no survey for it; None while theirs is not yet live."""
    survey = evaluation_of(event_id=event.pk)
    if survey is not None:
        return survey
    if SurveyPage.objects.filter(event=event).exists():
        return None
    return evaluation_create(event=event)


def _follow_up_mail(survey: SurveyPage, registration: Registration) -> None:
    event = survey.event
    report = event.report_page
    mail_after_commit(
        template="surveys/email/follow_up",
        to=[registration.email],
        context={
            "registration": registration,
            "event": event,
            "survey": survey,
            "survey_url": absolute_url(invitation_link(survey, registration)),
            "report_url": absolute_url(report.url) if report and report.live else "",
            "retention_days": settings.SURVEYS_RETENTION_DAYS,
        },
    )


def _invite(survey: SurveyPage, *, now: dt.datetime) -> int:
    invited = SurveyInvitation.objects.filter(survey=survey).values("registration_id")
    due = participants_present(event_id=survey.event_id).exclude(pk__in=invited)
    sent = 0
    for registration in due.order_by("pk"):
        with transaction.atomic():
            _invitation, created = SurveyInvitation.objects.get_or_create(
                survey=survey, registration=registration, defaults={"sent_at": now}
            )
            if created:
                _follow_up_mail(survey, registration)
                sent += 1
    return sent


def follow_ups_send(*, now: dt.datetime | None = None) -> int:
    """Mail the participants of meetings that ended within FOLLOW_UP_WITHIN
    the invitation to the evaluation; nobody twice. Returns the mails sent."""
    now = now or timezone.now()
    sent = 0
    for event in events_ended_between(since=now - FOLLOW_UP_WITHIN, until=now):
        if not participants_present(event_id=event.pk).exists():
            continue
        survey = evaluation_for(event=event)
        if survey is None or survey.is_closed(now):
            continue
        survey.event = event
        sent += _invite(survey, now=now)
    logger.info("sent %s follow-up mails with an evaluation", sent)
    return sent
