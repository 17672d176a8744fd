"""The expert network's pages cost the same number of queries however
many experts, tags, requests and messages there are."""

import pytest
from django.urls import reverse

from experts.services import experts_assign, message_post
from tests.queries import page_queries
from tests.second_factor import login_with_second_factor

from .factories import ExpertProfileFactory, help_request

pytestmark = pytest.mark.django_db


def _fill(n: int, *, requester, adviser, target) -> None:
    for i in range(n):
        expert = ExpertProfileFactory(
            expertise=[f"vak-{i}", "online monitoring", "communicatie"],
            region="utrecht" if i % 2 else "limburg",
        )
        help_request(requester, municipality=f"Gemeente {i}", expertise=[f"vak-{i}"])
        experts_assign(help_request=target, experts=[expert], adviser=adviser)
        message_post(help_request=target, author=expert.user, body=f"Bericht {i}")


@pytest.mark.parametrize("viewer", ["requester", "adviser"])
def test_pages_cost_a_fixed_number_of_queries(
    client, requester, editor, open_request, viewer
):
    login_with_second_factor(
        client, {"requester": requester, "adviser": editor}[viewer]
    )
    urls = {
        "directory": reverse("experts:directory"),
        # A query every factory profile matches: an empty page would skip the
        # prefetch and cost fewer queries for a reason that is not the size.
        "filtered": reverse("experts:directory")
        + "?expertise=online-monitoring&q=monitoring",
        "requests": reverse("experts:requests"),
        "request": reverse("experts:request", args=[open_request.pk]),
        "new": reverse("experts:request_new"),
    }
    if viewer == "adviser":
        urls["assign"] = reverse("experts:assign", args=[open_request.pk])
    _fill(2, requester=requester, adviser=editor, target=open_request)
    small = {name: page_queries(client, url) for name, url in urls.items()}
    _fill(14, requester=requester, adviser=editor, target=open_request)
    large = {name: page_queries(client, url) for name, url in urls.items()}
    assert small == large
