"""The advisers' side: edit the anonymised text, schedule, reject, publish."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction, Site

from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from portal.core.regions import Region

from ..errors import CaseError
from ..models import (
    CaseIndexPage,
    CasePage,
    CaseStatus,
    CaseSubmission,
    ErasureReason,
    Platform,
)
from ..models.pages import RESERVED_SLUGS
from ..models.submission import HTML_FIELDS, TEXT_FIELDS
from ..sanitise import MAX_REVIEWED_LENGTH, html_clean, is_blank, plain_clean
from . import notify
from .audit import case_audit
from .erasure import case_originals_erase
from .states import transition
from .submission import tags_clean, text_too_long_message

if TYPE_CHECKING:
    from events.models import EventPage
    from knowledge.interventions.models import Classification, Phase

MAX_REASON_LENGTH = 5_000
_ANONYMISED_LINE_LENGTHS = {"title": 255, "region": 400, "period": 200}


@dataclass(frozen=True)
class AnonymisedInput:
    """The adviser's edit of the anonymised text and the structured data."""

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


def _locked_in_review(case: CaseSubmission) -> CaseSubmission:
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    if not case.in_review:
        raise CaseError(_("Only a case in review can be changed."))
    return case


def _anonymised_values(data: AnonymisedInput) -> dict[str, str]:
    values = {}
    for name in TEXT_FIELDS:
        raw = getattr(data, name) or ""
        if len(raw) > MAX_REVIEWED_LENGTH:
            raise CaseError(text_too_long_message(len(raw), MAX_REVIEWED_LENGTH))
        if name in HTML_FIELDS:
            value = html_clean(raw)
            values[name] = "" if is_blank(value) else value
        else:
            values[name] = plain_clean(raw)[: _ANONYMISED_LINE_LENGTHS[name]]
    if not values["title"]:
        raise CaseError(_("Give the case a title."))
    if not values["what_happened"]:
        raise CaseError(_("Describe what happened."))
    return values


@transaction.atomic
def case_edit_anonymised(
    *, case: CaseSubmission, adviser, data: AnonymisedInput
) -> CaseSubmission:
    """Save the adviser's edit; the HTML is sanitised again."""
    case = _locked_in_review(case)
    changed = []
    for name, value in _anonymised_values(data).items():
        if getattr(case, f"anonymised_{name}") != value:
            changed.append(f"anonymised_{name}")
        setattr(case, f"anonymised_{name}", value)
    if data.province not in ("", *Region.values):
        raise CaseError(_("Choose one of the provinces in the list."))
    if case.province != data.province:
        changed.append("province")
    case.province = data.province
    case.phase, case.classification = data.phase, data.classification
    case.save()
    case.platforms.set(data.platforms)
    case.tags.set(tags_clean(data.tags))
    # Which fields changed, not what they say.
    case_audit(case, "edit", by=adviser, fields=changed)
    return case


@transaction.atomic
def case_schedule(
    *, case: CaseSubmission, adviser, event: "EventPage"
) -> CaseSubmission:
    """Plan the case for discussion in a learning circle; the submitter hears
    which one. It stays in review until it is published or rejected."""
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    before = case.status
    transition(case, CaseStatus.SCHEDULED)
    case.learning_circle = event
    case.save()
    case_audit(
        case,
        "schedule",
        by=adviser,
        old_status=before,
        new_status=case.status,
        event_id=event.pk,
    )
    notify.to_submitter(
        case=case,
        template="scheduled",
        event=event,
        event_url=notify.absolute(event.url or "/"),
    )
    return case


@transaction.atomic
def case_reject(*, case: CaseSubmission, adviser, reason: str) -> CaseSubmission:
    """Do not publish; the submitter gets the reason and the original goes."""
    reason = (reason or "").strip()
    if not reason:
        raise CaseError(_("Give the submitter a reason."))
    if len(reason) > MAX_REASON_LENGTH:
        raise CaseError(_("Keep the reason under {n} characters.").format(n="5.000"))
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    before = case.status
    transition(case, CaseStatus.REJECTED)
    case.rejection_reason = reason
    case.decided_by, case.decided_at = adviser, timezone.now()
    case.save()
    # Not the reason: free text to the submitter, about their case.
    case_audit(case, "reject", by=adviser, old_status=before, new_status=case.status)
    case_originals_erase(
        case=case, by=adviser, role="adviser", reason=ErasureReason.REJECTED
    )
    notify.to_submitter(case=case, template="rejected", reason=reason)
    return case


def case_index_ensure() -> CaseIndexPage:
    """The casebook overview, made below the site's home page when missing
    (load_demo makes it too)."""
    index = CaseIndexPage.objects.first()
    if index is not None:
        return index
    home = Site.objects.get(is_default_site=True).root_page
    index = CaseIndexPage(
        title=_("Case studies"), slug="casuistiek", show_in_menus=True
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _unique_slug(index: Page, title: str) -> str:
    base = slugify(title)[:60].strip("-") or "casus"
    taken = set(index.get_children().values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _page_from(case: CaseSubmission, index: CaseIndexPage) -> CasePage:
    page = CasePage(
        title=case.anonymised_title[:255],
        slug=_unique_slug(index, case.anonymised_title),
        region=case.anonymised_region,
        province=case.province,
        period=case.anonymised_period,
        phase=case.phase,
        classification=case.classification,
        what_happened=case.anonymised_what_happened,
        interventions_tried=case.anonymised_interventions_tried,
        lessons=case.anonymised_lessons,
        learning_circle=case.learning_circle,
        live=False,
    )
    page.platforms = list(case.platforms.all())
    page.tags.set(list(case.tags.names()))
    return page


def page_restrict_to_members(*, page: Page) -> None:
    """Wagtail's privacy setting: only the members' and advisers' groups."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )


@transaction.atomic
def case_publish(
    *, case: CaseSubmission, adviser, members_only: bool = True
) -> CasePage:
    """Publish the anonymised text as a page (members only unless the
    adviser says otherwise) and erase the original."""
    case = CaseSubmission.objects.select_for_update().get(pk=case.pk)
    before = case.status
    transition(case, CaseStatus.PUBLISHED)
    if not case.anonymised_title or not case.anonymised_what_happened:
        raise CaseError(_("The anonymised case needs a title and a description."))
    index = case_index_ensure()
    page = _page_from(case, index)
    index.add_child(instance=page)
    if members_only:
        page_restrict_to_members(page=page)
    page.save_revision(user=adviser).publish(user=adviser)
    case.page = page
    case.decided_by, case.decided_at = adviser, timezone.now()
    case.save()
    case_audit(
        case,
        "publish",
        by=adviser,
        old_status=before,
        new_status=case.status,
        page_id=page.pk,
        members_only=members_only,
    )
    case_originals_erase(
        case=case, by=adviser, role="adviser", reason=ErasureReason.PUBLISHED
    )
    notify.to_submitter(
        case=case, template="published", page_url=notify.absolute(page.url or "/")
    )
    return page
