"""A mail server that fails halfway: the next run sends what is missing and
nothing twice. Committed transactions, as in production, so that each mail
goes out as its own transaction commits."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from knowledge.models import NewsIndexPage, NewsPage
from knowledge.newsletter.models import Digest, DigestDelivery
from tests.newsletter.backends import RefusingBackend
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_failed_mails_are_sent_by_the_next_run(home_page, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.RefusingBackend"
    mail.outbox = []
    readers = SubscriberFactory.create_batch(3)
    with freeze_time("2026-03-02 09:00"):
        news = home_page.add_child(instance=NewsIndexPage(title="Nieuws"))
        item = NewsPage(
            title="Lessen uit Bodegraven",
            category="policy",
            date=dt.date(2026, 3, 2),
            teaser="Wat gemeenten leerden.",
        )
        news.add_child(instance=item)
        item.save_revision().publish()
    RefusingBackend.refused = {readers[1].email}
    try:
        with freeze_time("2026-03-09 09:00"), pytest.raises(CommandError):
            call_command("send_newsletter_digest", stdout=StringIO())
        assert sorted(m.to[0] for m in mail.outbox) == sorted(
            [readers[0].email, readers[2].email]
        )
        digest = Digest.objects.get()
        assert digest.completed_at is None
        assert DigestDelivery.objects.count() == 2

        RefusingBackend.refused = set()
        mail.outbox = []
        with freeze_time("2026-03-09 10:00"):
            out = StringIO()
            call_command("send_newsletter_digest", stdout=out)
        assert [m.to[0] for m in mail.outbox] == [readers[1].email]
        assert "Lessen uit Bodegraven" in mail.outbox[0].body
        digest.refresh_from_db()
        assert digest.completed_at is not None
        assert digest.recipient_count == 3
    finally:
        RefusingBackend.refused = set()
