"""Links in e-mails that work without logging in: a signed payload names
what the link is for. Every reader of such a link asks one question: is this
a genuine, unexpired link of this kind, and what does it name?"""

from collections.abc import Iterable
from typing import Any

from django.core import signing


def signed_link_data(
    token: str, *, salt: str, max_age: int | None, keys: Iterable[str]
) -> dict[str, Any] | None:
    """The payload of ``token``, or None for a forged, mangled, expired or
    foreign link, or one whose payload lacks any of ``keys``."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not set(keys) <= data.keys():
        return None
    return data
