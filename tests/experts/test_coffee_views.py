"""The pages of the digital cup of coffee, through the client: the free
times by host and booking one, the host's page, the confirmation steps,
Mijn Leerkring, and their query budgets."""

import datetime as dt

import pytest
from django.urls import reverse

from experts.coffee.services import booking_create
from experts.models import CoffeeBooking, CoffeeSlot
from tests.accounts.factories import MemberFactory
from tests.casebook.factories import mail_at_once  # noqa: F401
from tests.queries import page_queries
from tests.second_factor import login_with_password_only, login_with_second_factor

from .coffee import booked, offered, soon
from .factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db
COFFEE = reverse("experts:coffee")
HOST = reverse("experts:coffee_host")


@pytest.fixture
def host(expert):
    expert.user.job_title = "Analist online monitoring"
    expert.user.save()
    return expert.user


def _page(response) -> str:
    return response.content.decode()


# --- the free times and booking ------------------------------------------------------


def test_members_see_free_times_by_host_with_organisation_function_expertise(
    client, host, requester
):
    offered(host, url="https://vergaderen.example/kamer")
    offered(host, days=3)
    client.force_login(requester)
    page = _page(client.get(COFFEE))
    assert "Sanne Bakker" in page and "Veiligheidsregio Voorbeeld" in page
    assert "Analist online monitoring" in page and "online monitoring" in page
    assert page.count('name="slot"') == 2
    assert "videogesprek" in page and "telefonisch" in page
    assert "Waar wilt u het over hebben?" in page
    assert "Zelf tijden aanbieden" not in page  # a member who does not host


def test_no_free_times_says_so(client, requester):
    client.force_login(requester)
    assert "Er worden op dit moment geen tijden aangeboden" in _page(client.get(COFFEE))


def test_a_member_books_with_one_post(client, host, requester, mailoutbox):
    slot = offered(host)
    client.force_login(requester)
    response = client.post(
        COFFEE, {"slot": slot.pk, "topic": "Oproepen op Telegram"}, follow=True
    )
    assert "Uw digitale kop koffie met Sanne Bakker is gereserveerd" in _page(response)
    booking = CoffeeBooking.objects.get()
    assert (booking.member, booking.topic) == (requester, "Oproepen op Telegram")
    page = _page(response)
    assert "Uw afspraken" in page
    assert reverse("experts:coffee_cancel", args=[booking.pk]) in page
    assert len(mailoutbox) == 2


def test_a_time_just_taken_gives_a_dutch_message_and_keeps_the_topic(
    client, host, requester
):
    slot = offered(host)
    offered(host, days=3)  # another time is still free
    booking_create(slot_id=slot.pk, member=MemberFactory())
    client.force_login(requester)
    response = client.post(COFFEE, {"slot": slot.pk, "topic": "Mijn vraag"})
    assert response.status_code == 400
    page = _page(response)
    assert "Iemand anders heeft deze tijd net gereserveerd" in page
    assert "Mijn vraag" in page
    assert CoffeeBooking.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies een tijd."),
        ({"slot": "abc"}, "Kies een tijd."),
        ({"slot": "0"}, "Kies een tijd."),
        ({"slot": "999999"}, "niet meer aangeboden"),
        ({"slot": "SLOT", "topic": "x" * 501}, "het maximum is 500"),
    ],
)
def test_bad_posts_are_refused_in_dutch(client, host, requester, data, message):
    slot = offered(host)
    data = {k: str(slot.pk) if v == "SLOT" else v for k, v in data.items()}
    client.force_login(requester)
    response = client.post(COFFEE, data)
    assert response.status_code == 400
    assert message in _page(response)
    assert not CoffeeBooking.objects.exists()


def test_a_host_does_not_see_or_book_their_own_times(client, host):
    slot = offered(host)
    client.force_login(host)
    page = _page(client.get(COFFEE))
    assert 'name="slot"' not in page
    assert "Zelf tijden aanbieden" in page
    response = client.post(COFFEE, {"slot": slot.pk})
    assert "U kunt uw eigen tijd niet reserveren" in _page(response)


def test_the_topic_is_not_shown_to_other_members(client, host, requester):
    booked(host, requester, topic="Geheime aanpak Lindenwaard")
    other = MemberFactory()
    client.force_login(other)
    assert "Geheime aanpak" not in _page(client.get(COFFEE))


# --- the host's page ----------------------------------------------------------------


def test_a_member_who_may_not_host_is_told_who_does(client, requester):
    client.force_login(requester)
    response = client.get(HOST)
    assert response.status_code == 403
    assert "vliegende brigade" in _page(response)


