"""Reads of the casebook: who may see which case, and the published index."""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction

from knowledge.interventions.selectors import classifications_all, phases_all
from portal.accounts.access import Section, pages_public, pages_visible_to
from portal.accounts.selectors import user_is_adviser, user_is_member
from portal.core.regions import Region

from .models import CaseIndexPage, CasePage, CaseStatus, CaseSubmission, Platform
from .models.submission import HTML_FIELDS, IN_REVIEW, TEXT_FIELDS
from .redaction import Corrections, FieldText, source_hash

REVIEW_PERMISSION = "casebook.review_cases"
CASES_PER_PAGE = 10


def user_reviews_cases(user) -> bool:
    """Advisers (and superusers) whose session passed the second factor: they
    read, edit and publish cases."""
    return user_is_adviser(user) and user.has_perm(REVIEW_PERMISSION)


def user_may_submit(user) -> bool:
    return user_is_member(user)


def _case_or_404(queryset: QuerySet[CaseSubmission], pk: int) -> CaseSubmission:
    try:
        return queryset.select_related(
            "submitter", "phase", "classification", "learning_circle", "page"
        ).get(pk=pk)
    except CaseSubmission.DoesNotExist as exc:
        raise Http404 from exc


def case_own_or_404(*, pk: int, user) -> CaseSubmission:
    """A case of ``user`` (an approved member); anything else is not found,
    whoever asks and whatever the id."""
    if not user_is_member(user):
        raise Http404
    return _case_or_404(CaseSubmission.objects.filter(submitter=user), pk)


def case_visible_or_404(*, pk: int, user) -> CaseSubmission:
    """A case ``user`` may read: their own, or as an adviser one that has
    been submitted. Drafts never reach an adviser before anonymisation."""
    if user_reviews_cases(user):
        visible = Q(submitter=user) | ~Q(status=CaseStatus.DRAFT)
    elif user_is_member(user):
        visible = Q(submitter=user)
    else:
        raise Http404
    return _case_or_404(CaseSubmission.objects.filter(visible), pk)


def case_for_review_or_404(*, pk: int) -> CaseSubmission:
    """A submitted case (in review or decided), for the advisers' pages."""
    return _case_or_404(CaseSubmission.objects.exclude(status=CaseStatus.DRAFT), pk)


def cases_of(*, user) -> QuerySet[CaseSubmission]:
    """The member's own cases, for "My cases"."""
    return (
        CaseSubmission.objects.filter(submitter=user)
        .select_related("page", "learning_circle")
        .order_by("-updated_at", "-pk")
    )


def cases_in_review() -> QuerySet[CaseSubmission]:
    """The advisers' queue: oldest submission first, with the message count."""
    return (
        CaseSubmission.objects.filter(status__in=IN_REVIEW)
        .select_related("submitter", "learning_circle")
        .annotate(message_count=Count("messages"))
        .order_by("submitted_at", "pk")
    )


def cases_decided_recently(*, limit: int = 20) -> QuerySet[CaseSubmission]:
    return (
        CaseSubmission.objects.filter(
            status__in=[CaseStatus.PUBLISHED, CaseStatus.REJECTED]
        )
        .select_related("page")
        .order_by("-decided_at", "-pk")[:limit]
    )


def case_texts(case: CaseSubmission) -> dict[str, FieldText]:
    """The original free text of ``case``, in the order it is anonymised."""
    return {
        name: FieldText(getattr(case, name), name in HTML_FIELDS)
        for name in TEXT_FIELDS
    }


def case_anonymised_texts(case: CaseSubmission) -> dict[str, str]:
    return {name: getattr(case, f"anonymised_{name}") for name in TEXT_FIELDS}


def case_anonymisation_current(case: CaseSubmission) -> bool:
    """Whether the stored anonymisation was made from the text as it is now."""
    if not case.anonymised_source:
        return False
    corrections = Corrections.from_json(case.corrections)
    return source_hash(case_texts(case), corrections) == case.anonymised_source


def platforms_all() -> QuerySet[Platform]:
    return Platform.objects.order_by("sort_order", "name")


