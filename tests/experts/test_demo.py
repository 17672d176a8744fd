import pytest
from django.core.management import call_command

from experts.models import ExpertProfile
from portal.accounts.selectors import user_is_member

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
