"""Advisers' view of the participants of each event, in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from portal.core.params import parse_id

from .errors import RegistrationError
from .models import EventPage
from .participants_sections import participants_sections
from .selectors import event_participants, events_for_management
from .services import (
    attendance_record,
    participants_export,
    participants_message,
    registration_add_by_adviser,
    registration_decide,
    registration_promote_by_adviser,
)

PERMISSION = "events.manage_registrations"


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Message"), max_length=10_000, widget=forms.Textarea
    )


class AddParticipantForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    organisation = forms.CharField(label=gettext_lazy("Organisation"), max_length=200)
    job_title = forms.CharField(label=gettext_lazy("Function"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("E-mail address"))


def _managers_only(view):
    return permission_required(PERMISSION, raise_exception=True)(view)


def _event_or_404(pk: int) -> EventPage:
    try:
        return EventPage.objects.get(pk=pk)
    except EventPage.DoesNotExist as exc:
        raise Http404 from exc


@_managers_only
def index(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "events/admin/index.html", {"events": events_for_management()}
    )


@_managers_only
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    return TemplateResponse(
        request,
        "events/admin/participants.html",
        {
            "event": event,
            "registrations": event_participants(event=event),
            "message_form": MessageForm(),
            "add_form": AddParticipantForm(),
            "sections": participants_sections(event),
        },
    )


@require_POST
@_managers_only
def add(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    form = AddParticipantForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Not added: give a name, organisation, function and e-mail address."),
        )
        return redirect("event_participants:participants", pk=event.pk)
    try:
        registration = registration_add_by_adviser(
            event=event, by=request.user, **form.cleaned_data
        )
    except RegistrationError as exc:
        messages.error(request, str(exc))
    else:
        done = (
            _("{name} has a place; the confirmation is mailed.")
            if registration.status == registration.Status.CONFIRMED
            else _("The meeting is full: {name} is on the waiting list.")
        )
        messages.success(request, done.format(name=registration.name))
    return redirect("event_participants:participants", pk=event.pk)


@require_POST
@_managers_only
def promote(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    registration = event.registrations.filter(pk=registration_pk).first()
    if registration is None:
        raise Http404
    try:
        registration_promote_by_adviser(registration=registration, by=request.user)
    except RegistrationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("{name} has a place now.").format(name=registration.name)
        )
    return redirect("event_participants:participants", pk=event.pk)


@_managers_only
def export(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    response = HttpResponse(
        participants_export(event=event, by=request.user),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="deelnemers-{event.slug}.csv"'
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@_managers_only
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    # Anything but an id (a hand-made "²", a number past 2^63) is no one.
    ids = {parse_id(v) for v in request.POST.getlist("attended")} - {None}
    count = attendance_record(event=event, attended_ids=ids, by=request.user)
    messages.success(request, _("Attendance saved: {n} present.").format(n=count))
    return redirect("event_participants:participants", pk=event.pk)


@require_POST
@_managers_only
def message(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Not sent: give a subject and a message (at most 10,000 characters)."),
        )
        return redirect("event_participants:participants", pk=event.pk)
    try:
        count = participants_message(event=event, by=request.user, **form.cleaned_data)
    except RegistrationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            ngettext(
                "Message sent to {n} participant.",
                "Message sent to {n} participants.",
                count,
            ).format(n=count),
        )
    return redirect("event_participants:participants", pk=event.pk)


@require_POST
@_managers_only
def decide(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    registration = event.registrations.filter(pk=registration_pk).first()
    if registration is None:
        raise Http404
    approve = request.POST.get("decision") == "approve"
    try:
        registration_decide(registration=registration, approve=approve, by=request.user)
    except RegistrationError as exc:
        messages.error(request, str(exc))
    else:
        done = _("{name} approved.") if approve else _("{name} declined.")
        messages.success(request, done.format(name=registration.name))
    return redirect("event_participants:participants", pk=event.pk)
