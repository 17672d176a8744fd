"""The advisers' list of account requests in the Wagtail admin."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .errors import AccountError
from .forms import RejectionForm
from .models import User
from .roles import REVIEW_PERMISSION
from .selectors import account_requests_pending
from .services import account_approve, account_reject


def _reviewer_only(view):
    return permission_required(REVIEW_PERMISSION, raise_exception=True)(view)


def _pending_or_404(pk: int) -> User:
    try:
        return account_requests_pending().get(pk=pk)
    except User.DoesNotExist as exc:
        raise Http404 from exc


@_reviewer_only
def index(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "accounts/admin/requests.html",
        {"requests": account_requests_pending()},
    )


@require_POST
@_reviewer_only
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    applicant = _pending_or_404(pk)
    try:
        account_approve(user=applicant, decided_by=request.user)
    except AccountError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("{name} has been approved and informed by e-mail.").format(
                name=applicant
            ),
        )
    return redirect("account_requests:index")


@require_POST
@_reviewer_only
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    applicant = _pending_or_404(pk)
    if request.user.pk == applicant.pk:
        raise PermissionDenied
    form = RejectionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Not rejected: give a reason of at most 2,000 characters."),
        )
        return redirect("account_requests:index")
    try:
        account_reject(
            user=applicant,
            decided_by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except AccountError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("{name} has been rejected and informed by e-mail.").format(
                name=applicant
            ),
        )
    return redirect("account_requests:index")
