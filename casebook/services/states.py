"""The life of a case: which change of status may follow which.

draft ──confirm──▶ submitted ──schedule──▶ scheduled
  │                  │  │                    │  │
  │                  │  └──publish/reject────┼──┴──▶ published / rejected
  └──withdraw────────┴──────withdraw─────────┘──────▶ withdrawn
"""

from django.utils.translation import gettext as _

from ..errors import CaseStateError
from ..models import CaseStatus, CaseSubmission

S = CaseStatus
ALLOWED: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.SCHEDULED, S.PUBLISHED, S.REJECTED, S.WITHDRAWN}),
    # Scheduling again moves the case to another learning circle.
    S.SCHEDULED: frozenset({S.SCHEDULED, S.PUBLISHED, S.REJECTED, S.WITHDRAWN}),
}


def _refusal(current: str, target: str) -> str:
    if current == S.PUBLISHED:
        return _("This case has already been published.")
    if current == S.REJECTED:
        return _("This case has already been assessed and will not be published.")
    if current == S.WITHDRAWN:
        return _("This case has been withdrawn.")
    if current == S.DRAFT:
        return _("This case has not been submitted yet.")
    if target == S.SUBMITTED:
        return _("This case has already been submitted.")
    return _("This is not possible in the case's current status.")


def transition(case: CaseSubmission, target: str) -> None:
    """Set ``case.status`` to ``target`` or raise CaseStateError; the caller
    holds the row lock and saves."""
    if target not in ALLOWED.get(case.status, frozenset()):
        raise CaseStateError(_refusal(case.status, target))
    case.status = target
