"""The member's pages: submit a case, see the anonymised preview, correct
and confirm it, follow it and answer the advisers' questions.

Every page of a case answers 404 to anyone but its submitter (and, once it is
submitted, the advisers), whatever the id, so nobody learns which cases
exist.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .errors import CaseError
from .forms import CaseForm, MarkForm, MessageForm
from .models import CaseSubmission
from .redaction import Corrections, corrections_updated
from .selectors import (
    case_anonymisation_current,
    case_own_or_404,
    case_visible_or_404,
    cases_of,
    user_may_submit,
    user_reviews_cases,
)
from .services import (
    case_anonymise,
    case_confirm,
    case_create,
    case_message_post,
    case_update,
    case_withdraw,
)
from .texts import preview_context, review_context


def _not_found(request: HttpRequest) -> HttpResponse:
    login = reverse("account_login") + "?" + urlencode({"next": request.path})
    return TemplateResponse(
        request, "casebook/not_found.html", {"login_url": login}, status=404
    )


def _with_case(finder):
    """Look the case up for this person; a 404 page (with a way to log in
    for visitors) for anything they may not see."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
            try:
                case = finder(pk=pk, user=request.user)
            except Http404:
                return _not_found(request)
            return view(request, case)

        return wrapped

    return decorator


def _members_only(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_may_submit(request.user):
            return TemplateResponse(request, "casebook/members_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def _saved_then(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    """After saving the form: to the preview, or back to the form."""
    if request.POST.get("action") != "preview":
        messages.success(request, _("Your draft has been saved."))
        return redirect("casebook:edit", pk=case.pk)
    try:
        case_anonymise(case=case, submitter=request.user)
    except CaseError as exc:
        messages.error(request, str(exc))
        return redirect("casebook:edit", pk=case.pk)
    return redirect("casebook:preview", pk=case.pk)


def _form_page(request, form, case=None, status=200) -> HttpResponse:
    return TemplateResponse(
        request, "casebook/case_form.html", {"form": form, "case": case}, status=status
    )


@_members_only
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _form_page(request, CaseForm.for_new())
    form = CaseForm(data=request.POST)
    if not form.is_valid():
        return _form_page(request, form)
    try:
        case, created = case_create(
            submitter=request.user,
            form_token=form.cleaned_data["form_token"],
            data=form.case_input(),
        )
    except (CaseError, ValidationError) as exc:
        form.add_error(None, _error_text(exc))
        return _form_page(request, form)
    if not created:
        messages.info(request, _("This case had already been saved; here it is."))
        return redirect("casebook:edit", pk=case.pk)
    return _saved_then(request, case)


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


@_with_case(case_own_or_404)
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    if not case.is_draft:
        messages.info(
            request, _("This case has been submitted; it can no longer be changed.")
        )
        return redirect("casebook:detail", pk=case.pk)
    if request.method != "POST":
        return _form_page(request, CaseForm.for_case(case), case)
    form = CaseForm(data=request.POST)
    if not form.is_valid():
        return _form_page(request, form, case)
    try:
        case = case_update(case=case, submitter=request.user, data=form.case_input())
    except (CaseError, ValidationError) as exc:
        form.add_error(None, _error_text(exc))
        return _form_page(request, form, case)
    return _saved_then(request, case)


@_with_case(case_own_or_404)
@require_http_methods(["GET", "POST"])
def case_preview(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    if not case.is_draft:
        return redirect("casebook:detail", pk=case.pk)
    if request.method == "POST":
        return _preview_post(request, case)
    if not case_anonymisation_current(case):
        try:
            case, _unmatched = case_anonymise(case=case, submitter=request.user)
        except CaseError as exc:
            messages.error(request, str(exc))
            return redirect("casebook:edit", pk=case.pk)
    return _preview_page(request, case, MarkForm())


def _preview_page(request, case, mark_form, status=200) -> HttpResponse:
    context = {"case": case, "mark_form": mark_form, **preview_context(case)}
    return TemplateResponse(
        request, "casebook/case_preview.html", context, status=status
    )


def _preview_post(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    mark_form = MarkForm(data=request.POST)
    if not mark_form.is_valid():
        return _preview_page(request, case, mark_form)
    current = Corrections.from_json(case.corrections)
    mark = mark_form.cleaned_data
    wanted = corrections_updated(
        current,
        keep=request.POST.getlist("keep"),
        add=(mark["text"], mark["label"]) if mark["text"] else None,
    )
    if request.POST.get("action") == "confirm" and wanted == current:
        return _confirm(request, case)
    try:
        case, unmatched = case_anonymise(
            case=case, submitter=request.user, corrections=wanted
        )
    except CaseError as exc:
        messages.error(request, str(exc))
        return _preview_page(request, case, mark_form)
    for text in unmatched:
        messages.warning(
            request,
            _("“{text}” does not occur in your text; nothing was marked.").format(
                text=text
            ),
        )
    if request.POST.get("action") == "confirm":
        messages.info(
            request,
            _(
                "Your corrections have been applied. Check the preview and "
                "confirm again."
            ),
        )
    else:
        messages.success(request, _("The preview has been made again."))
    return redirect("casebook:preview", pk=case.pk)


def _confirm(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    try:
        case_confirm(
            case=case, submitter=request.user, version=request.POST.get("version", "")
        )
    except CaseError as exc:
        messages.error(request, str(exc))
        return redirect("casebook:preview", pk=case.pk)
    messages.success(
        request,
        _("Thank you. Your case has been submitted; an adviser will look at it."),
    )
    return redirect("casebook:detail", pk=case.pk)


@_members_only
def case_list(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "casebook/case_list.html", {"cases": cases_of(user=request.user)}
    )


@_with_case(case_visible_or_404)
def case_detail(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    is_submitter = case.submitter_id == request.user.pk
    # The words replaced are the submitter's alone; an adviser gets the
    # replacements by kind and number.
    texts = preview_context(case) if is_submitter else review_context(case)
    context = {
        "case": case,
        "is_submitter": is_submitter,
        "is_adviser": user_reviews_cases(request.user),
        "thread": case.messages.select_related("author").order_by("created_at", "pk"),
        "message_form": MessageForm(),
        **texts,
    }
    return TemplateResponse(request, "casebook/case_detail.html", context)


@_with_case(case_visible_or_404)
@require_POST
def case_message(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    form = MessageForm(data=request.POST)
    if not form.is_valid():
        for error in form.errors.get("body", []):
            messages.error(request, error)
        return redirect("casebook:detail", pk=case.pk)
    try:
        case_message_post(
            case=case, author=request.user, body=form.cleaned_data["body"]
        )
    except CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your message has been sent."))
    return redirect("casebook:detail", pk=case.pk)


@_with_case(case_own_or_404)
@require_http_methods(["GET", "POST"])
def case_withdraw_view(request: HttpRequest, case: CaseSubmission) -> HttpResponse:
    if request.method != "POST":
        return TemplateResponse(request, "casebook/case_withdraw.html", {"case": case})
    try:
        case_withdraw(case=case, submitter=request.user)
    except CaseError as exc:
        messages.error(request, str(exc))
        return redirect("casebook:detail", pk=case.pk)
    messages.success(
        request, _("Your case has been withdrawn and its text has been erased.")
    )
    return redirect("casebook:mine")