def test_the_host_adds_a_time(client, host):
    client.force_login(host)
    day = soon(days=4).date()
    response = client.post(
        HOST,
        {
            "day": day.isoformat(),
            "start": "14:15",
            "minutes": "45",
            "meeting_url": "https://vergaderen.example/kamer",
        },
        follow=True,
    )
    assert "De tijd is toegevoegd." in _page(response)
    slot = CoffeeSlot.objects.get()
    assert slot.minutes == 45 and slot.meeting_url.endswith("/kamer")
    assert slot.starts_at.astimezone(dt.UTC).hour in (12, 13)  # 14:15 Amsterdam


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"day": "", "start": "", "minutes": ""}, "Geef de datum."),
        ({"day": "morgen", "start": "10:00", "minutes": "30"}, "dag-maand-jaar"),
        ({"day": "FUTURE", "start": "25:00", "minutes": "30"}, "uren:minuten"),
        ({"day": "FUTURE", "start": "10:00", "minutes": "20"}, "Kies een duur"),
        ({"day": "2020-01-01", "start": "10:00", "minutes": "30"}, "al voorbij"),
        (
            {
                "day": "FUTURE",
                "start": "10:00",
                "minutes": "30",
                "meeting_url": "http://vergaderen.example",
            },
            "https://",
        ),
        ({"day": "FUTURE", "start": "10:15", "minutes": "30"}, "overlapt met uw tijd"),
    ],
)
def test_the_hosts_mistakes_are_refused_in_dutch(client, host, data, message):
    offered(host, days=4, hour=10)
    future = soon(days=4).date().isoformat()
    data = {k: future if v == "FUTURE" else v for k, v in data.items()}
    client.force_login(host)
    response = client.post(HOST, data)
    assert response.status_code == 400
    assert message in _page(response)
    assert CoffeeSlot.objects.count() == 1


def test_a_time_the_clock_skips_is_refused(client, host):
    # The last Sunday of March next year: 02:30 does not exist in Amsterdam.
    year = soon().year + 1
    sunday = max(
        dt.date(year, 3, d) for d in range(25, 32) if dt.date(year, 3, d).weekday() == 6
    )
    client.force_login(host)
    response = client.post(
        HOST, {"day": sunday.isoformat(), "start": "02:30", "minutes": "30"}
    )
    assert "zomertijd" in _page(response)


def test_the_host_sees_free_and_booked_times_with_who_and_topic(client, host):
    offered(host, days=3)
    member = MemberFactory(first_name="Petra", last_name="Smit", organisation="OM")
    booked(host, member, topic="Oproepen op Telegram")
    client.force_login(host)
    page = _page(client.get(HOST))
    assert "Vrij" in page and "Gereserveerd door Petra Smit" in page
    assert "Oproepen op Telegram" in page and member.email in page


def test_an_adviser_hosts_after_the_second_factor(client, editor):
    login_with_second_factor(client, editor)
    assert client.get(HOST).status_code == 200
    login_with_password_only(client, editor)
    assert client.get(HOST).status_code == 302


# --- cancelling and removing, with one confirmation step ---------------------------


def test_the_member_cancels_after_confirming(client, host, requester, mailoutbox):
    booking = booked(host, requester)
    url = reverse("experts:coffee_cancel", args=[booking.pk])
    client.force_login(requester)
    page = _page(client.get(url))
    assert "Digitale kop koffie annuleren" in page and "Sanne Bakker" in page
    booking.refresh_from_db()
    assert booking.is_booked  # asked, not done
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == COFFEE
    assert "De digitale kop koffie is geannuleerd" in _page(response)
    booking.refresh_from_db()
    assert not booking.is_booked
    assert client.get(url).status_code == 200
    assert "al geannuleerd" in _page(client.get(url))


def test_the_host_cancels_and_returns_to_their_page(client, host, requester):
    booking = booked(host, requester)
    client.force_login(host)
    url = reverse("experts:coffee_cancel", args=[booking.pk])
    assert "Petra Smit" in _page(client.get(url))
    response = client.post(url)
    assert response["Location"] == HOST


