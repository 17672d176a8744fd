"""The digest command: news and meetings since the previous digest, to
confirmed subscribers only, each item once."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time
from wagtail.models import PageViewRestriction

from events.models import EventIndexPage, EventPage
from knowledge.models import NewsIndexPage, NewsPage
from knowledge.newsletter.digest import _record, digest_send
from knowledge.newsletter.errors import NewsletterError
from knowledge.newsletter.models import Digest, DigestDelivery, Subscriber
from tests.newsletter.conftest import link_in
from tests.newsletter.factories import PendingSubscriberFactory, SubscriberFactory

pytestmark = pytest.mark.django_db
START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def site(home_page):
    """The news and meeting overviews; ``publish`` adds a live page at the
    frozen time, as an adviser's "Publish" does."""
    news = home_page.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    events = home_page.add_child(
        instance=EventIndexPage(title="Bijeenkomsten", slug="bijeenkomsten")
    )

    def publish(kind: str, title: str, **fields):
        if kind == "news":
            page = NewsPage(
                title=title,
                category="policy",
                date=dt.date(2026, 3, 1),
                teaser="Wat gemeenten leerden van de rellen.",
                **fields,
            )
            news.add_child(instance=page)
        else:
            starts = fields.pop("starts_at", START + dt.timedelta(days=30))
            page = EventPage(
                title=title,
                kind="leerkring",
                format="online",
                location="Microsoft Teams",
                intro="We bespreken een casus uit Ede.",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                **fields,
            )
            events.add_child(instance=page)
        page.save_revision().publish()
        return page

    return publish


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def _run(*args) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_newsletter_digest", *args, stdout=out)
        return out.getvalue()

    return _run


def test_digest_reaches_confirmed_subscribers_once(site, run, mailoutbox):
    with freeze_time(START):
        reader = SubscriberFactory(email="lezer@ede.example", name="Sanne")
        PendingSubscriberFactory(email="nog-niet@ede.example")
        news = site("news", "Lessen uit Bodegraven")
        event = site("event", "Leerkring over pedojagers")
    with freeze_time(START + dt.timedelta(days=7)):
        output = run()
    assert "sent to 1 subscribers" in output
    (mail,) = mailoutbox
    assert mail.to == ["lezer@ede.example"]
    assert (
        mail.subject == "[Leerkring] Nieuwsbrief van 9 maart 2026: nieuw op Leerkring"
    )
    body = mail.body
    assert "Beste Sanne," in body
    assert "NIEUWS\n" in body and "NIEUWE BIJEENKOMSTEN\n" in body
    assert f"http://testserver{news.url}" in body
    assert f"http://testserver{event.url}" in body
    assert "Lessen uit Bodegraven" in body and "Leerkring over pedojagers" in body
    assert "1 maart 2026, " in body  # the news item's date and category
    assert "1 april 2026, 10:00, Microsoft Teams" in body  # local time
    assert "&amp;" not in body and "&#x27;" not in body
    # The personal unsubscribe link, in the text and for the mail program.
    path = link_in(mail, "unsubscribe")
    assert mail.extra_headers["List-Unsubscribe"] == f"<http://testserver{path}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    digest = Digest.objects.get()
    assert (digest.period_start, digest.period_end) == (
        START - dt.timedelta(days=23),  # the first digest looks 30 days back
        START + dt.timedelta(days=7),
    )
    assert (digest.item_count, digest.recipient_count) == (2, 1)
    assert digest.completed_at is not None
    assert [s["key"] for s in digest.sections] == ["news", "events"]
    assert not DigestDelivery.objects.exists()  # only the count is kept
    assert reader.pk  # still subscribed

    mailoutbox.clear()
    with freeze_time(START + dt.timedelta(days=7, minutes=5)):
        output = run()
    assert "Nothing new" in output
    assert mailoutbox == []
    assert Digest.objects.count() == 1


def test_next_digest_has_only_what_is_new(site, run, mailoutbox):
    SubscriberFactory()
    with freeze_time(START):
        site("news", "Oud bericht")
    with freeze_time(START + dt.timedelta(days=1)):
        run()
    with freeze_time(START + dt.timedelta(days=3)):
        site("news", "Nieuw bericht")
    with freeze_time(START + dt.timedelta(days=8)):
        run()
    assert len(mailoutbox) == 2
    assert "Oud bericht" in mailoutbox[0].body
    assert "Nieuw bericht" in mailoutbox[1].body
    assert "Oud bericht" not in mailoutbox[1].body
    first, second = Digest.objects.order_by("period_start")
    assert second.period_start == first.period_end


