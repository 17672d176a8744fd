"""Advisers make members experts in the Wagtail admin."""

import pytest
from django.urls import reverse

from experts.models import ExpertProfile
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db


def test_advisers_have_the_snippet_permissions(editor):
    for perm in ("experts.add_expertprofile", "experts.change_expertisetag"):
        assert editor.has_perm(perm)


def test_adviser_makes_a_member_an_expert(client, editor, member):
    login_with_second_factor(client, editor)
    url = reverse("wagtailsnippets_experts_expertprofile:add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "user": member.pk,
            "organisation": "Gemeente Voorbeeld",
            "region": "utrecht",
            "expertise": "online monitoring, communicatie",
            "languages": "Nederlands",
            "availability": "available",
            "description": "Kan helpen.",
            "phone": "",
            "show_email": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    profile = ExpertProfile.objects.get(user=member)
    assert sorted(profile.expertise.names()) == ["communicatie", "online monitoring"]


def test_members_do_not_reach_the_admin(client, member):
    client.force_login(member)
    url = reverse("wagtailsnippets_experts_expertprofile:list")
    assert client.get(url).status_code in (302, 403)
