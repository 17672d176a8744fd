import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Bijeenkomsten"
    slug = "bijeenkomsten"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Leerkring online openbare orde {n}")
    kind = "leerkring"
    format = "online"
    location = "Microsoft Teams"
    intro = "We bespreken een casus uit Bodegraven."
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + dt.timedelta(days=14)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))


def register_member(event: EventPage, user):
    """``user`` registers for ``event`` with their account, as the event
    page's one-click form does."""
    from events.services import registration_create

    return registration_create(
        event=event,
        user=user,
        name=user.get_full_name() or "Lid",
        organisation=user.organisation or "Gemeente Zwolle",
        job_title=user.job_title or "OOV-adviseur",
        email=user.email,
    )
