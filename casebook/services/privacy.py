"""The casebook's part in a member's privacy rights (see
portal.accounts.signals): their cases and messages in the export; on
deletion, their cases go, originals erased and logged first. Published
pages stay: they hold no personal data and no link to the member."""

from django.db import transaction

from ..models import CaseSubmission, ErasureReason
from ..models.submission import TEXT_FIELDS
from .erasure import case_originals_erase


def cases_export(*, user) -> list[dict]:
    cases = (
        CaseSubmission.objects.filter(submitter=user)
        .select_related("phase", "classification", "page")
        .prefetch_related("platforms", "tags", "messages")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": case.pk,
            "status": case.status,
            **{name: getattr(case, name) for name in TEXT_FIELDS},
            "anonymised_title": case.anonymised_title,
            "platforms": [p.name for p in case.platforms.all()],
            "phase": case.phase.name if case.phase else None,
            "classification": (
                case.classification.name if case.classification else None
            ),
            "province": case.province,
            "tags": sorted(t.name for t in case.tags.all()),
            "wants_learning_circle": case.wants_learning_circle,
            "corrections": case.corrections,
            "created_at": case.created_at,
            "submitted_at": case.submitted_at,
            "decided_at": case.decided_at,
            "rejection_reason": case.rejection_reason,
            "original_erased_at": case.erased_at,
            "published_page": case.page.url if case.page else None,
            "messages": [
                {
                    "from": "adviser" if m.from_adviser else "submitter",
                    "body": m.body,
                    "created_at": m.created_at,
                }
                for m in case.messages.all()
            ],
        }
        for case in cases
    ]


@transaction.atomic
def cases_delete_for_account(*, user) -> int:
    """Erase (and log) the originals still kept, then delete every case of
    ``user``. Returns the number of cases deleted."""
    cases = list(CaseSubmission.objects.select_for_update().filter(submitter=user))
    for case in cases:
        if case.erased_at is None:
            case_originals_erase(
                case=case,
                by=user,
                role="submitter",
                reason=ErasureReason.ACCOUNT_DELETED,
            )
    CaseSubmission.objects.filter(pk__in=[c.pk for c in cases]).delete()
    return len(cases)
