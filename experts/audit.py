"""The expert network's entries in the audit log (see portal.core.audit):
a help request by its number only, never the municipality's story."""

from typing import Any

from django.utils.translation import gettext as _

from portal.core.audit import audit_log

from .models import CoffeeBooking, HelpRequest


def request_audit(help_request: HelpRequest, action: str, *, by, **data: Any) -> None:
    audit_log(
        instance=help_request,
        action=f"leerkring.helprequest.{action}",
        user=by,
        label=_("Help request #{id}").format(id=help_request.pk),
        data=data,
    )


def coffee_audit(booking: CoffeeBooking, action: str, *, by, **data: Any) -> None:
    """A booking by its number: never who booked or the topic."""
    audit_log(
        instance=booking,
        action=f"leerkring.coffee.{action}",
        user=by,
        label=_("Coffee booking #{id}").format(id=booking.pk),
        data=data,
    )
