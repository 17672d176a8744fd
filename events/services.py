"""Every write to registrations goes through these functions."""

import copy
import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.ical import invitation_attachment
from portal.core.mail import absolute_url, mail_after_commit, mail_enqueue

from .audit import event_audit, registration_audit
from .errors import RegistrationError
from .exports import participants_csv
from .ical import invitation_method, invitation_render
from .links import registration_link
from .models import EventCalendarState, EventPage, Registration
from .selectors import event_participants
from .states import (
    EventState,
    accepts_registrations,
    event_state,
    lapsed_message,
    registration_lapsed,
    unconfirmed_lapsed_before,
)

logger = logging.getLogger(__name__)
Status = Registration.Status
HOLDS_PLACE = (Status.CONFIRMED,)


def _mail(
    *,
    template: str,
    registration: Registration,
    invite: bool = False,
    withdrawn: bool = False,
) -> None:
    """A mail to the registered person; ``invite`` attaches the calendar
    invitation for the event, or its cancellation when the event was
    cancelled or the person gave up their place (``withdrawn``).

    Rendered once the transaction commits, from a copy of the registration
    and event as they are now: the mail and its invitation cost more than
    the rest of a registration, and rendering them while the event's row is
    locked made every other registration for that event wait (55 a second
    at most). A rollback still sends nothing."""
    event = copy.copy(registration.event)
    registration = copy.copy(registration)
    registration.event = event

    def render_and_queue() -> None:
        _mail_render_and_queue(
            template=template,
            registration=registration,
            invite=invite,
            withdrawn=withdrawn,
        )

    # The registration stands when its mail cannot be made: logged, not a
    # server error for someone whose place is already saved.
    transaction.on_commit(render_and_queue, robust=True)


def _mail_render_and_queue(
    *, template: str, registration: Registration, invite: bool, withdrawn: bool
) -> None:
    event = registration.event
    attachments = []
    if invite:
        ics = invitation_render(
            event,
            attendee_email=registration.email,
            attendee_name=registration.name,
            base_url=absolute_url("/"),
            withdrawn=withdrawn,
        )
        method = invitation_method(event, withdrawn=withdrawn)
        attachments.append(invitation_attachment(ics, method=method))
    # One transaction: the queued mail and its task row are written together.
    with transaction.atomic():
        mail_after_commit(
            template=f"events/email/{template}",
            to=[registration.email],
            context={
                "registration": registration,
                "event": event,
                "event_url": absolute_url(event.url),
                "cancel_url": absolute_url(registration_link(registration, "cancel")),
                "confirm_url": absolute_url(registration_link(registration, "confirm")),
            },
            attachments=attachments,
        )


def _locked(event: EventPage) -> tuple[EventPage, int]:
    """Lock the event row so that concurrent registrations queue up behind
    each other, and count the places taken while holding the lock."""
    event = EventPage.objects.select_for_update().get(pk=event.pk)
    taken = event.registrations.filter(status__in=HOLDS_PLACE).count()
    return event, taken


def _has_place(event: EventPage, taken: int) -> bool:
    return event.capacity is None or taken < event.capacity


def _refusal(state: EventState) -> str:
    return {
        EventState.ANNOUNCED: _("Registration for this meeting has not opened yet."),
        EventState.CANCELLED: _("This meeting has been cancelled."),
        EventState.PAST: _("This meeting has already taken place."),
    }.get(state, _("It is no longer possible to register for this meeting."))


def _refuse_unless_open(event: EventPage, taken: int) -> None:
    state = event_state(event=event, confirmed=taken)
    if not accepts_registrations(state):
        raise RegistrationError(_refusal(state))


