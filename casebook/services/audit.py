"""The casebook's entries in the audit log (see portal.core.audit): the
case by its number only, never its title or text, which may still be the
member's own words."""

from typing import Any

from django.utils.translation import gettext as _

from portal.core.audit import audit_log

from ..models import CaseSubmission


def case_audit(case: CaseSubmission, action: str, *, by, **data: Any) -> None:
    """Record ``action`` ("publish", ...) on ``case`` by ``by`` (an adviser,
    or None for the platform or the submitter)."""
    audit_log(
        instance=case,
        action=f"leerkring.case.{action}",
        user=by,
        label=_("Case #{id}").format(id=case.pk),
        data=data,
    )
