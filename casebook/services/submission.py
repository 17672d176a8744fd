"""The submitter's side: draft, anonymise, confirm, withdraw."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import CaseError, CaseStateError
from ..models import CaseStatus, CaseSubmission, ErasureReason, Platform
from ..models.submission import HTML_FIELDS, TEXT_FIELDS
from ..redaction import Corrections, RedactionError, redact, source_hash
from ..sanitise import MAX_LENGTH, html_clean, html_text, is_blank, plain_clean
from ..selectors import case_texts
from . import notify
from .erasure import case_originals_erase
from .states import transition

if TYPE_CHECKING:
    from knowledge.interventions.models import Classification, Phase

MAX_LINE_LENGTHS = {"title": 200, "region": 200, "period": 100}
MAX_TAGS = 10
MAX_TAG_LENGTH = 50


@dataclass(frozen=True)
class CaseInput:
    """What the member typed, raw: the service sanitises it."""

    title: str
    region: str = ""
    province: str = ""  # a value of portal.core.regions.Region, or empty
    period: str = ""
    what_happened: str = ""
    interventions_tried: str = ""
    lessons: str = ""
    platforms: Sequence[Platform] = ()
    phase: "Phase | None" = None
    classification: "Classification | None" = None
    tags: Sequence[str] = ()
    wants_learning_circle: bool = False


def text_too_long_message(length: int, limit: int = MAX_LENGTH) -> str:
    return _(
        "This text is {length} characters long; the limit is {limit}. Shorten "
        "it, or keep the details for the conversation with the adviser."
    ).format(length=_thousands(length), limit=_thousands(limit))


def _thousands(number: int) -> str:
    """12.345: the Dutch way of grouping thousands."""
    return f"{number:,}".replace(",", ".")


def tags_clean(tags: Sequence[str]) -> list[str]:
    cleaned = []
    for tag in tags:
        tag = plain_clean(tag)[:MAX_TAG_LENGTH].strip()
        if tag and tag.lower() not in {t.lower() for t in cleaned}:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise CaseError(_("Give at most {n} tags.").format(n=MAX_TAGS))
    return cleaned


def _sanitised(data: CaseInput) -> dict[str, str]:
    values = {}
    for name in TEXT_FIELDS:
        raw = getattr(data, name) or ""
        if len(raw) > MAX_LENGTH:
            raise CaseError(text_too_long_message(len(raw)))
        value = html_clean(raw) if name in HTML_FIELDS else plain_clean(raw)
        if name in MAX_LINE_LENGTHS and len(value) > MAX_LINE_LENGTHS[name]:
            raise CaseError(
                _("Keep the {field} under {n} characters.").format(
                    field=CaseSubmission._meta.get_field(name).verbose_name,
                    n=MAX_LINE_LENGTHS[name],
                )
            )
        values[name] = "" if name in HTML_FIELDS and is_blank(value) else value
    if not values["title"]:
        raise CaseError(_("Give the case a title."))
    return values


def _apply(case: CaseSubmission, data: CaseInput) -> None:
    for name, value in _sanitised(data).items():
        setattr(case, name, value)
    case.province = data.province
    case.phase = data.phase
    case.classification = data.classification
    case.wants_learning_circle = data.wants_learning_circle
    case.full_clean(exclude=["form_token"])
    case.save()
    case.platforms.set(data.platforms)
    case.tags.set(tags_clean(data.tags))


@transaction.atomic
def case_create(
    *, submitter, form_token: uuid.UUID | None, data: CaseInput
) -> tuple[CaseSubmission, bool]:
    """A new draft; ``(case, False)`` when this form was already saved (the
    same form posted twice), so nothing is created twice."""
    if form_token is not None:
        existing = CaseSubmission.objects.filter(
            submitter=submitter, form_token=form_token
        ).first()
        if existing is not None:
            return existing, False
    tags_clean(data.tags)  # refuse before anything is written
    case = CaseSubmission(submitter=submitter, form_token=form_token)
    try:
        with transaction.atomic():
            _apply(case, data)
    except IntegrityError:  # a parallel request with the same token won
        existing = CaseSubmission.objects.filter(
            submitter=submitter, form_token=form_token
        ).first()
        if existing is None:
            raise
        return existing, False
    return case, True


def _locked_own_draft(case: CaseSubmission, submitter) -> CaseSubmission:
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    if case.submitter_id != submitter.pk:
        raise CaseError(_("Only the member who wrote this case can change it."))
    if not case.is_draft:
        raise CaseStateError(
            _("This case has been submitted; it can no longer be changed.")
        )
    return case


@transaction.atomic
def case_update(*, case: CaseSubmission, submitter, data: CaseInput) -> CaseSubmission:
    """Save the draft again. An anonymisation made before is now out of date
    (selectors.case_anonymisation_current) and is made again for the preview."""
    case = _locked_own_draft(case, submitter)
    tags_clean(data.tags)
    _apply(case, data)
    return case


@transaction.atomic
def case_anonymise(
    *, case: CaseSubmission, submitter, corrections: Corrections | None = None
) -> tuple[CaseSubmission, list[str]]:
    """Anonymise the draft with ``corrections`` (by default the stored ones)
    and store the result. Returns the case and the marked texts that do not
    occur in it (those are dropped from the corrections)."""
    case = _locked_own_draft(case, submitter)
    if not case.what_happened:
        raise CaseError(_("Describe what happened before you look at the preview."))
    if corrections is None:
        corrections = Corrections.from_json(case.corrections)
    texts = case_texts(case)
    # A draft saved before the limit was lowered: the anonymiser's time grows
    # with the text, so it does not run on one that is too long.
    longest = max(
        len(html_text(f.value) if f.is_html else f.value) for f in texts.values()
    )
    if longest > MAX_LENGTH:
        raise CaseError(text_too_long_message(longest))
    try:
        result = redact(texts, corrections)
    except RedactionError as exc:
        raise CaseError(str(exc)) from exc
    unmatched = set(result.unmatched_extra)
    corrections = Corrections(
        extra=tuple(e for e in corrections.extra if e[0] not in unmatched),
        keep=corrections.keep,
    )
    for name, value in result.fields.items():
        setattr(case, f"anonymised_{name}", value)
    case.redactions = [r.as_json() for r in result.redactions]
    case.corrections = corrections.as_json()
    case.anonymised_source = source_hash(texts, corrections)
    case.anonymised_at = timezone.now()
    case.save()
    return case, result.unmatched_extra


@transaction.atomic
def case_confirm(*, case: CaseSubmission, submitter, version: str) -> CaseSubmission:
    """The submitter approves the preview they saw (``version``): the case is
    submitted and the advisers hear of it."""
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    if case.submitter_id != submitter.pk:
        raise CaseError(_("Only the member who wrote this case can submit it."))
    transition(case, CaseStatus.SUBMITTED)
    current = source_hash(case_texts(case), Corrections.from_json(case.corrections))
    if not case.anonymised_source or current != case.anonymised_source:
        raise CaseError(
            _("The text has changed since the preview was made. Check the new preview.")
        )
    if version != case.anonymised_source:
        raise CaseError(
            _(
                "You confirmed an older preview. Check the preview below and "
                "confirm again."
            )
        )
    case.submitted_at = timezone.now()
    case.save()
    notify.to_advisers(case=case, template="submitted")
    notify.to_submitter(case=case, template="received")
    return case


@transaction.atomic
def case_withdraw(*, case: CaseSubmission, submitter) -> CaseSubmission:
    """The submitter takes the case back: the original is erased at once."""
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    if case.submitter_id != submitter.pk:
        raise CaseError(_("Only the member who wrote this case can withdraw it."))
    was_in_review = case.in_review
    transition(case, CaseStatus.WITHDRAWN)
    case.decided_at = timezone.now()
    case.save()
    case_originals_erase(
        case=case, by=submitter, role="submitter", reason=ErasureReason.WITHDRAWN
    )
    if was_in_review:
        notify.to_advisers(case=case, template="withdrawn")
    return case
