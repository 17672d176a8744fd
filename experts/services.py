"""Every write of the expert network: filing a request, assigning experts,
the thread, closing, the draft case, and the expert's own profile."""

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casebook.anonymisation import anonymise
from casebook.services import CaseInput, case_create
from portal.accounts.roles import ADVISERS_GROUP
from portal.accounts.selectors import advisers_to_notify, user_is_member
from portal.core.mail import absolute_url, mail_after_commit
from portal.core.regions import Region

from .audit import request_audit
from .errors import ExpertsError, NotAllowed
from .models import (
    NEW_URGENCIES,
    Assignment,
    Availability,
    ExpertiseTag,
    ExpertProfile,
    HelpRequest,
    RequestMessage,
    RequestStatus,
    Urgency,
)
from .sanitise import callback_phone_clean, line_clean, text_clean
from .selectors import user_handles_requests
from .working_hours import working_time_between

MAX_EXPERTISE = 10


def _url(help_request: HelpRequest) -> str:
    return absolute_url(reverse("experts:request", kwargs={"pk": help_request.pk}))


def _addresses(users: Iterable) -> list[str]:
    return sorted({u.email for u in users if u is not None and u.is_active})


def _require_member(user) -> None:
    if not user_is_member(user):
        raise NotAllowed(_("Only members can ask the expert network for help."))


def _request_fields(
    *,
    municipality: str,
    region: str,
    urgency: str,
    description: str,
    callback_phone: str = "",
) -> dict[str, str]:
    """The request's fields cleaned, or ExpertsError naming the first
    problem."""
    original = text_clean(description)
    if not original:
        raise ExpertsError(_("Describe what is going on."))
    municipality = line_clean(municipality)
    if not municipality:
        raise ExpertsError(_("Give the municipality."))
    if region not in Region.values:
        raise ExpertsError(_("Choose a region from the list."))
    if urgency not in NEW_URGENCIES:
        raise ExpertsError(_("Choose how urgent the request is."))
    return {
        "municipality": municipality,
        "region": region,
        "urgency": urgency,
        "original_text": original,
        "callback_phone": callback_phone_clean(callback_phone, urgency),
    }


def _expertise_tags(names: Sequence[str]) -> list[ExpertiseTag]:
    """Members choose from the advisers' list; they never add to it."""
    if len(names) > MAX_EXPERTISE:
        raise ExpertsError(
            _("Choose at most {n} areas of expertise.").format(n=MAX_EXPERTISE)
        )
    tags = list(ExpertiseTag.objects.filter(name__in=names))
    if len(tags) != len(set(names)):
        raise ExpertsError(_("Choose the areas of expertise from the list."))
    return tags


def request_create(
    *,
    requester,
    form_token: uuid.UUID,
    municipality: str,
    region: str,
    urgency: str,
    description: str,
    expertise: Sequence[str] = (),
    callback_phone: str = "",
) -> tuple[HelpRequest, bool]:
    """File a request. The description is anonymised here, before anything
    is stored, so nobody but the requester ever reads the original.
    ``(request, False)`` when this form was already filed."""
    _require_member(requester)
    mine = HelpRequest.objects.filter(requester=requester, form_token=form_token)
    earlier = mine.first()
    if earlier is not None:
        return earlier, False
    fields = _request_fields(
        municipality=municipality,
        region=region,
        urgency=urgency,
        description=description,
        callback_phone=callback_phone,
    )
    tags = _expertise_tags(expertise)
    help_request = HelpRequest(
        requester=requester,
        form_token=form_token,
        anonymised_text=anonymise(fields["original_text"]).text,
        **fields,
    )
    # The database constraint settles a race on the token (below).
    help_request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            help_request.save()
            help_request.expertise.set(tags)
            _notify_advisers(help_request)
    except IntegrityError:  # a parallel post of the same form won
        earlier = mine.first()
        if earlier is None:
            raise
        return earlier, False
    return help_request, True


def _picked_up() -> Q:
    """An adviser assigned experts, or someone other than the requester
    wrote in the thread."""
    answered = RequestMessage.objects.filter(request=OuterRef("pk")).exclude(
        author=OuterRef("requester")
    )
    return ~Q(status=RequestStatus.NEW) | Q(Exists(answered))


