"""Registration actions and calendar downloads (not pages of their own)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts.decorators import members_only
from portal.accounts.selectors import user_is_member
from portal.core.honeypot import bot_caught
from portal.core.ratelimit import attempt_allowed

from .errors import RegistrationError, TopicError
from .feed_cache import feed_body
from .forms import TopicFollowForm, registration_form
from .ical import calendar_render
from .links import registration_from_token, topic_follow_from_token
from .models import EventKind, EventPage, kind_plural
from .selectors import event_public_or_404, registration_of
from .services import registration_cancel, registration_confirm, registration_create
from .states import lapsed_message, registration_lapsed
from .topics import topic_follow, topic_follow_delete, topic_unfollow

CALENDAR_TYPE = "text/calendar; charset=utf-8"
# Guests registering from one internet address in an hour: a whole team
# registering from one office fits; a script filling the waiting list not.
GUEST_LIMIT, GUEST_WINDOW = 20, 3600


def calendar_response(body: bytes, *, filename: str, inline: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def feed(request: HttpRequest, kind: str | None = None) -> HttpResponse:
    """All upcoming public events, or those of one kind, as a feed to subscribe
    to in Outlook, Google Calendar or Thunderbird."""
    if kind is not None and kind not in EventKind.values:
        raise Http404
    name = _("Leerkring meetings")
    if kind is not None:
        name = f"{name}: {EventKind(kind).label}"
    body = feed_body(kind=kind, base_url=request.build_absolute_uri("/"), name=name)
    return calendar_response(
        body, filename=f"leerkring-{kind or 'bijeenkomsten'}.ics", inline=True
    )


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One public event, to add to one's own calendar."""
    event = event_public_or_404(pk=pk)
    body = calendar_render([event], base_url=request.build_absolute_uri("/"))
    return calendar_response(body, filename=f"{event.slug}.ics", inline=False)


@require_POST
def event_register(request: HttpRequest, *, event: EventPage) -> HttpResponse:
    """The event page's form: a member registers with their account (and
    answers the event's questions), anyone else as a guest who confirms by
    e-mail."""
    user = request.user
    member = user_is_member(user)
    if not member and not attempt_allowed(
        request, scope="events:guest", limit=GUEST_LIMIT, window=GUEST_WINDOW
    ):
        messages.error(
            request,
            _(
                "Too many registrations from your internet address. "
                "Please try again in an hour."
            ),
        )
        return redirect(event.url)
    form = registration_form(event=event, user=user, member=member, data=request.POST)
    if not form.is_valid():
        return _event_page_with_form(request, event, form)
    if not member and bot_caught(request, form, name="guest registration"):
        # What a guest sees next; nothing is stored and no mail sent.
        messages.success(request, _confirm_by_mail_message(form.cleaned_data["email"]))
        return redirect(event.url)
    try:
        registration = registration_create(
            event=event,
            user=user if member else None,
            answers=form.answers(),
            **form.details(),
        )
    except RegistrationError as exc:
        messages.error(request, str(exc))
        return redirect(event.url)
    except ValidationError as exc:
        # The form checks what a visitor types; this catches what it cannot
        # see (details taken from an account), so it is a message, not a 500.
        messages.error(
            request,
            _("Your registration could not be saved: {errors}").format(
                errors=" ".join(exc.messages)
            ),
        )
        return redirect(event.url)
    if not member:
        # Whether the address was new or already registered, a guest hears
        # the same: the answer must not tell who is registered.
        messages.success(request, _confirm_by_mail_message(form.details()["email"]))
        return redirect(event.url)
    messages.success(request, _registered_message(registration))
    return redirect(event.url)


def _registered_message(registration) -> str:
    status = registration.Status
    if registration.status == status.CONFIRMED:
        return _(
            "You are registered. The confirmation with the invitation is in your mail."
        )
    if registration.status == status.PENDING_APPROVAL:
        return _(
            "Your registration has been received. An adviser approves it; "
            "you hear from us by e-mail."
        )
    if registration.status == status.WAITING:
        return _(
            "The meeting is full; you are on the waiting list. "
            "We mail you when a place frees up."
        )
    return _confirm_by_mail_message(registration.email)


