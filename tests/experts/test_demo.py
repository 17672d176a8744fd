import pytest
from django.core.management import call_command

from experts.coffee.selectors import slots_free_by_host
from experts.models import CoffeeSlot, ExpertProfile
from portal.accounts.selectors import user_is_member
from tests.accounts.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_demo_experts_are_made_once(home_page):
    call_command("load_demo")
    call_command("load_demo")
    profiles = ExpertProfile.objects.select_related("user")
    assert profiles.count() == 3
    for profile in profiles:
        assert profile.user.email.endswith(".example")
        assert user_is_member(profile.user)
        assert profile.expertise.exists()


def test_demo_experts_offer_upcoming_coffee_times_once(home_page):
    call_command("load_demo")
    call_command("load_demo")
    assert CoffeeSlot.objects.count() == 7
    groups = slots_free_by_host(viewer=MemberFactory())
    assert [(g.host.last_name, len(g.slots)) for g in groups] == [
        ("Bakker", 3),
        ("Demir", 2),
        ("Okafor", 2),
    ]
