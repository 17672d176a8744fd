"""The events app's entries in the audit log (see portal.core.audit). A
registration is named by its number and its event, never by the person;
actions on a whole participant list are entries of the event page."""

from typing import Any

from django.utils.translation import gettext as _

from portal.core.audit import audit_log

from .models import EventPage, Registration


def registration_audit(
    registration: Registration, action: str, *, by=None, **data: Any
) -> None:
    audit_log(
        instance=registration,
        action=f"leerkring.registration.{action}",
        user=by,
        label=_("Registration #{id} for {event}").format(
            id=registration.pk, event=registration.event.title
        ),
        data=data,
    )


def event_audit(event: EventPage, action: str, *, by=None, **data: Any) -> None:
    audit_log(
        instance=event,
        action=f"leerkring.event.{action}",
        user=by,
        label=event.get_admin_display_title(),
        data=data,
    )
