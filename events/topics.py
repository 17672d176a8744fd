"""Topic lists: members follow a kind of meeting ("keep me informed of new
learning circles") and are mailed once when a new one opens.

Every write about follows and announcements goes through these functions.
An event is announced once: an ``EventAnnouncement`` row records that it
happened (with zero recipients too), so republishing or editing the page,
or the hourly command passing again, never mails anyone twice.
"""

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.selectors import user_is_member
from portal.core.audit import audit_log
from portal.core.mail import absolute_url, mail_after_commit

from .audit import event_audit
from .errors import TopicError
from .links import topic_unsubscribe_link
from .models import EventAnnouncement, EventKind, EventPage, TopicFollow, kind_plural
from .selectors import topic_recipients
from .states import accepts_registrations, event_state

logger = logging.getLogger(__name__)


def _follow_audit(follow: TopicFollow, action: str, *, by=None) -> None:
    audit_log(
        instance=follow,
        action=f"leerkring.topic.{action}",
        user=by,
        label=_("Followed kind of meeting #{id}").format(id=follow.pk),
        data={"kind": follow.kind, "home_region_only": follow.home_region_only},
    )


@transaction.atomic
def topic_follow(*, user, kind: str, home_region_only: bool = False) -> TopicFollow:
    """``user`` hears of every new meeting of ``kind``; following again
    changes only the region setting."""
    if not user_is_member(user):
        raise TopicError(_("Only members can follow a kind of meeting."))
    if kind not in EventKind.values:
        raise TopicError(_("There is no kind of meeting with that name."))
    if home_region_only and not user.home_region:
        raise TopicError(
            _("Choose your home region on your profile first; then you can limit this.")
        )
    follow, created = TopicFollow.objects.get_or_create(
        user=user, kind=kind, defaults={"home_region_only": home_region_only}
    )
    if not created and follow.home_region_only == home_region_only:
        return follow
    follow.home_region_only = home_region_only
    follow.full_clean()
    follow.save()
    _follow_audit(follow, "follow" if created else "change", by=user)
    return follow


@transaction.atomic
def topic_unfollow(*, user, kind: str) -> bool:
    """True if ``user`` was following ``kind``."""
    follow = TopicFollow.objects.filter(user=user, kind=kind).first()
    if follow is None:
        return False
    _follow_audit(follow, "unfollow", by=user)
    follow.delete()
    return True


@transaction.atomic
def topic_follow_delete(*, follow: TopicFollow) -> None:
    """Stop following through the link in a mail (no login needed)."""
    follow = TopicFollow.objects.filter(pk=follow.pk).first()
    if follow is None:
        return
    _follow_audit(follow, "unfollow_by_link")
    follow.delete()


def topic_follows_erase(*, user) -> int:
    """The account goes: its follows go with it. Returns the count."""
    deleted, _details = TopicFollow.objects.filter(user=user).delete()
    return deleted


def _announcement_due(event: EventPage) -> bool:
    """Live, and open for registration now (places left or a waiting list)."""
    if not event.live:
        return False
    confirmed = event.registrations.filter(status="confirmed").count()
    return accepts_registrations(event_state(event=event, confirmed=confirmed))


def _announcement_mail(event: EventPage, follow: TopicFollow) -> None:
    unsubscribe_url = absolute_url(topic_unsubscribe_link(follow))
    mail_after_commit(
        template="events/email/topic_announcement",
        to=[follow.user.email],
        context={
            "event": event,
            "event_url": absolute_url(event.url),
            "kind_plural": kind_plural(event.kind),
            "follow": follow,
            "unsubscribe_url": unsubscribe_url,
        },
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>"},
    )


@transaction.atomic
def event_announce(*, event: EventPage) -> int | None:
    """Mail the followers of ``event``'s kind that it opened, once: the
    number mailed, or None when it is not open or was announced before."""
    event = EventPage.objects.get(pk=event.pk)
    if not _announcement_due(event):
        return None
    try:
        # The row is the lock: of two publishes at once, one inserts it.
        with transaction.atomic():
            announcement = EventAnnouncement.objects.create(event=event)
    except IntegrityError:
        return None
    follows = topic_recipients(event=event)
    for follow in follows:
        _announcement_mail(event, follow)
    announcement.recipients = len(follows)
    announcement.save(update_fields=["recipients"])
    event_audit(event, "announce", recipients=len(follows))
    return len(follows)


def announcements_send_due(*, now: dt.datetime | None = None) -> int:
    """Announce the meetings whose registration opened since they were
    published (``registration_opens_at`` passed). Run with the hourly
    reminders; returns the number of meetings announced."""
    now = now or timezone.now()
    due = (
        EventPage.objects.live()
        .filter(
            announcement__isnull=True,
            cancelled=False,
            registration_closed=False,
            starts_at__gt=now,
        )
        .filter(
            Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=now)
        )
        .filter(
            Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=now)
        )
        .order_by("starts_at", "pk")
    )
    announced = 0
    for event in due:
        if event_announce(event=event) is not None:
            announced += 1
    if announced:
        logger.info("%s meeting(s) announced to their followers", announced)
    return announced
