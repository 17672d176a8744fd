"""The members' pages of the expert network.

The directory and the forms are for members (visitors log in, unapproved
accounts get the members-only explanation). Every page of a request answers
404 to anyone but its requester, its assigned experts and the advisers,
whatever the id, so nobody learns which requests exist.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from casebook.anonymisation import replacements_by_kind
from portal.accounts.decorators import members_only as members_only_for
from portal.core.regions import Region

from . import selectors, services
from .errors import ExpertsError
from .forms import AssignForm, HelpRequestForm, MessageForm, OwnProfileForm
from .models import NEW_URGENCIES, HelpRequest


def _never_cached(response: HttpResponse) -> HttpResponse:
    # Members-only content and personal requests never sit in a shared cache.
    add_never_cache_headers(response)
    return response


members_only = members_only_for(title=gettext_lazy("Expert network"))


def _not_found(request: HttpRequest) -> HttpResponse:
    login = reverse("account_login") + "?" + urlencode({"next": request.path})
    response = TemplateResponse(
        request, "experts/not_found.html", {"login_url": login}, status=404
    )
    return _never_cached(response)


def with_request(view):
    """Look the request up for this person: 404 for anyone who may not see
    it. (An adviser without the second factor never gets here: these are
    adviser powers, see portal.accounts.second_factor.)"""

    @wraps(view)
    def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
        try:
            help_request = selectors.request_visible_or_404(pk=pk, user=request.user)
        except Http404:
            return _not_found(request)
        return _never_cached(view(request, help_request))

    return wrapped


# --- the directory ------------------------------------------------------------------


@members_only
def directory(request: HttpRequest) -> HttpResponse:
    filters = selectors.directory_filters(request.GET)
    experts = selectors.page_of(
        selectors.experts_search(filters=filters),
        number=request.GET.get("pagina"),
        per_page=selectors.EXPERTS_PER_PAGE,
    )
    return TemplateResponse(
        request,
        "experts/directory.html",
        {
            "filters": filters,
            "page_obj": experts,
            "query_prefix": filters.query_prefix,
            "tags": selectors.expertise_tags_in_use(),
            "regions": Region.choices,
            "availabilities": selectors.Availability.choices,
            "own_profile": selectors.profile_of(request.user),
        },
    )


@members_only
@require_http_methods(["GET", "POST"])
def my_profile(request: HttpRequest) -> HttpResponse:
    profile = selectors.profile_of(request.user)
    if profile is None:
        return TemplateResponse(request, "experts/not_an_expert.html")
    form = OwnProfileForm(
        request.POST if request.method == "POST" else None,
        initial={
            "availability": profile.availability,
            "description": profile.description,
            "phone": profile.phone,
            "show_email": profile.show_email,
            "show_phone": profile.show_phone,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update_own(
                profile=profile, user=request.user, **form.cleaned_data
            )
        except ExpertsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your expert profile has been saved."))
            return redirect("experts:my_profile")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request,
        "experts/my_profile.html",
        {"form": form, "profile": profile},
        status=status,
    )


# --- requests -----------------------------------------------------------------------


@members_only
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    preset = request.GET.get("urgentie")
    form = HelpRequestForm(
        request.POST if request.method == "POST" else None,
        urgency=preset if preset in NEW_URGENCIES else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            help_request, created = services.request_create(
                requester=request.user,
                form_token=data["form_token"],
                municipality=data["municipality"],
                region=data["region"],
                urgency=data["urgency"],
                description=data["description"],
                expertise=[t.name for t in data["expertise"]],
                callback_phone=data["callback_phone"],
            )
        except ExpertsError as exc:
            form.add_error(None, str(exc))
        else:
            if created:
                messages.success(
                    request,
                    _(
                        "Your request has been sent. An adviser will contact you; "
                        "you will receive an e-mail when an expert is assigned."
                    ),
                )
            else:
                messages.info(request, _("This request had already been sent."))
            return redirect("experts:request", pk=help_request.pk)
    return TemplateResponse(
        request,
        "experts/request_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@members_only
def request_list(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "experts/request_list.html",
        {"lists": selectors.requests_for(user=request.user)},
    )


def _detail_page(
    request: HttpRequest, help_request: HelpRequest, form=None, status: int = 200
) -> HttpResponse:
    user = request.user
    return TemplateResponse(
        request,
        "experts/request_detail.html",
        {
            "help_request": help_request,
            "form": form or MessageForm(),
            "is_requester": help_request.requester_id == user.pk,
            "is_adviser": selectors.user_handles_requests(user),
            # Experts and advisers learn what was replaced by kind and number
            # only; the words replaced are the requester's alone.
            "replacements": replacements_by_kind([help_request.anonymised_text]),
        },
        status=status,
    )


@with_request
def request_detail(request: HttpRequest, help_request: HelpRequest) -> HttpResponse:
    return _detail_page(request, help_request)


@with_request
@require_POST
def request_message(request: HttpRequest, help_request: HelpRequest) -> HttpResponse:
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.message_post(
                help_request=help_request,
                author=request.user,
                body=form.cleaned_data["body"],
            )
        except ExpertsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect("experts:request", pk=help_request.pk)
    return _detail_page(request, help_request, form=form, status=400)


@with_request
@require_POST
def request_close(request: HttpRequest, help_request: HelpRequest) -> HttpResponse:
    try:
        services.request_close(help_request=help_request, user=request.user)
    except ExpertsError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The request has been closed."))
    return redirect("experts:request", pk=help_request.pk)


@with_request
@require_POST
def request_to_case(request: HttpRequest, help_request: HelpRequest) -> HttpResponse:
    try:
        case_pk = services.request_to_case_draft(
            help_request=help_request, user=request.user
        )
    except ExpertsError as exc:
        messages.error(request, str(exc))
        return redirect("experts:request", pk=help_request.pk)
    messages.success(
        request,
        _("A draft case has been made from your request. Complete it and submit it."),
    )
    return redirect("casebook:edit", pk=case_pk)


@with_request
@require_http_methods(["GET", "POST"])
def request_assign(request: HttpRequest, help_request: HelpRequest) -> HttpResponse:
    if not selectors.user_handles_requests(request.user):
        return _not_found(request)
    form = AssignForm(
        request.POST if request.method == "POST" else None,
        experts=selectors.experts_assignable(help_request=help_request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.experts_assign(
                help_request=help_request,
                experts=list(form.cleaned_data["experts"]),
                adviser=request.user,
            )
        except ExpertsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The experts have been assigned and informed."))
            return redirect("experts:request", pk=help_request.pk)
    suggested = selectors.experts_suggested(help_request=help_request)
    suggested_ids = {e.pk for e in suggested}
    others = [e for e in form.fields["experts"].queryset if e.pk not in suggested_ids]
    chosen = {str(v) for v in form["experts"].value() or []}
    return TemplateResponse(
        request,
        "experts/request_assign.html",
        {
            "help_request": help_request,
            "form": form,
            "suggested": suggested,
            "others": others,
            "chosen": chosen,
        },
        status=400 if form.errors else 200,
    )
