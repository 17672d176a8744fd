"""Every write to subscriptions goes through these functions."""

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.audit import audit_log_list
from portal.core.mail import mail_after_commit

from .exports import subscribers_csv
from .links import CONFIRM_MAX_AGE, subscriber_link
from .models import Subscriber
from .selectors import subscribers_confirmed

logger = logging.getLogger(__name__)
Status = Subscriber.Status

# A pending address gets the confirmation again when it signs up again, but
# not more often than this: otherwise the form could bombard a stranger's
# mailbox from many addresses, under the per-IP limit.
RESEND_AFTER = dt.timedelta(minutes=15)


def normalise_email(email: str) -> str:
    """One spelling per address. Lower-casing the local part is not strictly
    right by RFC 5321, but no mail provider our readers use distinguishes it,
    and a duplicate subscription would be worse."""
    return email.strip().lower()


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs show an unsubscribe button that
    posts to the link, without the reader opening a web page."""
    return {
        "List-Unsubscribe": f"<{subscriber_link(subscriber, 'unsubscribe')}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _send_confirmation(subscriber: Subscriber) -> None:
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["confirmation_sent_at"])
    mail_after_commit(
        template="newsletter/email/confirm",
        to=[subscriber.email],
        context={
            "subscriber": subscriber,
            "confirm_url": subscriber_link(subscriber, "confirm"),
            "unsubscribe_url": subscriber_link(subscriber, "unsubscribe"),
            "valid_days": CONFIRM_MAX_AGE // (24 * 3600),
        },
        headers=unsubscribe_headers(subscriber),
    )


@transaction.atomic
def subscriber_signup(*, email: str, name: str = "") -> Subscriber:
    """Sign ``email`` up, pending until the link in the mail is followed.

    Signing up again changes nothing for a confirmed address and sends the
    confirmation once more for a pending one; the caller shows the same
    message whatever happened, so the form does not reveal who subscribes.
    """
    email = normalise_email(email)
    subscriber = Subscriber.objects.select_for_update().for_emails([email]).first()
    if subscriber is None:
        subscriber = Subscriber(email=email, name=name.strip())
        subscriber.full_clean()
        try:
            with transaction.atomic():
                subscriber.save()
        except IntegrityError:
            # The same address signed up at the same moment; that one wins.
            return Subscriber.objects.for_emails([email]).get()
        logger.info("newsletter subscriber %s signed up", subscriber.pk)
        _send_confirmation(subscriber)
    elif subscriber.status == Status.PENDING and _may_resend(subscriber):
        _send_confirmation(subscriber)
    return subscriber


def _may_resend(subscriber: Subscriber) -> bool:
    sent = subscriber.confirmation_sent_at
    return sent is None or timezone.now() - sent >= RESEND_AFTER


@transaction.atomic
def subscriber_confirm(*, subscriber: Subscriber) -> Subscriber:
    """Confirm the sign-up; following the link twice is harmless."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Status.PENDING:
        subscriber.status = Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.full_clean()
        subscriber.save(update_fields=["status", "confirmed_at"])
        logger.info("newsletter subscriber %s confirmed", subscriber.pk)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber_id: int) -> bool:
    """Delete the subscription (see Subscriber for why nothing is kept).
    False when it was already gone: a second click is no error."""
    deleted, _detail = Subscriber.objects.filter(pk=subscriber_id).delete()
    if deleted:
        logger.info("newsletter subscriber %s unsubscribed", subscriber_id)
    return bool(deleted)


@transaction.atomic
def subscribers_purge_unconfirmed(*, now: dt.datetime | None = None) -> int:
    """Delete sign-ups whose confirmation link has expired: nobody confirmed
    them, so the address may not be kept."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=CONFIRM_MAX_AGE)
    stale = Subscriber.objects.filter(status=Status.PENDING, created_at__lt=cutoff)
    # The confirmation may have been sent again later; its link still works.
    stale = stale.exclude(confirmation_sent_at__gte=cutoff)
    _total, deleted = stale.delete()
    return deleted.get(Subscriber._meta.label, 0)


@transaction.atomic
def subscribers_erase(*, emails: list[str]) -> int:
    """Delete the subscriptions of these addresses (an account's deletion)."""
    _total, deleted = Subscriber.objects.for_emails(emails).delete()
    return deleted.get(Subscriber._meta.label, 0)


@transaction.atomic
def subscribers_export(*, by) -> bytes:
    """The confirmed subscribers as CSV for the adviser ``by``; the audit
    log records who took the list and how long it was, not who was on it."""
    subscribers = list(subscribers_confirmed())
    data = subscribers_csv(subscribers)
    audit_log_list(
        model=Subscriber,
        action="leerkring.newsletter.export",
        user=by,
        label=_("Confirmed newsletter subscribers"),
        data={"rows": len(subscribers)},
    )
    return data
