import factory

from knowledge.interventions.models import (
    Actor,
    Classification,
    Intervention,
    InterventionKind,
    Phase,
)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Fase {n}")
    slug = factory.Sequence(lambda n: f"fase-{n}")
    sort_order = factory.Sequence(lambda n: n)


class ClassificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Classification
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Classificatie {n}")
    slug = factory.Sequence(lambda n: f"classificatie-{n}")
    sort_order = factory.Sequence(lambda n: n)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Actor {n}")
    slug = factory.Sequence(lambda n: f"actor-{n}")
    sort_order = factory.Sequence(lambda n: n)


class InterventionFactory(factory.django.DjangoModelFactory):
    """Pass ``phases``, ``classifications`` and ``actors`` as lists."""

    class Meta:
        model = Intervention
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Interventie {n}")
    slug = factory.Sequence(lambda n: f"interventie-{n}")
    kind = InterventionKind.LEGAL
    summary = "Wat de interventie inhoudt."
    conditions = "Eerste voorwaarde\n- Tweede voorwaarde\n\n"
    risks = "Verplaatsing naar besloten groepen"

    @factory.post_generation
    def phases(self, create, extracted, **kwargs):
        if create and extracted:
            self.phases.set(extracted)

    @factory.post_generation
    def classifications(self, create, extracted, **kwargs):
        if create and extracted:
            self.classifications.set(extracted)

    @factory.post_generation
    def actors(self, create, extracted, **kwargs):
        if create and extracted:
            self.actors.set(extracted)


def situation() -> dict:
    """The demo's slugs, as a small set to build tests on."""
    return {
        "mobilisatie": PhaseFactory(name="Mobilisatie", slug="mobilisatie"),
        "verstoring": PhaseFactory(name="Verstoring", slug="verstoring"),
        "strafbaar": ClassificationFactory(name="Strafbaar", slug="strafbaar"),
        "onrechtmatig": ClassificationFactory(name="Onrechtmatig", slug="onrechtmatig"),
        "gemeente": ActorFactory(name="Gemeente", slug="gemeente"),
        "politie": ActorFactory(name="Politie", slug="politie"),
    }