def _confirm_by_mail_message(email: str) -> str:
    return _(
        "Almost done: confirm your registration with the link we e-mailed to {email}."
    ).format(email=email)


def _event_page_with_form(request, event: EventPage, form) -> HttpResponse:
    context = event.get_context(request)
    context["registration_form"] = form
    return render(request, event.get_template(request), context, status=400)


@require_http_methods(["GET", "POST"])
def event_cancel_own(request: HttpRequest, *, event: EventPage) -> HttpResponse:
    """A member cancels their own registration on the site: GET asks to
    confirm, the POST cancels (a calendar CANCEL goes out with the mail)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    registration = registration_of(event=event, user=request.user)
    if registration is None:
        messages.info(request, _("You are not registered for this meeting."))
        return redirect(event.url)
    if request.method == "POST":
        try:
            registration_cancel(registration=registration)
        except RegistrationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _action_done_message(registration, "cancel"))
        return redirect(_safe_next(request, default=event.url))
    return render(
        request,
        "events/registration_action.html",
        {
            "registration": registration,
            "event": event,
            "action": "cancel",
            "next": _safe_next(request, default=""),
        },
    )


def _safe_next(request: HttpRequest, *, default: str) -> str:
    """Where to go after the action: a page of this site only."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_http_methods(["GET", "POST"])
def registration_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    return _token_action(request, token, action="confirm")


@require_http_methods(["GET", "POST"])
def registration_cancel_view(request: HttpRequest, token: str) -> HttpResponse:
    return _token_action(request, token, action="cancel")


def _token_action(request: HttpRequest, token: str, *, action: str) -> HttpResponse:
    """GET shows what the link will do; only the POST acts, so that mail
    scanners which open links do not confirm or cancel anything."""
    registration = registration_from_token(token, action)
    if registration is None:
        return render(request, "events/registration_link_invalid.html", status=404)
    if request.method == "POST":
        service = registration_confirm if action == "confirm" else registration_cancel
        try:
            registration = service(registration=registration)
        except RegistrationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _action_done_message(registration, action))
        return redirect(registration.event.url)
    lapsed = action == "confirm" and registration_lapsed(registration)
    return render(
        request,
        "events/registration_action.html",
        {
            "registration": registration,
            "event": registration.event,
            "action": action,
            "refusal": lapsed_message() if lapsed else "",
        },
    )


def _action_done_message(registration, action: str) -> str:
    if action == "cancel":
        return _("Your registration has been cancelled.")
    return _registered_message(registration)


@members_only(title=gettext_lazy("Keep me informed"))
@require_POST
def topic_follow_view(request: HttpRequest) -> HttpResponse:
    """Follow or stop following a kind of meeting, from the agenda, an event
    page or the overview; back to where the member was."""
    back = _safe_next(request, default=reverse("accounts:overview"))
    form = TopicFollowForm(request.POST)
    if not form.is_valid():
        errors = [e for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join(errors))
        return redirect(back)
    kind, follow = form.cleaned_data["kind"], form.cleaned_data["follow"]
    kinds = kind_plural(kind)
    if not follow:
        topic_unfollow(user=request.user, kind=kind)
        messages.success(
            request,
            _("You no longer receive e-mail about new {kinds}.").format(kinds=kinds),
        )
        return redirect(back)
    try:
        topic_follow(
            user=request.user,
            kind=kind,
            home_region_only=form.cleaned_data["home_region_only"],
        )
    except TopicError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("We will e-mail you when new {kinds} open for registration.").format(
                kinds=kinds
            ),
        )
    return redirect(back)


@require_http_methods(["GET", "POST"])
def topic_unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    """From the announcement mail, without logging in. GET only asks, so
    that a mail program opening links in advance changes nothing."""
    follow, valid = topic_follow_from_token(token)
    if not valid:
        response = render(request, "events/topic_unsubscribe_invalid.html", status=400)
        add_never_cache_headers(response)
        return response
    done = follow is None
    kinds = kind_plural(follow.kind) if follow is not None else ""
    if request.method == "POST" and follow is not None:
        topic_follow_delete(follow=follow)
        done = True
    response = render(
        request, "events/topic_unsubscribe.html", {"kinds": kinds, "done": done}
    )
    add_never_cache_headers(response)
    return response
