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
