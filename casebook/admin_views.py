"""The advisers' side in the Wagtail admin: the queue of submitted cases,
one case with its redactions highlighted, and the decisions.

Wagtail sends anyone without admin access to the login page before these
views run; an admin user who does not review cases gets 404, like everyone
else who may not see a case.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from events.selectors import events_upcoming

from .errors import CaseError
from .forms import AnonymisedForm, MessageForm, PublishForm, RejectForm, ScheduleForm
from .models import CaseSubmission
from .selectors import (
    case_for_review_or_404,
    cases_decided_recently,
    cases_in_review,
    user_reviews_cases,
)
from .services import (
    case_edit_anonymised,
    case_message_post,
    case_publish,
    case_reject,
    case_schedule,
)
from .texts import review_context


def _reviewers_only(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_reviews_cases(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _with_case(view):
    @wraps(view)
    def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
        return view(request, case_for_review_or_404(pk=pk))

    return _reviewers_only(wrapped)


def _back(case: CaseSubmission) -> HttpResponse:
    return redirect("casebook_review:review", pk=case.pk)


#: The field a confirmation page sends along: without it, publishing or
#: rejecting first shows what will be erased.
CONFIRMED = "confirmed"


def _confirmation(
    request: HttpRequest, case: CaseSubmission, *, action: str, form
) -> HttpResponse | None:
    """Publishing or rejecting erases the submitter's original for good: the
    adviser reads so on a page of its own and confirms there. None once the
    adviser has confirmed."""
    if request.POST.get(CONFIRMED) == "1":
        return None
    return TemplateResponse(
        request,
        "casebook/admin/confirm_decision.html",
        {"case": case, "action": action, "form": form, "confirmed_field": CONFIRMED},
    )


def _upcoming_events() -> list:
    return list(events_upcoming(limit=100))


@_reviewers_only
def queue(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "casebook/admin/queue.html",
        {"in_review": cases_in_review(), "decided": cases_decided_recently()},
    )


@_with_case
def review(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    context = {
        "case": case,
        "thread": case.messages.select_related("author").order_by("created_at", "pk"),
        "message_form": MessageForm(),
        "publish_form": PublishForm(),
        "reject_form": RejectForm(),
        "schedule_form": ScheduleForm(events=_upcoming_events()),
        **review_context(case),
    }
    return TemplateResponse(request, "casebook/admin/review.html", context)


@_with_case
def original(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    """What was replaced, by kind and number ("PERSOON-1, PERSOON-2"), at the
    address that once showed the original. The original is its author's
    alone: an adviser who thinks too much or too little was replaced asks
    the submitter in the case's thread."""
    return TemplateResponse(
        request,
        "casebook/admin/replacements.html",
        {"case": case, **review_context(case)},
    )


@_with_case
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    if not case.in_review:
        messages.error(request, _("Only a case in review can be changed."))
        return _back(case)
    data = request.POST if request.method == "POST" else None
    form = AnonymisedForm.for_case(case, data=data)
    if request.method == "POST" and form.is_valid():
        try:
            case_edit_anonymised(
                case=case, adviser=request.user, data=form.anonymised_input()
            )
        except (CaseError, ValidationError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The anonymised case has been saved."))
            return _back(case)
    return TemplateResponse(
        request, "casebook/admin/edit.html", {"case": case, "form": form}
    )


@_with_case
@require_POST
def message(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    form = MessageForm(data=request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a message of at most 5,000 characters."))
        return _back(case)
    try:
        case_message_post(
            case=case, author=request.user, body=form.cleaned_data["body"]
        )
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your question has been sent to the submitter."))
    return _back(case)


@_with_case
@require_POST
def publish(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    form = PublishForm(data=request.POST)
    form.is_valid()  # a lone checkbox: always valid
    if case.in_review and (
        confirm := _confirmation(request, case, action="publish", form=form)
    ):
        return confirm
    try:
        page = case_publish(
            case=case,
            adviser=request.user,
            members_only=form.cleaned_data.get("members_only", False),
        )
    except CaseError as exc:
        messages.error(request, str(exc))
        return _back(case)
    messages.success(
        request,
        _("“{title}” has been published; the original has been erased.").format(
            title=page.title
        ),
    )
    return _back(case)


@_with_case
@require_POST
def reject(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    form = RejectForm(data=request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason of at most 5,000 characters."))
        return _back(case)
    if case.in_review and (
        confirm := _confirmation(request, case, action="reject", form=form)
    ):
        return confirm
    try:
        case_reject(case=case, adviser=request.user, reason=form.cleaned_data["reason"])
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("The case will not be published; the original has been erased.")
        )
    return _back(case)


@_with_case
@require_POST
def schedule(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    form = ScheduleForm(data=request.POST, events=_upcoming_events())
    if not form.is_valid():
        messages.error(request, _("Choose one of the upcoming meetings."))
        return _back(case)
    try:
        case_schedule(case=case, adviser=request.user, event=form.chosen_event())
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("The case has been scheduled; the submitter has been told.")
        )
    return _back(case)
