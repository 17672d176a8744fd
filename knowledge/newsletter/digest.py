"""The digest: what became public since the previous one, mailed to every
confirmed subscriber exactly once.

A digest is recorded before the first mail goes out, with its period and
the exact contents, and each mail is recorded as it is sent. The next run
starts where the recorded period ends, so nothing is reported twice; a run
that broke off (mail server down, process killed) is finished by the next
run with the same contents, skipping those who already have it.

Run it outside a transaction (the management command does): each mail is
sent as its own small transaction commits.
"""

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.mail import MailNotSent, absolute_url, mail_after_commit

from .errors import NewsletterError
from .links import subscriber_link
from .models import Digest, DigestDelivery, Subscriber
from .sections import DigestSection
from .services import unsubscribe_headers
from .signals import digest_sections_requested
from .sources import news_section

logger = logging.getLogger(__name__)

# The very first digest reports this far back; later ones start where the
# previous one ended.
FIRST_PERIOD = dt.timedelta(days=30)


@dataclass(frozen=True)
class DigestOutcome:
    since: dt.datetime
    until: dt.datetime
    digest: Digest | None  # None: nothing new, nothing sent
    resumed: bool = False
    recipients: int = 0  # confirmed subscribers still to receive it
    sent: int = 0
    failed: int = 0


def digest_sections(*, since: dt.datetime, until: dt.datetime) -> list[dict]:
    """What is new in ``(since, until]``, as the data a digest keeps."""
    with translation.override(settings.LANGUAGE_CODE):
        found: list[DigestSection | None] = [news_section(since=since, until=until)]
        found += [
            response
            for _receiver, response in digest_sections_requested.send(
                sender=None, since=since, until=until
            )
        ]
    sections = sorted((s for s in found if s and s.items), key=lambda s: s.order)
    data = [s.as_data() for s in sections]
    for section in data:
        for item in section["items"]:
            item["url"] = absolute_url(item["url"])
    return data


def _next_digest(now: dt.datetime) -> tuple[Digest | None, bool, dt.datetime]:
    """An unfinished digest, or a new unsaved one; None if nothing is new."""
    unfinished = Digest.objects.filter(completed_at__isnull=True).first()
    if unfinished is not None:
        return unfinished, True, unfinished.period_start
    last = Digest.objects.order_by("-period_end").first()
    since = last.period_end if last else now - FIRST_PERIOD
    sections = digest_sections(since=since, until=now)
    if not sections:
        return None, False, since
    digest = Digest(
        period_start=since,
        period_end=now,
        sections=sections,
        item_count=sum(len(s["items"]) for s in sections),
    )
    return digest, False, since


def _recipients(digest: Digest) -> list[int]:
    confirmed = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    if digest.pk:
        confirmed = confirmed.exclude(pk__in=digest.deliveries.values("subscriber_id"))
    return list(confirmed.order_by("pk").values_list("pk", flat=True))


def digest_send(*, dry_run: bool = False) -> DigestOutcome:
    """Send the digest that is due. ``dry_run`` only tells what would go."""
    now = timezone.now()
    digest, resumed, since = _next_digest(now)
    if digest is None:
        return DigestOutcome(since=since, until=now, digest=None)
    if not dry_run and not resumed:
        _record(digest)
    recipients = _recipients(digest)
    outcome = {"since": since, "until": digest.period_end, "digest": digest}
    if dry_run:
        return DigestOutcome(**outcome, resumed=resumed, recipients=len(recipients))
    sent = failed = 0
    context = digest_mail_context(digest)
    for subscriber_id in recipients:
        try:
            sent += _deliver(digest, subscriber_id, context)
        except MailNotSent:
            # Sent at once (no worker) and refused, so not recorded as sent:
            # the next run tries again. With a worker, the mail task itself
            # tries again later.
            logger.exception("digest %s to subscriber %s", digest.pk, subscriber_id)
            DigestDelivery.objects.filter(
                digest=digest, subscriber_id=subscriber_id
            ).delete()
            failed += 1
    if not failed:
        _complete(digest)
    return DigestOutcome(
        **outcome,
        resumed=resumed,
        recipients=len(recipients),
        sent=sent,
        failed=failed,
    )


def _record(digest: Digest) -> None:
    try:
        with transaction.atomic():
            digest.full_clean()
            digest.save()
    except (IntegrityError, ValidationError) as exc:
        raise NewsletterError(
            _("Another run is already sending this digest; nothing was sent.")
        ) from exc


def _deliver(digest: Digest, subscriber_id: int, context: dict[str, Any]) -> bool:
    """Mail one subscriber, unless they left meanwhile or already have it."""
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update()
            .filter(pk=subscriber_id, status=Subscriber.Status.CONFIRMED)
            .first()
        )
        if subscriber is None:
            return False
        _delivery, created = DigestDelivery.objects.get_or_create(
            digest=digest, subscriber=subscriber
        )
        if not created:
            return False
        mail_after_commit(
            template="newsletter/email/digest",
            to=[subscriber.email],
            context={
                **context,
                "subscriber": subscriber,
                "unsubscribe_url": subscriber_link(subscriber, "unsubscribe"),
            },
            headers=unsubscribe_headers(subscriber),
        )
    return True


def digest_mail_context(digest: Digest) -> dict[str, Any]:
    return {
        "digest": digest,
        "sections": [
            {**section, "more": section["total"] - len(section["items"])}
            for section in digest.sections
        ],
        "site_url": absolute_url("/"),
        "signup_url": absolute_url(reverse("newsletter:signup")),
    }


@transaction.atomic
def _complete(digest: Digest) -> None:
    """Keep the count; who received it is no longer needed."""
    digest = Digest.objects.select_for_update().get(pk=digest.pk)
    # Deliveries pile up over every run that sent this digest until now.
    digest.recipient_count = digest.deliveries.count()
    digest.completed_at = timezone.now()
    digest.save(update_fields=["recipient_count", "completed_at"])
    digest.deliveries.all().delete()
