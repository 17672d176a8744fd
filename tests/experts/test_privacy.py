"""A member's export includes their expert profile, requests and messages;
deleting the account removes them."""

import pytest

from experts.models import ExpertProfile, HelpRequest, RequestMessage
from experts.services import experts_assign, message_post
from portal.accounts.services import account_delete, account_export

pytestmark = pytest.mark.django_db


def test_export(open_request, expert, editor):
    experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    message_post(help_request=open_request, author=expert.user, body="Ik help")
    mine = account_export(user=open_request.requester)["expert_network"]
    assert mine["expert_profile"] is None
    assert mine["requests_for_help"][0]["description"] == open_request.original_text
    theirs = account_export(user=expert.user)["expert_network"]
    assert theirs["expert_profile"]["expertise"] == [
        "online monitoring",
        "platformcontact",
    ]
    assert theirs["messages"][0]["body"] == "Ik help"


def test_deleting_accounts(open_request, expert, editor):
    experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    message_post(help_request=open_request, author=expert.user, body="Ik help")
    account_delete(user=expert.user)
    assert not ExpertProfile.objects.exists()
    message = RequestMessage.objects.get()
    assert message.author is None and message.body == "Ik help"
    account_delete(user=open_request.requester)
    assert not HelpRequest.objects.exists() and not RequestMessage.objects.exists()
