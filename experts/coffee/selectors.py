"""Reads of the digital cup of coffee: who may host, the free slots by
host, a host's own slots, and the bookings a member or host may open."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from portal.accounts.roles import ADVISERS_GROUP
from portal.accounts.selectors import user_is_adviser, user_is_member

from ..models import CoffeeBooking, CoffeeSlot, ExpertProfile

BOOKED = CoffeeBooking.Status.BOOKED

#: Free slots shown on the booking page; the rest come as these are taken.
FREE_SHOWN = 200


def user_may_host(user) -> bool:
    """An approved member with an expert profile, or an adviser whose
    session passed the second factor (``user_is_adviser``)."""
    if not user_is_member(user):
        return False
    return user_is_adviser(user) or ExpertProfile.objects.filter(user=user).exists()


@dataclass
class HostSlots:
    """One host on the booking page, with their free slots."""

    host: object
    profile: ExpertProfile | None
    slots: list[CoffeeSlot] = field(default_factory=list)

    @property
    def organisation(self) -> str:
        return self.profile.organisation if self.profile else self.host.organisation


def _held() -> Exists:
    return Exists(CoffeeBooking.objects.filter(slot=OuterRef("pk"), status=BOOKED))


def _may_still_host() -> Q:
    """Hosts who are still experts or advisers: a slot of someone who lost
    that role is not offered."""
    in_advisers = get_user_model().groups.through.objects.filter(
        user_id=OuterRef("host_id"), group__name=ADVISERS_GROUP
    )
    return Q(host__is_active=True) & (
        Q(host__expert_profile__isnull=False)
        | Q(Exists(in_advisers))
        | Q(host__is_superuser=True)
    )


def slots_free_by_host(*, viewer, now: dt.datetime | None = None) -> list[HostSlots]:
    """The upcoming free slots, grouped by host (by name), without the
    viewer's own. Three queries, however many hosts and slots."""
    now = now or timezone.now()
    free = (
        CoffeeSlot.objects.filter(_may_still_host(), starts_at__gt=now)
        .exclude(_held())
        .exclude(host=viewer)
        .select_related("host", "host__expert_profile")
        .prefetch_related("host__expert_profile__expertise")
        .order_by("host__last_name", "host__first_name", "host_id", "starts_at")
    )
    groups: dict[int, HostSlots] = {}
    for slot in free[:FREE_SHOWN]:
        host = slot.host
        profile = getattr(host, "expert_profile", None)
        groups.setdefault(host.pk, HostSlots(host=host, profile=profile))
        groups[host.pk].slots.append(slot)
    return list(groups.values())


def _with_booking(slots: QuerySet[CoffeeSlot]) -> list[CoffeeSlot]:
    """``slots`` with ``booking``: the booking that holds each, or None."""
    holding = Prefetch(
        "bookings",
        queryset=CoffeeBooking.objects.filter(status=BOOKED).select_related("member"),
        to_attr="holding",
    )
    found = list(slots.prefetch_related(holding))
    for slot in found:
        slot.booking = slot.holding[0] if slot.holding else None
    return found


def slots_of_host(*, host, now: dt.datetime | None = None) -> list[CoffeeSlot]:
    """The host's slots that are not over yet, free and booked, each with
    its booking and who made it. Two queries."""
    now = now or timezone.now()
    return _with_booking(CoffeeSlot.objects.filter(host=host, ends_at__gt=now))


def bookings_of_member(*, user, now: dt.datetime | None = None) -> list[CoffeeBooking]:
    """The member's bookings of conversations not over yet. One query."""
    now = now or timezone.now()
    return list(
        CoffeeBooking.objects.filter(member=user, status=BOOKED, slot__ends_at__gt=now)
        .select_related("slot__host")
        .order_by("slot__starts_at", "pk")
    )


def bookings_involving(
    *, user, now: dt.datetime | None = None
) -> tuple[list[CoffeeBooking], list[CoffeeBooking]]:
    """The upcoming bookings ``user`` made, and those of the times they
    host, in one query (the overview's section)."""
    now = now or timezone.now()
    found = list(
        CoffeeBooking.objects.filter(
            Q(member=user) | Q(slot__host=user), status=BOOKED, slot__ends_at__gt=now
        )
        .select_related("slot__host", "member")
        .order_by("slot__starts_at", "pk")
    )
    made = [b for b in found if b.member_id == user.pk]
    hosted = [b for b in found if b.slot.host_id == user.pk]
    return made, hosted


def booking_visible_or_404(*, pk: int, user) -> CoffeeBooking:
    """A booking ``user`` made, or one of a slot they host while they may
    host. Anything else is not found, whoever asks."""
    if not user_is_member(user):
        raise Http404
    mine = Q(member=user)
    if user_may_host(user):
        mine |= Q(slot__host=user)
    found = (
        CoffeeBooking.objects.filter(mine, pk=pk)
        .select_related("slot__host", "member")
        .first()
    )
    if found is None:
        raise Http404
    return found


def slot_of_host_or_404(*, pk: int, user) -> CoffeeSlot:
    """One of ``user``'s own slots, with its booking; 404 otherwise."""
    if not user_may_host(user):
        raise Http404
    found = _with_booking(CoffeeSlot.objects.filter(pk=pk, host=user))
    if not found:
        raise Http404
    return found[0]