@transaction.atomic
def registration_create(
    *,
    event: EventPage,
    name: str,
    organisation: str,
    job_title: str,
    email: str,
    user=None,
    answers: list[dict[str, str]] | None = None,
) -> Registration:
    """Register a member (a place or the waiting list at once) or a guest
    (no place until the e-mail address is confirmed)."""
    event, taken = _locked(event)
    _refuse_unless_open(event, taken)
    email = email.strip().lower()
    existing = _active_for_address(event, email)
    if existing is not None and user is None:
        # A guest learns nothing about the address: they get the same answer
        # as for a new registration, and its owner gets the mail.
        _mail(template="already_registered", registration=existing)
        return existing
    if existing is not None:
        raise RegistrationError(
            _("{email} is already registered for this meeting.").format(email=email)
        )
    registration = Registration(
        event=event,
        user=user,
        name=name.strip(),
        organisation=organisation.strip(),
        job_title=job_title.strip(),
        email=email,
        status=Status.UNCONFIRMED,
        answers=answers or [],
    )
    if user is not None:
        # A member is known: saved at once with a place, on the waiting list
        # or awaiting approval, one write while the event is locked.
        registration.status, registration.confirmed_at = _known_status(event, taken)
    _validate_fields(registration)
    try:
        # No savepoint: the error ends this function's transaction anyway.
        registration.save()
    except IntegrityError as exc:  # a parallel request registered the same e-mail
        raise RegistrationError(
            _("{email} is already registered for this meeting.").format(email=email)
        ) from exc
    if user is None:
        _mail(template="guest_confirm", registration=registration)
    else:
        _mail_for_status(registration)
    return registration


def _refuse_unless_ahead(event: EventPage, taken: int) -> None:
    """An adviser may add and seat people after registration closed or
    filled up, but not for a meeting that was cancelled or took place."""
    state = event_state(event=event, confirmed=taken)
    if state in (EventState.CANCELLED, EventState.PAST):
        raise RegistrationError(_refusal(state))


@transaction.atomic
def registration_add_by_adviser(
    *, event: EventPage, name: str, organisation: str, job_title: str, email: str, by
) -> Registration:
    """The adviser ``by`` registers someone by hand (who phoned, or signed
    up on paper): a place if there is one, otherwise the waiting list, and
    the same mail as anyone registering. The adviser vouches for the
    address, so it needs no confirmation; an account with that address gets
    the registration on its overview."""
    from portal.accounts.models import User  # noqa: PLC0415 - accounts is below

    event, taken = _locked(event)
    _refuse_unless_ahead(event, taken)
    email = email.strip().lower()
    if _active_for_address(event, email) is not None:
        raise RegistrationError(
            _("{email} is already registered for this meeting.").format(email=email)
        )
    registration = Registration(
        event=event,
        user=User.objects.filter(email__iexact=email, is_active=True).first(),
        name=name.strip(),
        organisation=organisation.strip(),
        job_title=job_title.strip(),
        email=email,
        status=Status.UNCONFIRMED,
    )
    _validate_fields(registration)
    registration.save()
    registration = _seat_or_wait(registration, taken)
    registration_audit(registration, "add", by=by, new_status=registration.status)
    return registration


@transaction.atomic
def registration_promote_by_adviser(*, registration: Registration, by) -> Registration:
    """The adviser ``by`` gives someone on the waiting list a place now,
    even beyond the number of places (a speaker, a colleague who must be
    there), with the promotion mail and invitation."""
    event, taken = _locked(registration.event)
    _refuse_unless_ahead(event, taken)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.WAITING:
        raise RegistrationError(_("This registration is not on the waiting list."))
    registration.event = event
    _promote(registration, by=by)
    return registration


def _validate_fields(registration: Registration) -> None:
    """The typed fields only. The event is the row we hold locked and the
    account is the caller's, so looking either up again proves nothing; the
    one-active-registration constraint was checked under the lock (and the
    database enforces it). Each check was a query while the event is locked."""
    registration.full_clean(exclude=["event", "user"], validate_constraints=False)


