"""Signing up, confirming and unsubscribing: all without an account."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.core.honeypot import bot_caught

from .forms import SignupForm
from .links import subscriber_id_from_token
from .ratelimit import signup_allowed
from .selectors import subscriber_by_id
from .services import subscriber_confirm, subscriber_signup, subscriber_unsubscribe


def _signed_up_message() -> str:
    # The same whatever the address's state, so that the form cannot be used
    # to find out who reads the newsletter.
    return _(
        "Thank you. Unless this address already receives the newsletter, an "
        "e-mail with a confirmation link is on its way; the subscription starts "
        "once you follow that link. Nothing received? Check your spam folder, "
        "or sign up again after a quarter of an hour for a new link."
    )


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _signup_post(request)
    initial = {}
    if request.user.is_authenticated:
        initial["email"] = request.user.email
    return _signup_page(request, SignupForm(initial=initial))


def _signup_post(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST)
    if not signup_allowed(request):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Too many sign-ups from your internet address. "
                "Please try again in an hour."
            ),
        )
        return _signup_page(request, form, status=429)
    if bot_caught(request, form, name="newsletter sign-up"):
        # Looks like success to the bot; nothing is stored or sent.
        messages.success(request, _signed_up_message())
        return redirect("newsletter:signup")
    if not form.is_valid():
        return _signup_page(request, form, status=400)
    subscriber_signup(email=form.cleaned_data["email"], name=form.cleaned_data["name"])
    messages.success(request, _signed_up_message())
    return redirect("newsletter:signup")


def _signup_page(request: HttpRequest, form: SignupForm, status: int = 200):
    return render(request, "newsletter/signup.html", {"form": form}, status=status)


def _link_invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/link_invalid.html", status=404)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST confirms, so mail scanners that open
    every link do not subscribe anyone."""
    subscriber = subscriber_by_id(subscriber_id_from_token(token, "confirm"))
    if subscriber is None:
        return _link_invalid(request)
    if request.method == "POST":
        subscriber_confirm(subscriber=subscriber)
        messages.success(
            request,
            _("Your subscription is confirmed. The next newsletter comes to you."),
        )
        return redirect("newsletter:signup")
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


# No CSRF check: the signed token in the address is the secret a forged
# request would lack, and mail programs' one-click unsubscribe (RFC 8058)
# posts here without any cookie.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; the POST (from it, or from the mail program)
    deletes the subscription. Works as often as it is followed."""
    subscriber_id = subscriber_id_from_token(token, "unsubscribe")
    if subscriber_id is None:
        return _link_invalid(request)
    if request.method == "POST":
        subscriber_unsubscribe(subscriber_id=subscriber_id)
        done = _("You have been unsubscribed; we have deleted your e-mail address.")
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(done, content_type="text/plain; charset=utf-8")
        messages.success(request, done)
        return redirect("newsletter:signup")
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"subscriber": subscriber_by_id(subscriber_id)},
    )
