"""Every write of the digital cup of coffee: offering and removing a slot,
booking and cancelling, the purge after the conversation, and what an
account deletion cancels. Mail to host and member carries the calendar
invitation (REQUEST) or its cancellation (CANCEL, same UID, SEQUENCE one
higher)."""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.accounts.selectors import user_is_adviser, user_is_member
from portal.core.audit import audit_log_list
from portal.core.ical import invitation_attachment
from portal.core.mail import absolute_url, mail_after_commit

from ..audit import coffee_audit
from ..errors import ExpertsError, NotAllowed, SlotTaken
from ..models import CoffeeBooking, CoffeeSlot
from ..sanitise import meeting_url_clean, text_clean
from .invitations import booking_invitation_render, booking_method
from .selectors import user_may_host

logger = logging.getLogger(__name__)
BOOKED = CoffeeBooking.Status.BOOKED

#: The lengths a host may offer, in minutes.
DURATIONS = (15, 30, 45, 60)
#: How far ahead a slot may be offered.
MAX_AHEAD = dt.timedelta(days=365)
TOPIC_LIMIT = 500


# --- mail ---------------------------------------------------------------------------


def _mail_both(booking: CoffeeBooking, *, cancelled_by=None, tell=None) -> None:
    """The host and the member each get a mail with the invitation, or with
    its cancellation once the booking is cancelled; ``tell`` limits who."""
    slot, host, member = booking.slot, booking.slot.host, booking.member
    page_url = absolute_url(reverse("experts:coffee"))
    with translation.override(settings.LANGUAGE_CODE):
        ics = booking_invitation_render(booking, page_url=page_url)
    attachment = invitation_attachment(ics, method=booking_method(booking))
    context = {
        "booking": booking,
        "slot": slot,
        "host": host,
        "member": member,
        "page_url": page_url,
        "host_url": absolute_url(reverse("experts:coffee_host")),
        "cancel_url": absolute_url(
            reverse("experts:coffee_cancel", kwargs={"pk": booking.pk})
        ),
        "by_host": cancelled_by is not None and cancelled_by.pk == host.pk,
    }
    for recipient, role in ((member, "member"), (host, "host")):
        if not recipient.is_active or (tell is not None and recipient not in tell):
            continue
        template = "coffee_booked_" + role if booking.is_booked else "coffee_cancelled"
        mail_after_commit(
            template=f"experts/email/{template}",
            to=[recipient.email],
            context={**context, "recipient": recipient, "is_host": role == "host"},
            attachments=[attachment],
        )


def _audit_by(user):
    """An adviser's act names them in the advisers' log; a member's own is
    the platform's, as with help requests (no member names in the log)."""
    return user if user_is_adviser(user) else None


# --- slots --------------------------------------------------------------------------


def _require_host(user) -> None:
    if not user_may_host(user):
        raise NotAllowed(
            _("Only advisers and experts of the network can offer time slots.")
        )


def _check_time(starts_at: dt.datetime, minutes: int, now: dt.datetime) -> None:
    if minutes not in DURATIONS:
        raise ExpertsError(_("Choose a length from the list."))
    if starts_at <= now:
        raise ExpertsError(_("This time has passed. Choose a time in the future."))
    if starts_at > now + MAX_AHEAD:
        raise ExpertsError(_("Offer times up to a year ahead."))


def _overlapping(host, starts_at: dt.datetime, ends_at: dt.datetime):
    return (
        CoffeeSlot.objects.filter(host=host, starts_at__lt=ends_at)
        .filter(ends_at__gt=starts_at)
        .order_by("starts_at")
        .first()
    )


@transaction.atomic
def slot_create(
    *,
    host,
    starts_at: dt.datetime,
    minutes: int,
    meeting_url: str = "",
    now: dt.datetime | None = None,
) -> CoffeeSlot:
    """Offer a slot. Refused in the past, more than a year ahead, or when
    it overlaps another slot of the same host."""
    _require_host(host)
    now = now or timezone.now()
    _check_time(starts_at, minutes, now)
    meeting_url = meeting_url_clean(meeting_url)
    # The host's row queues two offers of the same host (a double click),
    # so the overlap check below sees the other's slot.
    get_user_model().objects.select_for_update().filter(pk=host.pk).first()
    # In UTC: adding to a wall-clock time goes wrong on the night the clocks
    # change (02:30 + 30 minutes would end before it began).
    starts_at = starts_at.astimezone(dt.UTC)
    ends_at = starts_at + dt.timedelta(minutes=minutes)
    other = _overlapping(host, starts_at, ends_at)
    if other is not None:
        local_start = timezone.localtime(other.starts_at)
        raise ExpertsError(
            _(
                "This time overlaps your slot of {date} at {time}. Choose another time."
            ).format(
                date=date_format(local_start, "l j F Y"),
                time=date_format(local_start, "H:i"),
            )
        )
    slot = CoffeeSlot(
        host=host, starts_at=starts_at, ends_at=ends_at, meeting_url=meeting_url
    )
    slot.full_clean()
    slot.save()
    return slot


