"""The casebook section of a member's overview (Mijn Leerkring)."""

from collections.abc import Mapping
from typing import Any

from django.db.models import OuterRef, Subquery

from .models import CaseMessage
from .selectors import cases_of

#: Cases shown; "My cases" lists them all.
SHOWN = 10


def overview_items(user) -> Mapping[str, Any] | None:
    """The member's latest cases, each marked when an adviser's question
    waits for an answer (the last message is the adviser's). One query
    for the cases, one for the count; None for someone without cases."""
    last_from_adviser = (
        CaseMessage.objects.filter(case=OuterRef("pk"), erased_at__isnull=True)
        .order_by("-created_at", "-pk")
        .values("from_adviser")[:1]
    )
    cases = cases_of(user=user).annotate(question_open=Subquery(last_from_adviser))
    shown = list(cases[:SHOWN])
    if not shown:
        return None
    return {"cases": shown, "more": max(cases.count() - SHOWN, 0)}
