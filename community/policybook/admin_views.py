"""Advisers build the policy book from the Wagtail admin and watch its
progress; the page refreshes itself with a meta refresh (no script)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from portal.accounts.selectors import user_is_adviser

from .forms import BuildForm
from .models import PolicyBookBuild
from .periods import half_year_of
from .services import build_start

REFRESH_SECONDS = 2


def _advisers_only(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_is_adviser(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@_advisers_only
@require_http_methods(["GET", "POST"])
def build_form(request: HttpRequest) -> HttpResponse:
    from django.utils import timezone

    initial = {"period": half_year_of(timezone.now()).code}
    form = BuildForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        build = build_start(period=form.cleaned_data["period"], by=request.user)
        return redirect("policy_book_admin:build", pk=build.pk)
    builds = PolicyBookBuild.objects.select_related("page")[:10]
    return TemplateResponse(
        request,
        "community/policybook/admin/build_form.html",
        {"form": form, "builds": builds},
    )


@_advisers_only
@require_http_methods(["GET"])
def build_status(request: HttpRequest, pk: int) -> HttpResponse:
    build = PolicyBookBuild.objects.select_related("page").filter(pk=pk).first()
    if build is None:
        raise Http404
    return TemplateResponse(
        request,
        "community/policybook/admin/build_status.html",
        {"build": build, "refresh": None if build.finished else REFRESH_SECONDS},
    )