@transaction.atomic
def slot_remove(*, slot: CoffeeSlot, host, now: dt.datetime | None = None) -> bool:
    """The host takes a slot back. A booking of it is cancelled first, so
    host and member get the calendar cancellation. True when it was booked."""
    now = now or timezone.now()
    slot = CoffeeSlot.objects.select_for_update().filter(pk=slot.pk).first()
    if slot is None:
        return False  # removed already: the same form sent twice
    if slot.host_id != host.pk:
        raise NotAllowed(_("Only the host can remove this time slot."))
    if slot.starts_at <= now:
        raise ExpertsError(_("This conversation has already started."))
    holding = slot.bookings.filter(status=BOOKED).first()
    if holding is not None:
        _cancel(holding, by=host, now=now)
    slot.delete()
    return holding is not None


# --- bookings -----------------------------------------------------------------------


def _locked_slot(slot_id: int) -> CoffeeSlot:
    slot = (
        CoffeeSlot.objects.select_for_update(of=("self",))
        .select_related("host")
        .filter(pk=slot_id)
        .first()
    )
    if slot is None or not slot.host.is_active:
        raise SlotTaken(_("This time is no longer offered. Choose another time."))
    return slot


@transaction.atomic
def booking_create(
    *, slot_id: int, member, topic: str = "", now: dt.datetime | None = None
) -> CoffeeBooking:
    """Book a slot. The slot's row is locked, so of two members booking at
    once one gets it and the other is told it was just taken."""
    if not user_is_member(member):
        raise NotAllowed(_("Only members can book a digital cup of coffee."))
    topic = text_clean(topic, limit=TOPIC_LIMIT)
    now = now or timezone.now()
    slot = _locked_slot(slot_id)
    if slot.host_id == member.pk:
        raise NotAllowed(_("You cannot book your own time slot."))
    if slot.starts_at <= now:
        raise SlotTaken(_("This time has passed. Choose another time."))
    taken = _("Someone else has just booked this time. Choose another time.")
    if slot.bookings.filter(status=BOOKED).exists():
        raise SlotTaken(taken)
    booking = CoffeeBooking(slot=slot, member=member, topic=topic)
    booking.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as exc:  # the constraint, where no lock held
        raise SlotTaken(taken) from exc
    coffee_audit(booking, "book", by=_audit_by(member), slot=slot.pk)
    _mail_both(booking)
    return booking


def _cancel(booking: CoffeeBooking, *, by, now: dt.datetime, tell=None) -> None:
    booking.status = CoffeeBooking.Status.CANCELLED
    booking.cancelled_at = now
    # The calendars hold the REQUEST: the CANCEL must outrank it.
    booking.sequence += 1
    booking.topic = ""  # nobody reads it any more
    booking.save(update_fields=["status", "cancelled_at", "sequence", "topic"])
    by_host = by.pk == booking.slot.host_id
    coffee_audit(
        booking,
        "cancel",
        by=_audit_by(by),
        slot=booking.slot_id,
        cancelled_by="host" if by_host else "member",
    )
    _mail_both(booking, cancelled_by=by, tell=tell)


@transaction.atomic
def booking_cancel(
    *, booking: CoffeeBooking, by, now: dt.datetime | None = None
) -> CoffeeBooking:
    """The member or the host cancels; the slot is free again. Cancelling
    a cancelled booking does nothing."""
    now = now or timezone.now()
    slot = CoffeeSlot.objects.select_for_update().get(pk=booking.slot_id)
    booking = (
        CoffeeBooking.objects.select_for_update(of=("self",))
        .select_related("slot__host", "member")
        .get(pk=booking.pk)
    )
    if by.pk not in (booking.member_id, slot.host_id):
        raise NotAllowed(_("Only the member who booked and the host can cancel."))
    if not booking.is_booked:
        return booking
    if slot.starts_at <= now:
        raise ExpertsError(_("This conversation has already started."))
    _cancel(booking, by=by, now=now)
    return booking


# --- retention and accounts ---------------------------------------------------------


@transaction.atomic
def coffee_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the slots whose conversation is over, with their bookings
    and topics: nothing about a cup of coffee is kept afterwards. Run
    daily (purge_event_personal_data); returns the number of slots."""
    now = now or timezone.now()
    _total, deleted = CoffeeSlot.objects.filter(ends_at__lte=now).delete()
    count = deleted.get(CoffeeSlot._meta.label, 0)
    if count:
        audit_log_list(
            model=CoffeeSlot,
            action="leerkring.coffee.purge",
            user=None,
            label=_("Digital cup of coffee"),
            data={
                "count": count,
                "bookings": deleted.get(CoffeeBooking._meta.label, 0),
            },
        )
    logger.info("deleted %s coffee slots that were over", count)
    return count


@transaction.atomic
def coffee_cancel_for_account(*, user, now: dt.datetime | None = None) -> int:
    """Before an account is deleted: its upcoming bookings, as member or as
    host, are cancelled and the other side gets the calendar cancellation
    (the account holder gets no mail). Returns the number cancelled."""
    now = now or timezone.now()
    upcoming = (
        CoffeeBooking.objects.select_for_update(of=("self",))
        .filter(Q(member=user) | Q(slot__host=user), status=BOOKED)
        .filter(slot__starts_at__gt=now)
        .select_related("slot__host", "member")
    )
    count = 0
    for booking in upcoming:
        other = booking.slot.host if booking.member_id == user.pk else booking.member
        _cancel(booking, by=user, now=now, tell=[other])
        count += 1
    return count
