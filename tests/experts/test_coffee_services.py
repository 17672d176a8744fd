"""The digital cup of coffee's services: offering, booking, cancelling,
removing, the purge after the conversation and an account's deletion."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from experts.coffee import selectors
from experts.coffee.services import (
    booking_cancel,
    booking_create,
    coffee_cancel_for_account,
    coffee_purge,
    slot_create,
    slot_remove,
)
from experts.errors import ExpertsError, NotAllowed, SlotTaken
from experts.models import CoffeeBooking, CoffeeSlot
from portal.accounts.services import account_delete
from tests.accounts.factories import MemberFactory, UserFactory
from tests.casebook.factories import mail_at_once  # noqa: F401

from .coffee import booked, invitations, offered, soon
from .factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db
BOOKED = CoffeeBooking.Status.BOOKED


@pytest.fixture
def host(expert):
    return expert.user


# --- offering a slot ---------------------------------------------------------------


def test_an_expert_offers_a_slot(host):
    slot = offered(host, minutes=45, url="https://vergaderen.example/kamer-1")
    assert slot.ends_at - slot.starts_at == dt.timedelta(minutes=45)
    assert slot.minutes == 45 and not slot.by_phone


def test_an_adviser_offers_a_slot_and_a_plain_member_may_not(editor, requester):
    assert offered(editor).host == editor
    with pytest.raises(NotAllowed, match="adviseurs en experts"):
        offered(requester)
    with pytest.raises(NotAllowed):
        offered(UserFactory(approval_status="pending"))
    assert CoffeeSlot.objects.count() == 1


def test_an_expert_whose_account_is_not_active_may_not_host(expert):
    expert.user.is_active = False
    expert.user.save()
    with pytest.raises(NotAllowed):
        offered(expert.user)


@pytest.mark.parametrize(
    ("starts_at", "minutes", "message"),
    [
        (lambda: timezone.now() - dt.timedelta(minutes=1), 30, "al voorbij"),
        (lambda: soon(days=400), 30, "een jaar vooruit"),
        (lambda: soon(), 20, "Kies een duur"),
        (lambda: soon(), 0, "Kies een duur"),
    ],
)
def test_a_slot_in_the_past_too_far_or_of_an_odd_length_is_refused(
    host, starts_at, minutes, message
):
    with pytest.raises(ExpertsError, match=message):
        slot_create(host=host, starts_at=starts_at(), minutes=minutes)
    assert not CoffeeSlot.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://vergaderen.example/kamer",
        "javascript:alert(1)",
        "vergaderen.example/kamer",
        "https://",
        "https://" + "a" * 500 + ".example",
    ],
)
def test_a_meeting_link_must_be_https(host, url):
    with pytest.raises(ExpertsError):
        offered(host, url=url)
    assert not CoffeeSlot.objects.exists()


@pytest.mark.parametrize(("hour", "minute"), [(10, 0), (10, 15), (9, 45), (9, 30)])
def test_overlapping_slots_of_one_host_are_refused(host, hour, minute):
    offered(host, hour=10, minutes=30)  # 10:00-10:30
    with pytest.raises(ExpertsError, match="overlapt met uw tijd van .* om 10:00"):
        slot_create(host=host, starts_at=soon(2, hour, minute), minutes=45)
    assert CoffeeSlot.objects.count() == 1


def test_adjacent_slots_and_other_hosts_at_the_same_time_are_fine(host, editor):
    offered(host, hour=10, minutes=30)
    slot_create(host=host, starts_at=soon(2, 10, 30), minutes=30)
    slot_create(host=host, starts_at=soon(2, 9, 30), minutes=30)
    offered(editor, hour=10)
    assert CoffeeSlot.objects.count() == 4


# --- booking ------------------------------------------------------------------------


def test_a_member_books_and_both_get_the_invitation(host, requester, mailoutbox):
    booking = booked(host, requester, topic="<b>Oproep</b> via Telegram", url="")
    assert booking.status == BOOKED and booking.topic == "Oproep via Telegram"
    [(method, member_event)] = invitations(mailoutbox, requester.email)
    [(host_method, host_event)] = invitations(mailoutbox, host.email)
    assert method == host_method == "REQUEST"
    assert member_event["UID"] == host_event["UID"] == f"coffee-{booking.pk}@testserver"
    assert str(member_event["ORGANIZER"]) == f"mailto:{host.email}"
    assert str(member_event["ATTENDEE"]) == f"mailto:{requester.email}"
    assert member_event["SEQUENCE"] == 0
    assert "belt u" in str(member_event["LOCATION"])
    # The topic stays out of the calendars (they keep it for good).
    assert "Telegram" not in member_event.to_ical().decode()


def test_the_meeting_link_is_location_and_url(host, requester, mailoutbox):
    booked(host, requester, url="https://vergaderen.example/kamer-1")
    [(_method, event)] = invitations(mailoutbox, requester.email)
    assert str(event["LOCATION"]) == "https://vergaderen.example/kamer-1"
    assert str(event["URL"]) == "https://vergaderen.example/kamer-1"


def test_the_mails_are_in_dutch_and_only_they_carry_the_topic(
    host, requester, mailoutbox
):
    booked(host, requester, topic="Pedojagers bij het station")
    to_member, to_host = (
        next(m for m in mailoutbox if m.to == [a])
        for a in (requester.email, host.email)
    )
    assert f"Digitale kop koffie met {host.get_full_name()} op " in to_member.subject
    assert f"{requester.get_full_name()} heeft uw digitale kop koffie van " in (
        to_host.subject
    )
    assert "U heeft een digitale kop koffie gereserveerd" in to_member.body
    assert "heeft een van uw tijden gereserveerd" in to_host.body
    assert requester.email in to_host.body
    for message in (to_member, to_host):
        assert "Pedojagers bij het station" in message.body
        assert message.attachments[0][0] == "uitnodiging.ics"
        assert message.attachments[0][2] == "text/calendar; method=REQUEST"


def test_a_taken_slot_is_refused_in_dutch(host, requester, mailoutbox):
    booking = booked(host, requester)
    sent = len(mailoutbox)
    with pytest.raises(SlotTaken, match="Iemand anders heeft deze tijd net"):
        booking_create(slot_id=booking.slot_id, member=MemberFactory())
    assert CoffeeBooking.objects.count() == 1 and len(mailoutbox) == sent


def test_the_database_holds_one_booking_per_slot(host, requester):
    booking = booked(host, requester)
    with pytest.raises(IntegrityError), transaction.atomic():
        CoffeeBooking.objects.create(slot=booking.slot, member=MemberFactory())


def test_a_host_cannot_book_their_own_slot(host):
    slot = offered(host)
    with pytest.raises(NotAllowed, match="eigen tijd"):
        booking_create(slot_id=slot.pk, member=host)


def test_past_removed_and_unknown_slots_are_refused(host, requester):
    slot = offered(host)
    later = slot.starts_at + dt.timedelta(minutes=1)
    with pytest.raises(SlotTaken, match="al voorbij"):
        booking_create(slot_id=slot.pk, member=requester, now=later)
    with pytest.raises(SlotTaken, match="niet meer aangeboden"):
        booking_create(slot_id=999_999, member=requester)
    host.is_active = False
    host.save()
    with pytest.raises(SlotTaken, match="niet meer aangeboden"):
        booking_create(slot_id=slot.pk, member=requester)
    assert not CoffeeBooking.objects.exists()


def test_only_approved_members_book(host):
    slot = offered(host)
    with pytest.raises(NotAllowed):
        booking_create(slot_id=slot.pk, member=UserFactory(approval_status="pending"))


def test_a_topic_too_long_is_refused(host, requester):
    slot = offered(host)
    with pytest.raises(ExpertsError, match="500"):
        booking_create(slot_id=slot.pk, member=requester, topic="x" * 501)
    assert not CoffeeBooking.objects.exists()


# --- cancelling ---------------------------------------------------------------------


@pytest.mark.parametrize("by", ["member", "host"])
def test_cancelling_frees_the_slot_and_sends_both_a_cancel(
    host, requester, mailoutbox, by
):
    booking = booked(host, requester)
    booking_cancel(booking=booking, by=requester if by == "member" else host)
    booking.refresh_from_db()
    assert booking.status == CoffeeBooking.Status.CANCELLED
    assert booking.topic == "" and booking.cancelled_at is not None
    for address in (requester.email, host.email):
        [(first, invitation), (last, cancellation)] = invitations(mailoutbox, address)
        assert (first, last) == ("REQUEST", "CANCEL")
        assert cancellation["UID"] == invitation["UID"]
        assert cancellation["SEQUENCE"] > invitation["SEQUENCE"]
        assert str(cancellation["STATUS"]) == "CANCELLED"
    subjects = [m.subject for m in mailoutbox if "Geannuleerd" in m.subject]
    assert len(subjects) == 2
    assert any(f"met {host.get_full_name()} op" in s for s in subjects)
    assert any(f"met {requester.get_full_name()} op" in s for s in subjects)
    other = MemberFactory()
    [group] = selectors.slots_free_by_host(viewer=other)
    assert [s.pk for s in group.slots] == [booking.slot_id]


def test_booking_again_after_a_cancellation_is_a_new_meeting(
    host, requester, mailoutbox
):
    first = booked(host, requester)
    booking_cancel(booking=first, by=requester)
    second = booking_create(slot_id=first.slot_id, member=MemberFactory())
    assert second.pk != first.pk
    assert invitations(mailoutbox, host.email)[-1][1]["UID"] == (
        f"coffee-{second.pk}@testserver"
    )


def test_someone_else_cannot_cancel(host, requester):
    booking = booked(host, requester)
    with pytest.raises(NotAllowed):
        booking_cancel(booking=booking, by=MemberFactory())
    booking.refresh_from_db()
    assert booking.is_booked


def test_cancelling_twice_does_nothing_more(host, requester, mailoutbox):
    booking = booked(host, requester)
    booking_cancel(booking=booking, by=requester)
    sent = len(mailoutbox)
    booking_cancel(booking=booking, by=requester)
    assert len(mailoutbox) == sent
    assert CoffeeBooking.objects.get().sequence == 1


def test_a_conversation_that_started_is_not_cancelled(host, requester):
    booking = booked(host, requester)
    with pytest.raises(ExpertsError, match="al begonnen"):
        booking_cancel(booking=booking, by=requester, now=booking.slot.starts_at)
    assert CoffeeBooking.objects.get().is_booked


# --- removing a slot ----------------------------------------------------------------


def test_removing_a_free_slot_mails_nobody(host, mailoutbox):
    slot = offered(host)
    assert slot_remove(slot=slot, host=host) is False
    assert not CoffeeSlot.objects.exists() and mailoutbox == []
    assert slot_remove(slot=slot, host=host) is False  # sent twice


def test_removing_a_booked_slot_cancels_the_booking(host, requester, mailoutbox):
    booking = booked(host, requester)
    assert slot_remove(slot=booking.slot, host=host) is True
    assert not CoffeeSlot.objects.exists()
    [(_m, _i), (method, cancellation)] = invitations(mailoutbox, requester.email)
    assert method == "CANCEL" and cancellation["SEQUENCE"] == 1
    assert "heeft de digitale kop koffie van" in mailoutbox[-2].body


def test_only_the_host_removes_and_not_after_the_start(host, editor):
    slot = offered(host)
    with pytest.raises(NotAllowed):
        slot_remove(slot=slot, host=editor)
    with pytest.raises(ExpertsError, match="al begonnen"):
        slot_remove(slot=slot, host=host, now=slot.starts_at)
    assert CoffeeSlot.objects.exists()


# --- the audit log ------------------------------------------------------------------


def test_booking_and_cancelling_are_logged_without_names_or_topic(host, requester):
    booking = booked(host, requester, topic="Jan de Vries uit Lindenwaard")
    booking_cancel(booking=booking, by=host)
    entries = ModelLogEntry.objects.filter(action__startswith="leerkring.coffee.")
    assert [e.action for e in entries.order_by("pk")] == [
        "leerkring.coffee.book",
        "leerkring.coffee.cancel",
    ]
    for entry in entries:
        assert entry.label == f"Kop koffie #{booking.pk}"
        text = f"{entry.label} {entry.data}"
        assert "Jan de Vries" not in text and requester.last_name not in text
        assert entry.user is None  # a member's and an expert's own acts
    assert entries.order_by("pk").last().data["cancelled_by"] == "host"


def test_an_advisers_cancellation_names_the_adviser(editor, requester):
    booking = booked(editor, requester)
    booking_cancel(booking=booking, by=editor)
    entry = ModelLogEntry.objects.get(action="leerkring.coffee.cancel")
    assert entry.user == editor


# --- retention ----------------------------------------------------------------------


def test_the_purge_deletes_slots_that_are_over_with_their_topic(host, requester):
    past = booked(host, requester, days=1, hour=9)
    upcoming = booked(host, MemberFactory(), days=3)
    after = past.slot.ends_at + dt.timedelta(minutes=1)
    assert coffee_purge(now=after) == 1
    assert list(CoffeeBooking.objects.all()) == [upcoming]
    assert coffee_purge(now=after) == 0
    entry = ModelLogEntry.objects.get(action="leerkring.coffee.purge")
    assert entry.data == {"count": 1, "bookings": 1}


def test_the_daily_purge_command_runs_it(host, requester, monkeypatch):
    booking = booked(host, requester)
    from experts.coffee import services

    later = booking.slot.ends_at + dt.timedelta(hours=1)
    monkeypatch.setattr(services.timezone, "now", lambda: later)
    out = io.StringIO()
    call_command("purge_event_personal_data", stdout=out)
    assert "Coffee time slots deleted after the conversation: 1" in out.getvalue()
    assert not CoffeeSlot.objects.exists()


# --- deleting an account ------------------------------------------------------------


def test_a_member_deleting_their_account_cancels_for_the_host(
    host, requester, mailoutbox
):
    booked(host, requester)
    mailoutbox.clear()
    account_delete(user=requester)
    assert not CoffeeBooking.objects.exists()
    [(method, _event)] = invitations(mailoutbox, host.email)
    assert method == "CANCEL"
    assert invitations(mailoutbox, requester.email) == []


def test_a_host_deleting_their_account_cancels_for_the_member(
    host, requester, mailoutbox
):
    booked(host, requester)
    mailoutbox.clear()
    assert coffee_cancel_for_account(user=host) == 1
    [(method, _event)] = invitations(mailoutbox, requester.email)
    assert method == "CANCEL"


def test_the_data_export_holds_bookings_and_slots(host, requester):
    from portal.accounts.services import account_export

    booked(host, requester, topic="Mijn vraag")
    mine = account_export(user=requester)["expert_network"]
    assert mine["coffee_bookings"][0]["topic"] == "Mijn vraag"
    theirs = account_export(user=host)["expert_network"]
    assert len(theirs["coffee_slots"]) == 1


# --- who may host -------------------------------------------------------------------


def test_who_may_host(expert, editor, plain_adviser, requester):
    assert selectors.user_may_host(expert.user)
    assert selectors.user_may_host(editor)  # outside a request: the role
    assert not selectors.user_may_host(requester)
    assert not selectors.user_may_host(UserFactory(approval_status="pending"))
    pending_expert = ExpertProfileFactory(user=UserFactory(approval_status="pending"))
    assert not selectors.user_may_host(pending_expert.user)


def test_free_slots_by_host_leave_out_own_booked_past_and_former_hosts(
    host, editor, requester
):
    mine = offered(editor)
    free = offered(host, days=2)
    booked(host, MemberFactory(), days=3)
    former = ExpertProfileFactory()
    gone = offered(former.user)
    former.delete()
    groups = selectors.slots_free_by_host(viewer=requester)
    assert {g.host.pk: [s.pk for s in g.slots] for g in groups} == {
        host.pk: [free.pk],
        editor.pk: [mine.pk],
    }
    assert gone.pk not in [s.pk for g in groups for s in g.slots]
    assert [
        s.pk for g in selectors.slots_free_by_host(viewer=host) for s in g.slots
    ] == [mine.pk]
    expert_group = next(g for g in groups if g.host.pk == host.pk)
    assert expert_group.organisation == "Veiligheidsregio Voorbeeld"
    adviser_group = next(g for g in groups if g.host.pk == editor.pk)
    assert adviser_group.profile is None
    assert adviser_group.organisation == editor.organisation
