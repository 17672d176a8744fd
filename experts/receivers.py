"""The expert network's part in a member's privacy rights (see
portal.accounts.signals)."""

from django.dispatch import receiver

from portal.accounts.signals import account_deleting, personal_data_requested
from portal.core.signals import retention_purge_requested

from .coffee.services import coffee_cancel_for_account, coffee_purge
from .models import (
    CoffeeBooking,
    CoffeeSlot,
    ExpertProfile,
    HelpRequest,
    RequestMessage,
)


def _profile(user) -> dict | None:
    profile = ExpertProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {
        "organisation": profile.organisation,
        "region": profile.get_region_display(),
        "expertise": sorted(profile.expertise.names()),
        "languages": profile.languages,
        "availability": profile.get_availability_display(),
        "description": profile.description,
        "phone": profile.phone,
        "show_email": profile.show_email,
        "show_phone": profile.show_phone,
    }


@receiver(personal_data_requested, dispatch_uid="experts.export")
def _export(sender, user, **kwargs):
    requests = HelpRequest.objects.filter(requester=user).order_by("created_at", "pk")
    messages = RequestMessage.objects.filter(author=user).order_by("created_at", "pk")
    return (
        "expert_network",
        {
            "expert_profile": _profile(user),
            "requests_for_help": [
                {
                    "municipality": r.municipality,
                    "urgency": r.urgency,
                    "status": r.status,
                    "description": r.original_text,
                    "callback_phone": r.callback_phone,
                    "anonymised_description": r.anonymised_text,
                    "filed_at": r.created_at,
                    "closed_at": r.closed_at,
                }
                for r in requests
            ],
            "messages": [
                {"request": m.request_id, "body": m.body, "sent_at": m.created_at}
                for m in messages
            ],
            "coffee_bookings": _coffee_bookings(user),
            "coffee_slots": _coffee_slots(user),
        },
    )


def _coffee_bookings(user) -> list[dict]:
    bookings = CoffeeBooking.objects.filter(member=user).select_related("slot__host")
    return [
        {
            "starts_at": b.slot.starts_at,
            "ends_at": b.slot.ends_at,
            "host": b.slot.host.get_full_name(),
            "topic": b.topic,
            "status": b.status,
            "booked_at": b.created_at,
        }
        for b in bookings.order_by("slot__starts_at", "pk")
    ]


def _coffee_slots(user) -> list[dict]:
    slots = CoffeeSlot.objects.filter(host=user).order_by("starts_at", "pk")
    return [
        {"starts_at": s.starts_at, "ends_at": s.ends_at, "meeting_url": s.meeting_url}
        for s in slots
    ]


@receiver(account_deleting, dispatch_uid="experts.delete")
def _erase(sender, user, **kwargs):
    """The member's requests go with their threads (they are about the
    member's own work); their messages in other requests stay, without
    their name, so the thread still reads; the expert profile goes. Upcoming
    cups of coffee are cancelled first, so the other side's calendar is
    told; the slots and bookings then go with the account."""
    coffee_cancel_for_account(user=user)
    HelpRequest.objects.filter(requester=user).delete()
    RequestMessage.objects.filter(author=user).update(author=None)
    ExpertProfile.objects.filter(user=user).delete()


@receiver(retention_purge_requested, dispatch_uid="experts.coffee_purge")
def _purge(sender, **kwargs) -> str:
    return f"Coffee time slots deleted after the conversation: {coffee_purge()}"
