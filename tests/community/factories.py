import datetime as dt

import factory
from django.utils import timezone

from community.models import MeetingNote, Post, Theme, Thread
from tests.accounts.factories import MemberFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Ondermijning {n}")
    slug = factory.Sequence(lambda n: f"ondermijning-{n}")
    description = "Ondermijning reikt van wijk tot web en wereld."


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread
        skip_postgeneration_save = True

    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Signalen uit de wijk {n}")
    author = factory.SubFactory(MemberFactory)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(MemberFactory)
    body = "<p>Bij ons werkt de wijkagent als vast aanspreekpunt.</p>"

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class MeetingNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingNote

    theme = factory.SubFactory(ThemeFactory)
    event = None
    meeting_date = factory.LazyFunction(
        lambda: timezone.localdate() - dt.timedelta(days=7)
    )
    agenda_item = "Bewustwordingscampagne tegen ondermijning"
    said = "<p>Gemeente en politie treden samen op.</p>"
    conclusions = "<ul><li>Eén afzender.</li></ul>"
