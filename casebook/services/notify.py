"""Mails about a case. They carry a link and the anonymised title only:
never the original text, never a message body (personal data stays on the
platform, behind a login)."""

from django.urls import reverse

from portal.accounts.selectors import advisers_to_notify
from portal.core.mail import absolute_url, mail_after_commit

from ..models import CaseSubmission


def case_url(case: CaseSubmission) -> str:
    """The submitter's page of the case."""
    return absolute_url(reverse("casebook:detail", kwargs={"pk": case.pk}))


def review_url(case: CaseSubmission) -> str:
    """The advisers' page of the case in the Wagtail admin."""
    return absolute_url(reverse("casebook_review:review", kwargs={"pk": case.pk}))


def to_submitter(*, case: CaseSubmission, template: str, **context) -> None:
    mail_after_commit(
        template=f"casebook/email/{template}",
        to=[case.submitter.email],
        context={"case": case, "case_url": case_url(case), **context},
    )


def to_advisers(*, case: CaseSubmission, template: str, **context) -> None:
    addresses = sorted({a.email for a in advisers_to_notify() if a.email})
    mail_after_commit(
        template=f"casebook/email/{template}",
        to=addresses,
        context={"case": case, "review_url": review_url(case), **context},
    )


def absolute(path: str) -> str:
    return absolute_url(path)
