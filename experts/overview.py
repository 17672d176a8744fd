"""The help-requests section of a member's overview (Mijn Leerkring)."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Case, IntegerField, Value, When

from .models import HelpRequest, RequestStatus

#: Requests shown; "My requests for help" lists them all.
SHOWN = 10


def overview_items(user) -> Mapping[str, Any] | None:
    """The member's own requests, open ones first, newest first. One query;
    None for someone who never asked for help."""
    requests = list(
        HelpRequest.objects.filter(requester=user).order_by(
            Case(
                When(status=RequestStatus.CLOSED, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            "-created_at",
            "-pk",
        )[:SHOWN]
    )
    return {"requests": requests} if requests else None
