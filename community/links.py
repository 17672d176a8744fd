"""Signed unfollow links in e-mails: they work without logging in, for one
member and one discussion, and expire so an old forwarded mail stops working."""

from django.core import signing
from django.urls import reverse

from portal.core.signed_links import signed_link_data

from .models import Follow

SALT = "community.unfollow"
MAX_AGE = 90 * 24 * 3600


def unfollow_link(follow: Follow) -> str:
    token = signing.dumps({"t": follow.thread_id, "u": follow.user_id}, salt=SALT)
    return reverse("community:unfollow_by_link", kwargs={"token": token})


def follow_from_token(token: str) -> tuple[Follow | None, bool]:
    """``(follow, valid)``: the follow a link is for, or None if the member
    already stopped following; ``valid`` is False for a forged, mangled or
    expired link."""
    data = signed_link_data(token, salt=SALT, max_age=MAX_AGE, keys={"t", "u"})
    if data is None:
        return None, False
    follow = (
        Follow.objects.select_related("thread")
        .filter(thread_id=data["t"], user_id=data["u"])
        .first()
    )
    return follow, True
