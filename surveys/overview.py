"""What the surveys add to pages of other apps."""

from collections.abc import Mapping
from typing import Any

from .selectors import response_rate


def evaluation_section(event) -> Mapping[str, Any] | None:
    """The response rate of the meeting's evaluation, for its participants
    page; nothing while it has none."""
    rate = response_rate(event_id=event.pk)
    return None if rate is None else {"rate": rate}
