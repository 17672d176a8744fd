"""Reactions of the events app: its part in a member's privacy rights (see
portal.accounts.signals) and telling participants about changed events."""

from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from portal.accounts.signals import account_deleting, personal_data_requested

from .feed_cache import feed_forget
from .models import EventPage, Registration, TopicFollow
from .services import event_changes_notify, registration_cancel, waiting_list_fill
from .topics import event_announce, topic_follows_erase


def _registrations_of(user) -> QuerySet[Registration]:
    """Registrations with the account and those made as a guest with one of
    its addresses (before the account existed, or while logged out): both
    are data about this person."""
    # Verified addresses only: an unverified one may be someone else's.
    addresses = {
        a.lower()
        for a in user.emailaddress_set.filter(verified=True).values_list(
            "email", flat=True
        )
    }
    return Registration.objects.filter(Q(user=user) | Q(email__in=addresses))


@receiver(personal_data_requested, dispatch_uid="events.export")
def _export(sender, user, **kwargs):
    registrations = _registrations_of(user).select_related("event")
    return (
        "registrations",
        [
            {
                "event": r.event.title,
                "starts_at": r.event.starts_at,
                "name": r.name,
                "organisation": r.organisation,
                "job_title": r.job_title,
                "email": r.email,
                "status": r.status,
                "registered_at": r.created_at,
            }
            for r in registrations
        ],
    )


@receiver(personal_data_requested, dispatch_uid="events.export_topics")
def _export_topics(sender, user, **kwargs):
    follows = TopicFollow.objects.filter(user=user).order_by("kind", "pk")
    return (
        "followed_kinds_of_meeting",
        [
            {
                "kind": f.kind,
                "home_region_only": f.home_region_only,
                "since": f.created_at,
            }
            for f in follows
        ],
    )


@receiver(account_deleting, dispatch_uid="events.delete_topics")
def _erase_topics(sender, user, **kwargs):
    topic_follows_erase(user=user)


@receiver(account_deleting, dispatch_uid="events.delete")
def _erase(sender, user, **kwargs):
    """Free the member's places for the waiting list, then erase every
    registration that names them; only the counts of past events remain in
    the form of other people's registrations."""
    for registration in _registrations_of(user).select_related("event"):
        if registration.is_active and not registration.event.is_past:
            registration_cancel(registration=registration, notify=False)
    _registrations_of(user).delete()


@receiver(page_published, dispatch_uid="events.notify_changes")
def _notify_participants(sender, instance, **kwargs):
    """Every publish (from the admin, scheduled or by code) may move or cancel
    an event, or add places; participants hear of it once."""
    if isinstance(instance, EventPage):
        feed_forget()
        event_changes_notify(event=instance)
        # A raised capacity frees places that nobody cancelled.
        waiting_list_fill(event=instance)
        # Opened for registration with this publish: its followers hear once.
        event_announce(event=instance)


@receiver(page_unpublished, dispatch_uid="events.feed_unpublished")
@receiver(post_delete, sender=EventPage, dispatch_uid="events.feed_deleted")
def _feed_changed(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        feed_forget()
