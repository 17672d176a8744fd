"""Requests and messages are plain text: bleach strips every tag, the
template escapes what is left and turns line breaks into breaks."""

import html
import re

import bleach
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from .errors import ExpertsError
from .models import Urgency

MAX_TEXT_LENGTH = 10_000
MAX_LINE_LENGTH = 200


def _length_message(length: int, limit: int) -> str:
    return _(
        "This text is {length} characters long; the limit is {limit}. Shorten it."
    ).format(
        length=f"{length:,}".replace(",", "."), limit=f"{limit:,}".replace(",", ".")
    )


def text_clean(raw: str, *, limit: int = MAX_TEXT_LENGTH) -> str:
    """Plain text without any markup; paragraphs and line breaks kept."""
    raw = (raw or "").replace("\x00", "").replace("\r\n", "\n")
    if len(raw) > limit:
        raise ExpertsError(_length_message(len(raw), limit))
    stripped = bleach.clean(raw, tags=set(), strip=True, strip_comments=True)
    text = html.unescape(stripped)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def line_clean(raw: str, *, limit: int = MAX_LINE_LENGTH) -> str:
    """One line, whitespace folded."""
    text = " ".join(text_clean(raw, limit=MAX_TEXT_LENGTH).split())
    if len(text) > limit:
        raise ExpertsError(_length_message(len(text), limit))
    return text


#: What a phone number may hold besides its digits: "+31 (0)6-123 456 78".
_PHONE_MARKS = frozenset(" +-().")


def callback_phone_clean(number: str, urgency: str) -> str:
    """The call-back number as typed, spaces tidied; ExpertsError when it
    is no phone number, or missing for acute help."""
    number = " ".join(number.split())
    if not number:
        if urgency == Urgency.ACUTE:
            raise ExpertsError(
                _("Give a number to call you back on: acute help starts by phone.")
            )
        return ""
    digits = sum(ch.isdigit() for ch in number)
    if any(not (ch.isdigit() or ch in _PHONE_MARKS) for ch in number) or not (
        10 <= digits <= 15
    ):
        raise ExpertsError(
            _("Give the call-back number as digits, for example 06-12345678.")
        )
    return number


MAX_URL_LENGTH = 500


def meeting_url_clean(raw: str) -> str:
    """A meeting link: empty (the host calls), or an https address."""
    url = (raw or "").strip()
    if not url:
        return ""
    if len(url) > MAX_URL_LENGTH:
        raise ExpertsError(_length_message(len(url), MAX_URL_LENGTH))
    try:
        URLValidator(schemes=["https"])(url)
    except ValidationError as exc:
        raise ExpertsError(
            _(
                "Give the meeting link as a full address that starts with "
                "https://, or leave it empty if you will call."
            )
        ) from exc
    return url
