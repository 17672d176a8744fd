"""Signed links in newsletter mails: confirming a sign-up and unsubscribing,
both without an account or a login.

The token carries only the subscriber's id and the action, signed with the
secret key, so it cannot be forged or turned into the other action, and no
e-mail address ends up in web server logs. Ids are never reused, so a link
of a deleted subscriber never points at someone else.
"""

from django.core import signing
from django.urls import reverse

from portal.core.mail import absolute_url
from portal.core.signed_links import signed_link_data

from .models import Subscriber

SALT = "knowledge.newsletter.subscriber"
# A sign-up not confirmed within this time is void and its row is purged.
CONFIRM_MAX_AGE = 7 * 24 * 3600
ACTIONS = {
    "confirm": "newsletter:confirm",
    "unsubscribe": "newsletter:unsubscribe",
}


def subscriber_path(subscriber: Subscriber, action: str) -> str:
    """The path for ``action``, for a page of this site."""
    token = signing.dumps({"s": subscriber.pk, "a": action}, salt=SALT)
    return reverse(ACTIONS[action], kwargs={"token": token})


def subscriber_link(subscriber: Subscriber, action: str) -> str:
    """The absolute URL for ``action``, for use in a mail."""
    return absolute_url(subscriber_path(subscriber, action))


def subscriber_id_from_token(token: str, action: str) -> int | None:
    """The subscriber id a genuine link for ``action`` names, or None for a
    forged, mangled, expired or foreign link. Unsubscribe links never expire:
    a mail from a year ago must still let its reader leave."""
    max_age = CONFIRM_MAX_AGE if action == "confirm" else None
    data = signed_link_data(token, salt=SALT, max_age=max_age, keys={"a", "s"})
    if data is None or data["a"] != action:
        return None
    subscriber_id = data.get("s")
    return subscriber_id if isinstance(subscriber_id, int) else None
