"""The surveys' entries in the audit log (see portal.core.audit): on the
survey page, with counts only, never an answer."""

from typing import Any

from django.utils.translation import gettext as _

from portal.core.audit import audit_log

from .models import SurveyPage


def survey_audit(survey: SurveyPage, action: str, *, by=None, **data: Any) -> None:
    audit_log(
        instance=survey,
        action=f"leerkring.survey.{action}",
        user=by,
        label=_("Survey #{id}").format(id=survey.pk),
        data=data,
    )
