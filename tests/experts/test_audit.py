"""Assigning experts and closing a help request land in the audit log,
labelled by number, without the story or the people in it."""

import pytest

from experts.errors import ExpertsError
from experts.services import experts_assign, request_close
from tests.portal.audit import assert_says_nothing_of, ours, the_entry
from tests.portal.audit import audit_actions as actions

pytestmark = pytest.mark.django_db


def _private(help_request) -> list[str]:
    requester = help_request.requester
    return ["Jan de Vries", "rellenkoning", requester.last_name, requester.email]


def test_assigning_is_logged_once_with_the_expert_ids(open_request, expert, editor):
    experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    experts_assign(help_request=open_request, experts=[expert], adviser=editor)
    entry = the_entry("leerkring.helprequest.assign", on=open_request, by=editor)
    assert entry.label == f"Hulpvraag #{open_request.pk}"
    assert entry.data == {
        "experts": [expert.pk],
        "old_status": "new",
        "new_status": "assigned",
    }
    assert_says_nothing_of(entry, *_private(open_request), expert.user.last_name)


def test_a_refused_assignment_logs_nothing(open_request, editor):
    with pytest.raises(ExpertsError):
        experts_assign(help_request=open_request, experts=[], adviser=editor)
    assert ours(actions()) == []


def test_closing_by_an_adviser_names_the_adviser(open_request, editor):
    private = _private(open_request)
    request_close(help_request=open_request, user=editor)
    request_close(help_request=open_request, user=editor)
    entry = the_entry("leerkring.helprequest.close", on=open_request, by=editor)
    assert entry.data["closed_by"] == "adviser"
    assert entry.data["original_erased"] is True
    assert_says_nothing_of(entry, *private)


def test_closing_by_the_requester_is_the_platforms(open_request):
    request_close(help_request=open_request, user=open_request.requester)
    entry = the_entry("leerkring.helprequest.close", on=open_request, by=None)
    assert entry.data["closed_by"] == "requester"
