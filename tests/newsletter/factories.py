import factory
from django.utils import timezone

from knowledge.newsletter.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"lezer{n}@gemeente.example")
    name = factory.Sequence(lambda n: f"Lezer {n}")
    status = Subscriber.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class PendingSubscriberFactory(SubscriberFactory):
    status = Subscriber.Status.PENDING
    confirmed_at = None
    confirmation_sent_at = factory.LazyFunction(timezone.now)
