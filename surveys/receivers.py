"""The surveys' part in the scheduled runs and in a member's privacy rights
(see portal.core.signals and portal.accounts.signals)."""

from django.conf import settings
from django.dispatch import receiver

from portal.accounts.signals import account_deleting, personal_data_requested
from portal.core.signals import hourly_mail_requested, retention_purge_requested

from .evaluations import follow_ups_send
from .models import SurveyResponse
from .services import member_responses_depersonalise, responses_purge_expired


@receiver(hourly_mail_requested, dispatch_uid="surveys.follow_up")
def _follow_up(sender, **kwargs) -> str:
    return f"Follow-up mails with an evaluation sent: {follow_ups_send()}"


@receiver(retention_purge_requested, dispatch_uid="surveys.purge")
def _purge(sender, **kwargs) -> str:
    count = responses_purge_expired()
    return (
        f"Survey answers erased: {count} "
        f"(retention {settings.SURVEYS_RETENTION_DAYS} days)"
    )


@receiver(personal_data_requested, dispatch_uid="surveys.export")
def _export(sender, user, **kwargs):
    responses = (
        SurveyResponse.objects.filter(user=user)
        .select_related("page")
        .order_by("submit_time", "pk")
    )
    return (
        "surveys",
        {
            "survey_answers": [
                {
                    "survey": r.page.title,
                    "answered_at": r.submit_time,
                    "answers": r.form_data,
                }
                for r in responses
            ]
        },
    )


@receiver(account_deleting, dispatch_uid="surveys.delete")
def _depersonalise(sender, user, **kwargs) -> None:
    member_responses_depersonalise(user=user)
