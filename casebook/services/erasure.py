"""Erasing the original of a case: explicit, logged and irreversible (built
like pretix's shredder). The log says which fields, when, by whom and why,
never what they said.

Each erasure is written twice: to ErasureLog, the casebook's own record
that outlives the case, and to the audit log advisers read in the admin
(Reports → Site history), so that they have one place to look."""

import logging

from django.db import transaction
from django.utils import timezone

from ..models import CaseSubmission, ErasureLog, ErasureReason
from ..models.submission import TEXT_FIELDS
from .audit import case_audit

logger = logging.getLogger(__name__)

#: Cleared on erasure besides the original fields: they repeat the original
#: (the words replaced, the corrections) or are no longer needed once the
#: page holds the anonymised text. The anonymised title stays, so that the
#: submitter's list still names the case.
_DERIVED = (
    "anonymised_region",
    "anonymised_period",
    "anonymised_what_happened",
    "anonymised_interventions_tried",
    "anonymised_lessons",
)


def _filled(case: CaseSubmission) -> list[str]:
    names = [n for n in (*TEXT_FIELDS, *_DERIVED) if getattr(case, n)]
    if case.redactions:
        names.append("redactions")
    if case.corrections:
        names.append("corrections")
    return names


@transaction.atomic
def case_originals_erase(
    *, case: CaseSubmission, by, role: str, reason: ErasureReason
) -> ErasureLog:
    """Clear the original text of ``case``, what was derived from it and the
    message bodies; log it. ``by`` is the user who caused it (or None)."""
    fields = _filled(case)
    for name in (*TEXT_FIELDS, *_DERIVED):
        setattr(case, name, "")
    case.redactions, case.corrections, case.anonymised_source = [], {}, ""
    case.erased_at = timezone.now()
    case.save()
    erased_messages = case.messages.filter(erased_at__isnull=True).update(
        body="", erased_at=case.erased_at
    )
    if erased_messages:
        fields.append("messages")
    log = ErasureLog.objects.create(
        case_id=case.pk,
        erased_by=by if by is not None and by.pk else None,
        erased_by_role=role,
        fields=fields,
        reason=reason,
    )
    case_audit(
        case,
        "erase_original",
        # A submitter's own erasure is the platform's act in the advisers'
        # log: it must not tie the member's name to the case.
        by=by if role == "adviser" else None,
        reason=str(reason),
        role=role,
        fields=fields,
    )
    logger.info("case %s: original erased (%s) by %s", case.pk, reason, role)
    return log