def test_another_members_booking_is_not_found(client, host, requester):
    booking = booked(host, requester)
    client.force_login(MemberFactory())
    url = reverse("experts:coffee_cancel", args=[booking.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert client.get(reverse("experts:coffee_cancel", args=[99999])).status_code == (
        404
    )
    booking.refresh_from_db()
    assert booking.is_booked


def test_a_started_conversation_cannot_be_cancelled(
    client, host, requester, monkeypatch
):
    booking = booked(host, requester)
    from experts.coffee import services

    monkeypatch.setattr(services.timezone, "now", lambda: booking.slot.starts_at)
    client.force_login(requester)
    url = reverse("experts:coffee_cancel", args=[booking.pk])
    response = client.post(url, follow=True)
    assert "Dit gesprek is al begonnen." in _page(response)


def test_the_host_removes_a_booked_time_after_confirming(
    client, host, requester, mailoutbox
):
    booking = booked(host, requester)
    url = reverse("experts:coffee_slot_remove", args=[booking.slot_id])
    client.force_login(host)
    page = _page(client.get(url))
    assert "Petra Smit heeft deze tijd gereserveerd" in page
    response = client.post(url, follow=True)
    assert "De tijd is verwijderd." in _page(response)
    assert not CoffeeSlot.objects.exists()
    assert mailoutbox[-1].attachments[0][2] == "text/calendar; method=CANCEL"


def test_another_hosts_time_is_not_found(client, host, other_expert):
    slot = offered(host)
    client.force_login(other_expert.user)
    url = reverse("experts:coffee_slot_remove", args=[slot.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert CoffeeSlot.objects.exists()


# --- Mijn Leerkring -----------------------------------------------------------------


def test_the_overview_shows_booked_coffee_for_member_and_host(client, host, requester):
    booking = booked(host, requester)
    client.force_login(requester)
    page = _page(client.get("/mijn-account/"))
    assert "Mijn digitale kopjes koffie" in page and "met Sanne Bakker" in page
    assert reverse("experts:coffee_cancel", args=[booking.pk]) in page
    client.force_login(host)
    page = _page(client.get("/mijn-account/"))
    assert "Gereserveerde tijden die u aanbiedt" in page
    assert "gereserveerd door Petra Smit" in page
    client.force_login(MemberFactory())
    assert "Mijn digitale kopjes koffie" not in _page(client.get("/mijn-account/"))


# --- query budgets ------------------------------------------------------------------


def _fill(n: int, *, host, member) -> None:
    """``n`` hosts with a free time each, ``n`` times of ``host`` booked by
    others, and ``n`` bookings of ``member``."""
    for i in range(n):
        other = ExpertProfileFactory(expertise=[f"vak-{i}", "communicatie"]).user
        offered(other, days=1 + i // 10, hour=8 + i % 10)
        booked(host, MemberFactory(), days=1 + i // 10, hour=8 + i % 10)
        booked(other, member, days=5 + i // 10, hour=8 + i % 10)


@pytest.mark.parametrize("url", [COFFEE, HOST])
def test_the_pages_cost_the_same_for_3_and_30_items(client, url):
    counts = []
    for n in (3, 30):
        host = ExpertProfileFactory().user
        member = ExpertProfileFactory().user  # hosts too, so both pages open
        _fill(n, host=host, member=member)
        client.force_login(host if url == HOST else member)
        counts.append(page_queries(client, url))
    assert counts[0] == counts[1], counts


# --- who reads the topic --------------------------------------------------------------


def _every_coffee_page(client, booking) -> str:
    urls = [
        COFFEE,
        HOST,
        "/mijn-account/",
        reverse("experts:coffee_cancel", args=[booking.pk]),
        reverse("experts:coffee_slot_remove", args=[booking.slot_id]),
    ]
    return "".join(_page(client.get(url)) for url in urls)


@pytest.mark.readme_claim(
    "The topic of a digital cup of coffee is read by the member who booked it "
    "and its host only, and is erased when the booking is cancelled or the "
    "conversation is over."
)
def test_only_the_member_and_the_host_read_the_topic(
    client, host, requester, other_expert, editor
):
    booking = booked(host, requester, topic="Pedojagers bij station Lindenwaard")
    for reader in (requester, host):
        client.force_login(reader)
        assert "Pedojagers bij station Lindenwaard" in _every_coffee_page(
            client, booking
        )
    for outsider in (MemberFactory(), other_expert.user):
        client.force_login(outsider)
        assert "Pedojagers" not in _every_coffee_page(client, booking)
    login_with_second_factor(client, editor)
    assert "Pedojagers" not in _every_coffee_page(client, booking)


@pytest.mark.readme_claim(
    "The topic of a digital cup of coffee is read by the member who booked it "
    "and its host only, and is erased when the booking is cancelled or the "
    "conversation is over."
)
def test_the_topic_is_erased_at_cancelling_and_after_the_conversation(
    client, host, requester
):
    from experts.coffee.services import booking_cancel, coffee_purge

    cancelled = booked(host, requester, topic="Eerste vraag")
    booking_cancel(booking=cancelled, by=requester)
    cancelled.refresh_from_db()
    assert cancelled.topic == ""
    held = booked(host, requester, days=3, topic="Tweede vraag")
    coffee_purge(now=held.slot.ends_at)
    assert not CoffeeBooking.objects.filter(topic="Tweede vraag").exists()
    assert not CoffeeSlot.objects.filter(pk=held.slot_id).exists()