def test_only_public_live_news_and_upcoming_meetings(site, run, mailoutbox):
    SubscriberFactory()
    with freeze_time(START):
        site("news", "Openbaar bericht")
        hidden = site("news", "Alleen voor leden")
        PageViewRestriction.objects.create(
            page=hidden, restriction_type=PageViewRestriction.LOGIN
        )
        site("news", "Teruggetrokken").unpublish()
        site("event", "Komt nog")
        site("event", "Afgelast", cancelled=True)
        site("event", "Al begonnen", starts_at=START + dt.timedelta(hours=1))
    with freeze_time(START + dt.timedelta(days=1)):
        run()
    (mail,) = mailoutbox
    assert "Openbaar bericht" in mail.body and "Komt nog" in mail.body
    for title in ("Alleen voor leden", "Teruggetrokken", "Afgelast", "Al begonnen"):
        assert title not in mail.body


def test_nothing_new_sends_nothing(site, run, mailoutbox):
    SubscriberFactory()
    with freeze_time(START):
        site("news", "Heel oud bericht")
    with freeze_time(START + dt.timedelta(days=45)):
        output = run()
    assert "Nothing new" in output
    assert mailoutbox == []
    assert not Digest.objects.exists()


def test_dry_run_tells_and_sends_nothing(site, run, mailoutbox):
    SubscriberFactory.create_batch(3)
    PendingSubscriberFactory()
    with freeze_time(START):
        site("news", "Lessen uit Bodegraven")
        site("event", "Leerkring over pedojagers")
    with freeze_time(START + dt.timedelta(days=1)):
        output = run("--dry-run")
    assert "Dry run" in output
    assert "Lessen uit Bodegraven" in output and "Leerkring over pedojagers" in output
    assert "Would be sent to 3 subscribers" in output
    assert mailoutbox == []
    assert not Digest.objects.exists()
    with freeze_time(START + dt.timedelta(days=1)):
        run()
    assert len(mailoutbox) == 3


def test_long_sections_are_cut_with_a_count(site, run, mailoutbox, monkeypatch):
    monkeypatch.setattr("knowledge.newsletter.sources.SECTION_LIMIT", 2)
    SubscriberFactory()
    with freeze_time(START):
        for n in range(5):
            site("news", f"Bericht {n}")
    with freeze_time(START + dt.timedelta(days=1)):
        run()
    body = mailoutbox[0].body
    assert len(re.findall(r"^\* Bericht", body, re.M)) == 2
    assert "… en nog 3 berichten op http://testserver/" in body


def test_interrupted_digest_is_finished_without_doubles(site, run, mailoutbox):
    first, second = SubscriberFactory.create_batch(2)
    with freeze_time(START):
        site("news", "Lessen uit Bodegraven")
    with freeze_time(START + dt.timedelta(days=1)):
        # A run that recorded the digest and mailed ``first``, then stopped.
        digest = digest_send(dry_run=True).digest
        digest.save()
        DigestDelivery.objects.create(digest=digest, subscriber=first)
        output = run()
    assert "Finishing the digest" in output
    assert [m.to for m in mailoutbox] == [[second.email]]
    digest.refresh_from_db()
    assert digest.completed_at is not None and digest.recipient_count == 2


def test_unsubscribed_in_the_meantime_get_nothing(site, run, mailoutbox):
    stays, leaves = SubscriberFactory.create_batch(2)
    with freeze_time(START):
        site("news", "Lessen uit Bodegraven")
    leaves.delete()
    with freeze_time(START + dt.timedelta(days=1)):
        run()
    assert [m.to for m in mailoutbox] == [[stays.email]]
    assert Subscriber.objects.count() == 1


def test_the_run_also_forgets_unconfirmed_sign_ups(run):
    with freeze_time(START):
        PendingSubscriberFactory()
    with freeze_time(START + dt.timedelta(days=8)):
        assert "Unconfirmed sign-ups deleted: 1" in run()
    assert not Subscriber.objects.exists()


def test_two_runs_at_once_send_one_digest(site):
    SubscriberFactory()
    with freeze_time(START):
        site("news", "Lessen uit Bodegraven")
    with freeze_time(START + dt.timedelta(days=1)):
        # Both runs plan the same period before either has recorded it.
        one = digest_send(dry_run=True).digest
        two = digest_send(dry_run=True).digest
        _record(one)
        with pytest.raises(NewsletterError):
            _record(two)
    assert Digest.objects.count() == 1


def test_command_reports_a_refusal(monkeypatch):
    def refuse(**kwargs):
        raise NewsletterError("bezet")

    monkeypatch.setattr(
        "knowledge.newsletter.management.commands.send_newsletter_digest.digest_send",
        refuse,
    )
    with pytest.raises(CommandError, match="bezet"):
        call_command("send_newsletter_digest", stdout=StringIO())