def _filter_choice(params, key, choices, notices, message) -> str:
    value = params.get(key, "")
    if value and value not in choices:
        notices.append(message)
        return ""
    return value


def case_index_context(*, index, params: Mapping[str, str], user) -> dict[str, Any]:
    """The published cases below ``index``, filtered by phase, classification,
    platform, region and tag, and paginated. Members see members-only cases too.

    Unknown values come from hand-edited addresses: a message and the filter
    left out, never an error. The number of queries is fixed.
    """
    cases = pages_visible_to(user, CasePage.objects.child_of(index).live())
    member = user_is_member(user)
    if member:
        restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
        cases = cases.annotate(members_only=Exists(restricted))
    phases, classifications = list(phases_all()), list(classifications_all())
    platforms = list(platforms_all())
    notices: list[str] = []
    filters = {
        "fase": _filter_choice(
            params, "fase", {p.slug for p in phases}, notices,
            _("There is no phase with that name; the filter was left out."),
        ),
        "classificatie": _filter_choice(
            params, "classificatie", {c.slug for c in classifications}, notices,
            _("There is no classification with that name; the filter was left out."),
        ),
        "platform": _filter_choice(
            params, "platform", {p.slug for p in platforms}, notices,
            _("There is no platform with that name; the filter was left out."),
        ),
        "regio": _filter_choice(
            params, "regio", set(Region.values), notices,
            _("There is no region with that name; the filter was left out."),
        ),
    }  # fmt: skip
    if filters["fase"]:
        cases = cases.filter(phase__slug=filters["fase"])
    if filters["classificatie"]:
        cases = cases.filter(classification__slug=filters["classificatie"])
    if filters["platform"]:
        cases = cases.filter(platforms__slug=filters["platform"])
    if filters["regio"]:
        cases = cases.filter(province=filters["regio"])
    tag = params.get("tag", "")
    if tag and cases.filter(tags__slug=tag).exists():
        cases, filters["tag"] = cases.filter(tags__slug=tag), tag
    elif tag:
        notices.append(_("No case has that tag; the tag filter was left out."))
    cases = (
        cases.select_related("phase", "classification")
        .prefetch_related("platforms", "tags")
        .order_by("-first_published_at", "-pk")
    )
    page = Paginator(cases, CASES_PER_PAGE).get_page(params.get("pagina"))
    active = {k: v for k, v in filters.items() if v}
    return {
        "cases": page,
        "phases": phases,
        "classifications": classifications,
        "platforms": platforms,
        "regions": Region.choices,
        "active": active,
        "active_tag": active.get("tag", ""),
        "query_prefix": urlencode(active),
        "notices": notices,
        "may_submit": member,
    }


def cases_near(
    *, user, region: str, limit: int, sections: list[Section] | None = None
) -> list[CasePage]:
    """The latest published cases of ``region`` that ``user`` may read, for
    "near you": one query, and one for the restrictions unless ``sections``
    are given."""
    cases = pages_visible_to(
        user, CasePage.objects.live().filter(province=region), sections=sections
    )
    return list(cases.order_by("-first_published_at", "-pk")[:limit])


def cases_published_tagged(
    *, tags: Iterable[str], start: dt.datetime, end: dt.datetime
) -> QuerySet[CasePage]:
    """Live case pages everyone may see, first published in ``[start, end)``,
    that carry one of ``tags`` (compared as slugs, so case and spelling of
    spaces do not matter), oldest first. The policy book quotes them, and
    the book is public: a members-only case is left out."""
    slugs = {slugify(tag) for tag in tags if slugify(tag)}
    if not slugs:
        return CasePage.objects.none()
    return (
        pages_public(CasePage.objects.live())
        .filter(
            tags__slug__in=slugs,
            first_published_at__gte=start,
            first_published_at__lt=end,
        )
        .distinct()
        .order_by("first_published_at", "pk")
    )


def casebook_url() -> str:
    """The casebook's address, or empty when there is none (yet)."""
    index = CaseIndexPage.objects.live().first()
    return index.url if index else ""