def _waiting_acute(requests: QuerySet[HelpRequest]) -> QuerySet[HelpRequest]:
    """The acute ones among ``requests`` that nobody picked up yet."""
    return requests.filter(urgency=Urgency.ACUTE).exclude(_picked_up())


def _overdue(help_request: HelpRequest, now: dt.datetime) -> bool:
    """Waiting longer than ``settings.EXPERTS_ESCALATE_AFTER_WORKING_HOURS``."""
    limit = dt.timedelta(hours=settings.EXPERTS_ESCALATE_AFTER_WORKING_HOURS)
    return working_time_between(help_request.created_at, now) >= limit


def requests_escalate(*, now: dt.datetime | None = None) -> int:
    """Mail every adviser again about each overdue acute request, once:
    the request is marked in the same transaction as its mail is queued,
    and rows another run is handling are skipped. Run it every quarter of
    an hour; returns the number of requests escalated."""
    now = now or timezone.now()
    escalated = 0
    # Those escalated before are left in the database, not read each run.
    candidates = _waiting_acute(HelpRequest.objects.filter(escalated_at__isnull=True))
    for candidate in candidates:
        if not _overdue(candidate, now):
            continue
        with transaction.atomic():
            help_request = (
                HelpRequest.objects.select_for_update(skip_locked=True)
                .filter(pk=candidate.pk, escalated_at__isnull=True)
                .first()
            )
            if help_request is None:
                continue
            help_request.escalated_at = now
            help_request.save(update_fields=["escalated_at"])
            mail_after_commit(
                template="experts/email/escalated",
                to=_addresses(advisers_to_notify()),
                context={"help_request": help_request, "url": _url(help_request)},
            )
            request_audit(help_request, "escalate", by=None)
            escalated += 1
    return escalated


def _notify_advisers(help_request: HelpRequest) -> None:
    mail_after_commit(
        template="experts/email/new_request",
        to=_addresses(advisers_to_notify()),
        context={"help_request": help_request, "url": _url(help_request)},
    )


@transaction.atomic
def experts_assign(
    *, help_request: HelpRequest, experts: Sequence[ExpertProfile], adviser
) -> list[Assignment]:
    """Add ``experts`` to the request; each new one is mailed, and the
    requester hears that help is on its way. Assigning twice adds nothing."""
    if not user_handles_requests(adviser):
        raise NotAllowed(_("Only advisers can assign experts."))
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.is_closed:
        raise ExpertsError(_("This request has been closed."))
    if not experts:
        raise ExpertsError(_("Choose at least one expert."))
    added, before = [], help_request.status
    for expert in experts:
        if expert.user_id == help_request.requester_id:
            continue
        assignment, created = Assignment.objects.get_or_create(
            request=help_request, expert=expert, defaults={"assigned_by": adviser}
        )
        if created:
            added.append(assignment)
    if added and help_request.status == RequestStatus.NEW:
        help_request.status = RequestStatus.ASSIGNED
        help_request.save(update_fields=["status", "updated_at"])
    if added:
        request_audit(
            help_request,
            "assign",
            by=adviser,
            experts=[a.expert_id for a in added],
            old_status=before,
            new_status=help_request.status,
        )
    context = {"help_request": help_request, "url": _url(help_request)}
    for assignment in added:
        mail_after_commit(
            template="experts/email/assigned",
            to=_addresses([assignment.expert.user]),
            context={**context, "recipient": assignment.expert.user},
        )
    if added:
        mail_after_commit(
            template="experts/email/assigned_requester",
            to=_addresses([help_request.requester]),
            context={**context, "experts": [a.expert for a in added]},
        )
    return added


def participants(help_request: HelpRequest) -> set:
    """Who takes part: the requester, the assigned experts and the advisers
    who assigned or wrote; while no adviser has, every adviser."""
    users = {help_request.requester}
    assignments = list(
        help_request.assignments.select_related("expert__user", "assigned_by")
    )
    users |= {a.expert.user for a in assignments}
    involved = {a.assigned_by for a in assignments if a.assigned_by}
    User = get_user_model()
    author_ids = help_request.messages.values("author_id")
    # Only the advisers among the authors are checked one by one (second
    # factor): checking every requester and expert cost queries per author.
    adviser_authors = User.objects.filter(
        Q(groups__name=ADVISERS_GROUP) | Q(is_superuser=True), pk__in=author_ids
    ).distinct()
    involved |= {u for u in adviser_authors if user_handles_requests(u)}
    if not involved:
        involved = set(advisers_to_notify())
    return users | involved


