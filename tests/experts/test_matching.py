"""Which experts are suggested for a request, and in which order."""

import pytest

from experts.selectors import experts_suggested
from experts.services import experts_assign

from .factories import ExpertProfileFactory, help_request

pytestmark = pytest.mark.django_db


def _names(suggestions) -> list[str]:
    return [e.description for e in suggestions]


def test_ranked_by_overlap_then_availability_then_region(requester):
    wanted = ["online monitoring", "platformcontact"]
    ExpertProfileFactory(
        description="both, limited, same region",
        expertise=wanted,
        availability="limited",
    )
    ExpertProfileFactory(
        description="both, available, elsewhere", expertise=wanted, region="limburg"
    )
    ExpertProfileFactory(
        description="one, available, same region", expertise=["online monitoring"]
    )
    ExpertProfileFactory(
        description="one, available, elsewhere",
        expertise=["platformcontact"],
        region="limburg",
    )
    ExpertProfileFactory(
        description="one, limited, same region",
        expertise=["online monitoring"],
        availability="limited",
    )
    ExpertProfileFactory(
        description="both, not available", expertise=wanted, availability="unavailable"
    )
    ExpertProfileFactory(description="nothing in common", expertise=["jongerenwerk"])
    created = help_request(requester, expertise=wanted, region="utrecht")
    assert _names(experts_suggested(help_request=created)) == [
        "both, available, elsewhere",
        "both, limited, same region",
        "one, available, same region",
        "one, available, elsewhere",
        "one, limited, same region",
    ]  # fmt: skip


def test_assigned_experts_and_the_requester_are_left_out(requester, editor):
    ExpertProfileFactory(user=requester, expertise=["communicatie"])
    assigned = ExpertProfileFactory(description="assigned", expertise=["communicatie"])
    ExpertProfileFactory(description="free", expertise=["communicatie"])
    created = help_request(requester, expertise=["communicatie"])
    experts_assign(help_request=created, experts=[assigned], adviser=editor)
    assert _names(experts_suggested(help_request=created)) == ["free"]


def test_without_expertise_asked_every_available_expert_fits(requester):
    ExpertProfileFactory(description="elsewhere", region="limburg")
    ExpertProfileFactory(description="same region")
    ExpertProfileFactory(description="away", availability="unavailable")
    created = help_request(requester, expertise=[], region="utrecht")
    assert _names(experts_suggested(help_request=created)) == [
        "same region",
        "elsewhere",
    ]
