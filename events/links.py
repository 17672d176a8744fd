"""Signed links in e-mails: a guest confirms, anyone cancels, without logging in."""

from django.core import signing
from django.urls import reverse

from .models import Registration

SALT = "events.registration"
CONFIRM_MAX_AGE = 7 * 24 * 3600
ACTIONS = {
    "confirm": "events:registration_confirm",
    "cancel": "events:registration_cancel",
}


def registration_link(registration: Registration, action: str) -> str:
    token = signing.dumps({"r": registration.pk, "a": action}, salt=SALT)
    return reverse(ACTIONS[action], kwargs={"token": token})


def registration_from_token(token: str, action: str) -> Registration | None:
    """The registration a link is for, or None for a forged, mangled, expired
    or foreign link. Cancel links stay valid as long as the registration."""
    max_age = CONFIRM_MAX_AGE if action == "confirm" else None
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != action:
        return None
    return Registration.objects.select_related("event").filter(pk=data.get("r")).first()
