"""Matching: an intervention fits when it is tied to the chosen phase AND
classification AND actor; "any" (None) drops that criterion."""

import pytest

from knowledge.interventions.models import InterventionKind
from knowledge.interventions.selectors import (
    actors_all,
    classifications_all,
    interventions_grouped,
    interventions_matching,
    phases_all,
)

from .factories import (
    ActorFactory,
    ClassificationFactory,
    InterventionFactory,
    PhaseFactory,
    situation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return situation()


def _titles(queryset) -> list[str]:
    return [i.title for i in queryset]


def test_all_three_must_match(s):
    InterventionFactory(
        title="Past",
        phases=[s["mobilisatie"]],
        classifications=[s["onrechtmatig"]],
        actors=[s["gemeente"]],
    )
    InterventionFactory(
        title="Andere fase",
        phases=[s["verstoring"]],
        classifications=[s["onrechtmatig"]],
        actors=[s["gemeente"]],
    )
    InterventionFactory(
        title="Andere classificatie",
        phases=[s["mobilisatie"]],
        classifications=[s["strafbaar"]],
        actors=[s["gemeente"]],
    )
    InterventionFactory(
        title="Andere actor",
        phases=[s["mobilisatie"]],
        classifications=[s["onrechtmatig"]],
        actors=[s["politie"]],
    )
    result = interventions_matching(
        phase=s["mobilisatie"], classification=s["onrechtmatig"], actor=s["gemeente"]
    )
    assert _titles(result) == ["Past"]


def test_any_drops_the_criterion_but_not_the_others(s):
    InterventionFactory(
        title="A",
        phases=[s["mobilisatie"]],
        classifications=[s["strafbaar"]],
        actors=[s["gemeente"]],
    )
    InterventionFactory(
        title="B",
        phases=[s["mobilisatie"]],
        classifications=[s["onrechtmatig"]],
        actors=[s["politie"]],
    )
    InterventionFactory(
        title="C",
        phases=[s["verstoring"]],
        classifications=[s["onrechtmatig"]],
        actors=[s["politie"]],
    )
    mobilisatie = s["mobilisatie"]
    assert _titles(interventions_matching(phase=mobilisatie)) == ["A", "B"]
    assert _titles(
        interventions_matching(phase=mobilisatie, classification=s["onrechtmatig"])
    ) == ["B"]
    assert _titles(interventions_matching(phase=mobilisatie, actor=s["gemeente"])) == [
        "A"
    ]


def test_several_ties_give_each_intervention_once(s):
    InterventionFactory(
        title="Breed",
        phases=[s["mobilisatie"], s["verstoring"]],
        classifications=[s["strafbaar"], s["onrechtmatig"]],
        actors=[s["gemeente"], s["politie"]],
    )
    assert _titles(interventions_matching(phase=s["mobilisatie"])) == ["Breed"]
    assert _titles(
        interventions_matching(
            phase=s["verstoring"],
            classification=s["strafbaar"],
            actor=s["politie"],
        )
    ) == ["Breed"]


def test_grouped_into_legal_and_non_legal_in_title_order(s):
    ties = {
        "phases": [s["mobilisatie"]],
        "classifications": [s["onrechtmatig"]],
        "actors": [s["gemeente"]],
    }
    InterventionFactory(title="Noodverordening", kind=InterventionKind.LEGAL, **ties)
    InterventionFactory(title="Gebiedsverbod", kind=InterventionKind.LEGAL, **ties)
    InterventionFactory(
        title="Publiekscommunicatie", kind=InterventionKind.NON_LEGAL, **ties
    )
    groups = interventions_grouped(phase=s["mobilisatie"])
    assert [i.title for i in groups.legal] == ["Gebiedsverbod", "Noodverordening"]
    assert [i.title for i in groups.non_legal] == ["Publiekscommunicatie"]
    assert len(groups) == 3


def test_nothing_fits(s):
    groups = interventions_grouped(phase=s["verstoring"], actor=s["politie"])
    assert len(groups) == 0 and not groups.legal and not groups.non_legal


def test_lists_follow_the_advisers_order():
    PhaseFactory(name="Nasleep", slug="nasleep", sort_order=5)
    PhaseFactory(name="Online signaal", slug="signaal", sort_order=1)
    ClassificationFactory(name="Ongewenst", slug="ongewenst", sort_order=3)
    ClassificationFactory(name="Strafbaar", slug="strafbaar", sort_order=1)
    ActorFactory(name="Politie", slug="politie", sort_order=2)
    ActorFactory(name="Gemeente", slug="gemeente", sort_order=1)
    assert [p.slug for p in phases_all()] == ["signaal", "nasleep"]
    assert [c.slug for c in classifications_all()] == ["strafbaar", "ongewenst"]
    assert [a.slug for a in actors_all()] == ["gemeente", "politie"]


def test_conditions_and_risks_one_per_line():
    intervention = InterventionFactory.build(
        conditions="  Eerste voorwaarde\n- Tweede voorwaarde\n\n \n", risks=""
    )
    assert intervention.conditions_list == ["Eerste voorwaarde", "Tweede voorwaarde"]
    assert intervention.risks_list == []