def _active_for_address(event: EventPage, email: str) -> Registration | None:
    """The registration that holds ``email`` at ``event``, if any. One that
    was never confirmed is dropped instead: anyone can type an address, so it
    must not keep the address's owner (a member, or the guest registering
    again) from registering. Call with the event locked."""
    active = event.registrations.select_for_update().filter(email=email)
    existing = active.exclude(status=Status.CANCELLED).first()
    if existing is None or existing.status != Status.UNCONFIRMED:
        return existing
    existing.delete()
    logger.info("unconfirmed registration dropped for a new one at %s", event.pk)
    return None


def _place_or_wait(event: EventPage, taken: int) -> tuple[str, dt.datetime | None]:
    """A place (confirmed now) while there is one, else the waiting list."""
    if _has_place(event, taken):
        return Status.CONFIRMED, timezone.now()
    return Status.WAITING, None


def _known_status(event: EventPage, taken: int) -> tuple[str, dt.datetime | None]:
    """The status (and time confirmed) of someone whose identity we know:
    an adviser approves first where the event asks for it, otherwise a
    place or the waiting list right away."""
    if event.requires_approval:
        return Status.PENDING_APPROVAL, None
    return _place_or_wait(event, taken)


# The mail for each status _known_status gives, and whether it carries the
# calendar invitation.
_MAIL_FOR_STATUS = {
    Status.PENDING_APPROVAL: ("awaiting_approval", False),
    Status.CONFIRMED: ("confirmed", True),
    Status.WAITING: ("waiting", False),
}


def _mail_for_status(registration: Registration) -> None:
    template, invite = _MAIL_FOR_STATUS[registration.status]
    _mail(template=template, registration=registration, invite=invite)


def _status_given(
    registration: Registration, status: tuple[str, dt.datetime | None]
) -> Registration:
    """Save the status (and time confirmed) and send its mail."""
    registration.status, registration.confirmed_at = status
    registration.save(update_fields=["status", "confirmed_at"])
    _mail_for_status(registration)
    return registration


def _identity_confirmed(registration: Registration, taken: int) -> Registration:
    """A guest confirmed their address: now we know who it is."""
    return _status_given(registration, _known_status(registration.event, taken))


def _seat_or_wait(registration: Registration, taken: int) -> Registration:
    """A place if there is one, else the waiting list: no approval asked
    (an adviser decides or adds by hand)."""
    return _status_given(registration, _place_or_wait(registration.event, taken))


@transaction.atomic
def registration_confirm(*, registration: Registration) -> Registration:
    """A guest confirmed their address: a place if there is one, otherwise
    the waiting list. Confirming twice changes nothing."""
    event, taken = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        # An old confirmation link after the guest withdrew: confirming it
        # must not bring a withdrawn registration back.
        raise RegistrationError(_("This registration has already been cancelled."))
    if registration.status != Status.UNCONFIRMED:
        return registration
    if registration_lapsed(registration):
        raise RegistrationError(lapsed_message())
    _refuse_unless_open(event, taken)
    registration.event = event
    return _identity_confirmed(registration, taken)


@transaction.atomic
def registration_decide(
    *, registration: Registration, approve: bool, by=None
) -> Registration:
    """The adviser ``by`` approves (a place or the waiting list) or declines
    a registration that waits for approval."""
    event, taken = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.PENDING_APPROVAL:
        raise RegistrationError(_("This registration is not waiting for approval."))
    registration.event = event
    if approve:
        registration = _seat_or_wait(registration, taken)
    else:
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        _mail(template="declined", registration=registration)
    registration_audit(
        registration,
        "approve" if approve else "decline",
        by=by,
        old_status=Status.PENDING_APPROVAL.value,
        new_status=registration.status,
    )
    return registration


