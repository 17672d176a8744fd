"""Signing up: double opt-in, no duplicates, no leaks, no bots."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from freezegun import freeze_time

from knowledge.newsletter.models import Subscriber
from knowledge.newsletter.ratelimit import SIGNUP_LIMIT
from tests.newsletter.conftest import link_in
from tests.newsletter.factories import PendingSubscriberFactory, SubscriberFactory

pytestmark = pytest.mark.django_db
URL = reverse("newsletter:signup")
NEUTRAL = "Tenzij dit adres de nieuwsbrief al ontvangt"


def _message(client, response) -> str:
    """The page the sign-up redirects to; the CSRF token masked differently on
    every page is left out so pages can be compared."""
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_page_offers_the_form_with_the_bot_trap_hidden(client):
    page = client.get(URL).content.decode()
    assert "<h1>Nieuwsbrief</h1>" in page
    assert 'name="email"' in page and 'autocomplete="email"' in page
    assert '<div class="form-trap" aria-hidden="true">' in page
    assert 'name="website"' in page
    assert ".form-trap { display: none; }" in (
        client.get("/static/css/site.css").getvalue().decode()
    )


def test_footer_links_to_the_sign_up(client, home_page):
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_sign_up_is_pending_until_the_link_is_followed(client, post, mailoutbox):
    response = post(URL, {"email": " Jan.de.Vries@Ede.example ", "name": "Jan"})
    assert NEUTRAL in _message(client, response)
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "jan.de.vries@ede.example"
    assert subscriber.status == Subscriber.Status.PENDING
    (mail,) = mailoutbox
    assert mail.to == ["jan.de.vries@ede.example"]
    assert (
        mail.subject
        == "[Leerkring] Bevestig uw aanmelding voor de nieuwsbrief van Leerkring"
    )
    assert "Beste Jan," in mail.body

    confirm = link_in(mail, "confirm")
    page = client.get(confirm)
    assert "Bevestig mijn aanmelding" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # GET changes nothing

    done = _message(client, post(confirm))
    assert "Uw aanmelding is bevestigd" in done
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    # Following the link again is harmless.
    assert "al bevestigd" in client.get(confirm).content.decode()


def test_confirmation_mail_has_an_unsubscribe_link_and_header(post, mailoutbox):
    post(URL, {"email": "a@ede.example"})
    (mail,) = mailoutbox
    path = link_in(mail, "unsubscribe")
    assert mail.extra_headers["List-Unsubscribe"] == f"<http://testserver{path}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.parametrize("existing", ["pending", "confirmed"])
def test_signing_up_again_reveals_nothing_and_adds_no_row(
    client, post, mailoutbox, existing
):
    first = _message(client, post(URL, {"email": "new@ede.example"}))
    factory = PendingSubscriberFactory if existing == "pending" else SubscriberFactory
    factory(email="known@ede.example")
    again = post(URL, {"email": "KNOWN@ede.example", "name": "Iemand anders"})
    assert NEUTRAL in first
    assert _message(client, again) == first
    assert Subscriber.objects.filter(email="known@ede.example").count() == 1
    assert Subscriber.objects.get(email="known@ede.example").name != "Iemand anders"
    # The pending one was mailed a moment ago; not again so soon.
    assert [m.to for m in mailoutbox] == [["new@ede.example"]]


def test_pending_address_gets_the_link_again_after_a_while(post, mailoutbox):
    with freeze_time("2026-03-02 09:00"):
        post(URL, {"email": "traag@ede.example"})
    with freeze_time("2026-03-02 09:05"):
        post(URL, {"email": "traag@ede.example"})
    assert len(mailoutbox) == 1
    with freeze_time("2026-03-02 09:20"):
        post(URL, {"email": "traag@ede.example"})
    assert len(mailoutbox) == 2
    assert link_in(mailoutbox[1], "confirm")
    assert Subscriber.objects.count() == 1


def test_confirmed_address_gets_no_mail(post, mailoutbox):
    SubscriberFactory(
        email="lid@ede.example", confirmed_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    post(URL, {"email": "lid@ede.example"})
    assert mailoutbox == []


def test_bots_filling_the_trap_get_the_same_answer_and_nothing_happens(
    client, post, mailoutbox
):
    response = post(URL, {"email": "bot@spam.example", "website": "http://x"})
    assert NEUTRAL in _message(client, response)
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_invalid_address_is_explained_next_to_the_field(client):
    response = client.post(URL, {"email": "geen-adres"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Voer een geldig e-mailadres in." in page
    assert 'aria-describedby="id_email_error"' in page or "id_email_error" in page
    assert not Subscriber.objects.exists()


def test_sign_ups_per_internet_address_are_limited(client, post, mailoutbox):
    for n in range(SIGNUP_LIMIT):
        assert post(URL, {"email": f"r{n}@ede.example"}).status_code == 302
    response = post(URL, {"email": "een-te-veel@ede.example"})
    assert response.status_code == 429
    assert "Te veel aanmeldingen vanaf uw internetadres" in response.content.decode()
    assert not Subscriber.objects.filter(email="een-te-veel@ede.example").exists()
    assert len(mailoutbox) == SIGNUP_LIMIT
    # Another address on the internet is not affected.
    other = post(URL, {"email": "ander@ede.example"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_limit_is_lifted_after_an_hour(post):
    with freeze_time("2026-03-02 09:00"):
        for n in range(SIGNUP_LIMIT + 1):
            post(URL, {"email": f"r{n}@ede.example"})
    with freeze_time("2026-03-02 10:01"):
        assert post(URL, {"email": "later@ede.example"}).status_code == 302


def test_member_finds_their_address_filled_in(client, member):
    client.force_login(member)
    assert f'value="{member.email}"' in client.get(URL).content.decode()


def test_sign_up_page_queries_are_fixed(client, django_assert_num_queries):
    client.get(URL)  # warm the site and the menu, as in production
    # Nothing about subscribers, however many there are; the site and the
    # menu come from memory (portal.core.shared_memo).
    with django_assert_num_queries(0):
        assert client.get(URL).status_code == 200
    SubscriberFactory.create_batch(30)
    with django_assert_num_queries(0):
        assert client.get(URL).status_code == 200
