"""Reads of the intervention tool. The casebook reuses the phase and
classification lists, so they are offered here rather than as model queries."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from .models import Actor, Classification, Intervention, InterventionKind, Phase


def phases_all() -> QuerySet[Phase]:
    """The phases of the barrier model in the advisers' order."""
    return Phase.objects.order_by("sort_order", "name")


def classifications_all() -> QuerySet[Classification]:
    return Classification.objects.order_by("sort_order", "name")


def actors_all() -> QuerySet[Actor]:
    return Actor.objects.order_by("sort_order", "name")


def interventions_matching(
    *,
    phase: Phase,
    classification: Classification | None = None,
    actor: Actor | None = None,
) -> QuerySet[Intervention]:
    """Interventions tied to ``phase`` and ``classification`` and ``actor``.

    ``None`` means "any" (the professional is not sure): that criterion is
    dropped, it does not require an intervention to fit every value. The
    actors and classifications are prefetched, as the tool names them, so the
    number of queries does not grow with the number of interventions.
    """
    interventions = Intervention.objects.filter(phases=phase)
    if classification is not None:
        interventions = interventions.filter(classifications=classification)
    if actor is not None:
        interventions = interventions.filter(actors=actor)
    # Each filter joins another table on one value, and the through tables
    # are unique per pair, so no row comes twice; no DISTINCT needed.
    return (
        interventions.select_related("guidance_page")
        .prefetch_related("actors", "classifications")
        .order_by("title", "pk")
    )


@dataclass
class InterventionGroups:
    legal: list[Intervention] = field(default_factory=list)
    non_legal: list[Intervention] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.legal) + len(self.non_legal)


def interventions_grouped(
    *,
    phase: Phase,
    classification: Classification | None = None,
    actor: Actor | None = None,
) -> InterventionGroups:
    """The matching interventions split into legal and non-legal ones."""
    groups = InterventionGroups()
    for intervention in interventions_matching(
        phase=phase, classification=classification, actor=actor
    ):
        if intervention.kind == InterventionKind.LEGAL:
            groups.legal.append(intervention)
        else:
            groups.non_legal.append(intervention)
    return groups