@transaction.atomic
def registration_cancel(
    *, registration: Registration, notify: bool = True
) -> Registration:
    """Cancel a place or leave the waiting list; a freed place goes to the
    first person waiting, in the same transaction. ``notify=False`` sends the
    cancelling person no mail (their account is being erased)."""
    event, _taken = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        return registration
    if event.is_past:
        raise RegistrationError(_("This meeting has already taken place."))
    freed_place = registration.status in HOLDS_PLACE
    registration.status, registration.cancelled_at = Status.CANCELLED, timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if notify:
        if freed_place:
            # Their calendar holds the invitation: a CANCEL with a higher
            # SEQUENCE takes it out (the others' copies are not touched).
            event.calendar_state = _calendar_sequence_raised(event)
            registration.event = event
        _mail(
            template="cancelled",
            registration=registration,
            invite=freed_place,
            withdrawn=freed_place,
        )
    if freed_place:
        _promote_first_waiting(event)
    return registration


def _promote_first_waiting(event: EventPage) -> bool:
    first = (
        event.registrations.select_for_update()
        .filter(status=Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if first is None:
        return False
    # The platform's act (a cancellation or more places set it off); in an
    # admin request Wagtail's log names the adviser who caused it.
    _promote(first, by=None)
    return True


def _promote(registration: Registration, *, by) -> None:
    """A place for someone on the waiting list (the caller holds the
    locks), with the audit entry and the promotion mail and invitation."""
    registration.status, registration.confirmed_at = Status.CONFIRMED, timezone.now()
    registration.save(update_fields=["status", "confirmed_at"])
    registration_audit(
        registration,
        "promote",
        by=by,
        old_status=Status.WAITING.value,
        new_status=registration.status,
    )
    logger.info("registration %s promoted from the waiting list", registration.pk)
    _mail(template="promoted", registration=registration, invite=True)


@transaction.atomic
def waiting_list_fill(*, event: EventPage) -> int:
    """Give places that became free without a cancellation (an adviser
    raised the capacity) to the people waiting, first come first served,
    each with the promotion mail. Returns how many were promoted."""
    event, taken = _locked(event)
    if event.cancelled or event.is_past:
        return 0
    promoted = 0
    while _has_place(event, taken + promoted):
        if not _promote_first_waiting(event):
            break
        promoted += 1
    return promoted


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Mail every confirmed participant of an event starting within the next
    24 hours who has had no reminder yet. Safe to run every hour: each
    registration is marked in the same transaction as its mail is queued,
    and rows another run is handling are skipped."""
    now = now or timezone.now()
    sent = 0
    candidates = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__live=True,
        event__cancelled=False,
        event__starts_at__gt=now,
        event__starts_at__lte=now + dt.timedelta(hours=24),
    ).values_list("pk", flat=True)
    for pk in list(candidates):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(skip_locked=True)
                .select_related("event")
                .filter(pk=pk, reminder_sent_at__isnull=True)
                .first()
            )
            if registration is None:
                continue
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at"])
            _mail(template="reminder", registration=registration, invite=True)
            sent += 1
    return sent


@transaction.atomic
def registrations_anonymise_expired(*, now: dt.datetime | None = None) -> int:
    """Erase the personal data of participants of events that ended longer
    ago than EVENTS_RETENTION_DAYS. The rows stay, without name, e-mail or
    account, so attendance counts per event remain."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.EVENTS_RETENTION_DAYS)
    expired = Registration.objects.filter(
        event__ends_at__lt=cutoff, anonymised_at__isnull=True
    )
    per_event = dict(expired.order_by().values_list("event").annotate(n=Count("pk")))
    # Answers are free text and may name people; organisation and attendance
    # stay, for the counts.
    count = expired.update(
        name="", job_title="", email="", user=None, answers=[], anonymised_at=now
    )
    for event in EventPage.objects.filter(pk__in=per_event).order_by("pk"):
        event_audit(event, "anonymise", count=per_event[event.pk])
    logger.info("anonymised %s registrations of events before %s", count, cutoff)
    return count


def registrations_purge_unconfirmed(*, now: dt.datetime | None = None) -> int:
    """Delete guests' registrations that lapsed unconfirmed: nobody proved
    the address, so neither it nor the details typed with it are kept."""
    lapsed = Registration.objects.filter(
        status=Status.UNCONFIRMED, created_at__lt=unconfirmed_lapsed_before(now)
    )
    _total, deleted = lapsed.delete()
    count = deleted.get(Registration._meta.label, 0)
    logger.info("deleted %s lapsed unconfirmed registrations", count)
    return count


@transaction.atomic
def event_changes_notify(*, event: EventPage) -> int:
    """After a publish: tell participants once when the event was cancelled
    or its time, place or link changed, with an updated invitation (same
    UID, higher SEQUENCE, or METHOD:CANCEL). Returns the number of mails."""
    event = EventPage.objects.get(pk=event.pk)
    state, created = EventCalendarState.objects.select_for_update().get_or_create(
        event=event, defaults={"notified_schedule": event.schedule}
    )
    cancelled_now = event.cancelled and not state.cancellation_notified
    moved = not created and event.schedule != state.notified_schedule
    state.notified_schedule = event.schedule
    state.cancellation_notified = event.cancelled
    if not (cancelled_now or moved) or event.is_past:
        state.save()
        return 0
    state.sequence += 1
    state.save()
    event.calendar_state = state
    return _tell_participants(event, cancelled=cancelled_now)


def _calendar_sequence_raised(event: EventPage) -> EventCalendarState:
    """The event's calendar state with SEQUENCE one higher: every calendar
    message after this one must outrank it. The schedule already told is
    kept (a first state records the current one, as a first publish does)."""
    state, _created = EventCalendarState.objects.select_for_update().get_or_create(
        event=event, defaults={"notified_schedule": event.schedule}
    )
    state.sequence += 1
    state.save(update_fields=["sequence"])
    return state


def _tell_participants(event: EventPage, *, cancelled: bool) -> int:
    template = "event_cancelled" if cancelled else "event_changed"
    informed = event.registrations.filter(
        status__in=[Status.CONFIRMED, Status.WAITING, Status.UNCONFIRMED]
    ).exclude(  # a lapsed one would get a fresh confirmation link
        status=Status.UNCONFIRMED, created_at__lt=unconfirmed_lapsed_before()
    )
    count = 0
    for registration in informed:
        registration.event = event
        holds_place = registration.status == Status.CONFIRMED
        _mail(template=template, registration=registration, invite=holds_place)
        count += 1
    return count


@transaction.atomic
def attendance_record(*, event: EventPage, attended_ids: set[int], by=None) -> int:
    """Mark who of the confirmed participants attended; returns how many."""
    confirmed = event.registrations.filter(status=Status.CONFIRMED)
    confirmed.update(attended=False)
    present = confirmed.filter(pk__in=attended_ids).update(attended=True)
    event_audit(event, "attendance", by=by, present=present)
    return present


def participants_message(*, event: EventPage, subject: str, body: str, by=None) -> int:
    """Mail everyone with a place at ``event``; returns the number of mails."""
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise RegistrationError(_("Give both a subject and a message."))
    recipients = list(
        event.registrations.filter(status=Status.CONFIRMED).values_list(
            "email", flat=True
        )
    )
    # Not in a transaction: each mail is queued as it is written.
    for email in recipients:
        message = EmailMultiAlternatives(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
        mail_enqueue(message, after_commit=False)
    logger.info("message to %s participants of event %s", len(recipients), event.pk)
    # After the last mail was queued: a failure on the way logs nothing. Not
    # the subject or the text, which may name people.
    with transaction.atomic():
        event_audit(event, "message", by=by, recipients=len(recipients))
    return len(recipients)


@transaction.atomic
def participants_export(*, event: EventPage, by) -> bytes:
    """The participant list of ``event`` as CSV for the adviser ``by``;
    the audit log records who took it and how many rows it held."""
    registrations = list(event_participants(event=event))
    data = participants_csv(registrations)
    event_audit(event, "export", by=by, rows=len(registrations))
    return data