@transaction.atomic
def message_post(*, help_request: HelpRequest, author, body: str) -> RequestMessage:
    """Add a message to the thread and mail the other participants. An
    expert's first message puts the request in progress."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if help_request.is_closed:
        raise ExpertsError(
            _("This request has been closed; no new messages can be added.")
        )
    body = text_clean(body)
    if not body:
        raise ExpertsError(_("Write a message."))
    recent = help_request.messages.filter(author=author).order_by("-pk").first()
    if recent is not None and recent.body == body:
        return recent  # the same form sent twice
    message = RequestMessage(request=help_request, author=author, body=body)
    message.full_clean()
    message.save()
    is_expert = help_request.assignments.filter(expert__user=author).exists()
    if is_expert and help_request.status == RequestStatus.ASSIGNED:
        help_request.status = RequestStatus.IN_PROGRESS
        help_request.save(update_fields=["status", "updated_at"])
    others = [u for u in participants(help_request) if u.pk != author.pk]
    for recipient in others:
        mail_after_commit(
            template="experts/email/message",
            to=_addresses([recipient]),
            context={
                "help_request": help_request,
                "recipient": recipient,
                "author": author,
                "url": _url(help_request),
            },
        )
    return message


@transaction.atomic
def request_close(*, help_request: HelpRequest, user) -> HelpRequest:
    """Close the request (its requester or an adviser). The original text
    and the call-back number are erased now: from here on only the
    anonymised text exists."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if user.pk != help_request.requester_id and not user_handles_requests(user):
        raise NotAllowed(_("Only the requester or an adviser can close a request."))
    if help_request.is_closed:
        return help_request
    now, before = timezone.now(), help_request.status
    help_request.status = RequestStatus.CLOSED
    help_request.closed_at = now
    help_request.original_text = ""
    help_request.callback_phone = ""
    help_request.erased_at = now
    help_request.save()
    by_requester = user.pk == help_request.requester_id
    request_audit(
        help_request,
        "close",
        # The requester's own act is the platform's in the advisers' log.
        by=None if by_requester else user,
        closed_by="requester" if by_requester else "adviser",
        old_status=before,
        new_status=help_request.status,
        original_erased=True,
    )
    return help_request


@transaction.atomic
def request_to_case_draft(*, help_request: HelpRequest, user) -> int:
    """A casebook draft owned by the requester, prefilled with the
    anonymised description; the id of the draft. A second call finds the
    same draft (the casebook's form token makes it idempotent)."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if user.pk != help_request.requester_id:
        raise NotAllowed(_("Only the requester can turn a request into a case."))
    if not help_request.is_closed:
        raise ExpertsError(_("Close the request before you turn it into a case."))
    tags = list(help_request.expertise.values_list("name", flat=True))[:10]
    case, _created = case_create(
        submitter=user,
        form_token=help_request.case_token,
        data=CaseInput(
            title=_("Request for help from {municipality}").format(
                municipality=help_request.municipality
            ),
            region=help_request.municipality,
            what_happened=help_request.anonymised_text,
            tags=tags,
        ),
    )
    if help_request.case_draft_id != case.pk:
        help_request.case_draft_id = case.pk
        help_request.save(update_fields=["case_draft_id", "updated_at"])
    return case.pk


@transaction.atomic
def profile_update_own(
    *,
    profile: ExpertProfile,
    user,
    availability: str,
    description: str,
    phone: str,
    show_email: bool,
    show_phone: bool,
) -> ExpertProfile:
    """The expert keeps their own availability, description and which
    contact details members see."""
    profile = ExpertProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.user_id != user.pk:
        raise NotAllowed(_("Only the expert can change this profile."))
    if availability not in Availability.values:
        raise ExpertsError(_("Choose your availability from the list."))
    profile.availability = availability
    profile.description = text_clean(description, limit=1000)
    profile.phone = line_clean(phone, limit=30)
    if show_phone and not profile.phone:
        raise ExpertsError(_("Give a telephone number to show it."))
    profile.show_email = show_email
    profile.show_phone = show_phone
    profile.full_clean()
    profile.save()
    return profile
