"""Signed links in e-mails: a guest confirms, anyone cancels, without logging in."""

from django.core import signing
from django.urls import reverse

from portal.core.signed_links import signed_link_data

from .models import Registration, TopicFollow

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
    data = signed_link_data(token, salt=SALT, max_age=max_age, keys={"a", "r"})
    if data is None or data["a"] != action:
        return None
    return Registration.objects.select_related("event").filter(pk=data.get("r")).first()


TOPIC_SALT = "events.topic_unsubscribe"
#: A forwarded old announcement stops working after a year.
TOPIC_MAX_AGE = 365 * 24 * 3600


def topic_unsubscribe_link(follow: TopicFollow) -> str:
    token = signing.dumps({"u": follow.user_id, "k": follow.kind}, salt=TOPIC_SALT)
    return reverse("events:topic_unsubscribe", kwargs={"token": token})


def topic_follow_from_token(token: str) -> tuple[TopicFollow | None, bool]:
    """``(follow, valid)``: the follow a link is for, or None when the member
    stopped following already; ``valid`` is False for a forged, mangled or
    expired link."""
    data = signed_link_data(
        token, salt=TOPIC_SALT, max_age=TOPIC_MAX_AGE, keys={"u", "k"}
    )
    if data is None:
        return None, False
    follow = TopicFollow.objects.filter(user_id=data["u"], kind=data["k"]).first()
    return follow, True
