"""The pages of the digital cup of coffee: the free slots and booking, a
host's own slots, and the confirmation steps of cancelling and removing.

A booking's page answers 404 to anyone but its member and its host, and a
slot's to anyone but its host, whatever the id."""

from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from portal.accounts.decorators import members_only as members_only_for

from ..errors import ExpertsError
from ..models import CoffeeBooking, CoffeeSlot
from . import selectors, services
from .forms import BookingForm, SlotForm

members_only = members_only_for(title=gettext_lazy("Digital cup of coffee"))


def _private(view):
    """Never cached, and 404 (rather than a login) for whoever may not
    see the object: nobody learns which bookings exist."""

    @wraps(view)
    def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
        try:
            response = view(request, pk)
        except Http404:
            response = TemplateResponse(request, "404.html", status=404)
        add_never_cache_headers(response)
        return response

    return wrapped


@members_only
@require_http_methods(["GET", "POST"])
def coffee(request: HttpRequest) -> HttpResponse:
    """The free slots by host, and booking one (with an optional topic)."""
    form = BookingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.booking_create(
                slot_id=form.cleaned_data["slot"],
                member=request.user,
                topic=form.cleaned_data["topic"],
            )
        except ExpertsError as exc:
            form.add_error("slot", str(exc))
        else:
            messages.success(request, _booked_message(booking))
            return redirect("experts:coffee")
    return TemplateResponse(
        request,
        "experts/coffee.html",
        {
            "form": form,
            "hosts": selectors.slots_free_by_host(viewer=request.user),
            "bookings": selectors.bookings_of_member(user=request.user),
            "may_host": selectors.user_may_host(request.user),
            "chosen": form["slot"].value(),
        },
        status=400 if form.errors else 200,
    )


def _booked_message(booking: CoffeeBooking) -> str:
    return _(
        "Your digital cup of coffee with {host} is booked. You and the host "
        "receive an e-mail with a calendar invitation."
    ).format(host=booking.slot.host.get_full_name())


@members_only
@require_http_methods(["GET", "POST"])
def host(request: HttpRequest) -> HttpResponse:
    """A host's upcoming slots (free and booked) and the form to add one."""
    if not selectors.user_may_host(request.user):
        return TemplateResponse(request, "experts/coffee_not_a_host.html", status=403)
    form = SlotForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.slot_create(
                host=request.user,
                starts_at=data["starts_at"],
                minutes=data["minutes"],
                meeting_url=data["meeting_url"],
            )
        except ExpertsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The time slot has been added."))
            return redirect("experts:coffee_host")
    return TemplateResponse(
        request,
        "experts/coffee_host.html",
        {"form": form, "slots": selectors.slots_of_host(host=request.user)},
        status=400 if form.errors else 200,
    )


@_private
@require_http_methods(["GET", "POST"])
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm; the POST cancels, for the member or the host."""
    booking = selectors.booking_visible_or_404(pk=pk, user=request.user)
    is_host = booking.slot.host_id == request.user.pk
    back = "experts:coffee_host" if is_host else "experts:coffee"
    if request.method == "POST":
        try:
            services.booking_cancel(booking=booking, by=request.user)
        except ExpertsError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _(
                    "The digital cup of coffee has been cancelled; the time is "
                    "free again. You both receive an e-mail."
                ),
            )
        return redirect(back)
    return _confirm_page(
        request, slot=booking.slot, booking=booking, action="cancel", back=back
    )


@_private
@require_http_methods(["GET", "POST"])
def slot_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm; the POST removes the slot (cancelling a booking
    of it, with mail to the member)."""
    slot = selectors.slot_of_host_or_404(pk=pk, user=request.user)
    if request.method == "POST":
        try:
            services.slot_remove(slot=slot, host=request.user)
        except ExpertsError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The time slot has been removed."))
        return redirect("experts:coffee_host")
    return _confirm_page(
        request,
        slot=slot,
        booking=slot.booking,
        action="remove",
        back="experts:coffee_host",
    )


def _confirm_page(
    request: HttpRequest,
    *,
    slot: CoffeeSlot,
    booking: CoffeeBooking | None,
    action: str,
    back: str,
) -> HttpResponse:
    return TemplateResponse(
        request,
        "experts/coffee_confirm.html",
        {
            "slot": slot,
            "booking": booking,
            "action": action,
            "back": back,
            "is_host": slot.host_id == request.user.pk,
        },
    )
