import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import AccountDeleteForm, ProfileForm
from .links import account_links
from .overview import overview_sections
from .selectors import user_is_adviser, user_is_member
from .services import (
    PROFILE_FIELDS,
    account_delete,
    account_export,
    account_profile_update,
)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Mijn Leerkring: a member's meetings, cases, requests, discussions and
    newsletter, then their account."""
    member = user_is_member(request.user)
    sections = [
        {
            "key": filled.section.key,
            "title": filled.section.title,
            "html": render_to_string(
                filled.section.template, dict(filled.context), request=request
            ),
        }
        for filled in (overview_sections(request.user) if member else [])
    ]
    return render(
        request,
        "accounts/overview.html",
        {
            "account": request.user,
            "member": member,
            "adviser": user_is_adviser(request.user),
            "links": account_links(),
            "sections": sections,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {field: getattr(user, field) for field in PROFILE_FIELDS}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            account_profile_update(user=user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("Your details have been saved."))
            return redirect("accounts:overview")
    return render(
        request,
        "accounts/profile.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = account_export(user=request.user)
    stamp = timezone.localtime().strftime("%Y%m%d")
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="leerkring-gegevens-{stamp}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})
