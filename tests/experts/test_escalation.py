"""An acute request that no adviser picked up within two working hours is
mailed to all advisers again, once, and shown as overdue."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from experts.models import HelpRequest, RequestMessage
from experts.services import experts_assign, requests_escalate
from experts.working_hours import AMSTERDAM, working_time_between
from tests.experts.factories import help_request, old_advice_request
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in the week of Monday 7 December 2026, Amsterdam time."""
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (_at(7, 9), _at(7, 11), 2),  # Monday morning
        (_at(7, 7), _at(7, 9, 30), 1),  # before opening counts from 08:30
        (_at(11, 16, 30), _at(14, 9, 30), 2),  # Friday afternoon to Monday
        (_at(12, 10), _at(13, 23), 0),  # a weekend
        (_at(7, 18), _at(8, 8), 0),  # a night
        (_at(7, 11), _at(7, 9), 0),  # the wrong way round
        (
            dt.datetime(2027, 3, 26, 16, 30, tzinfo=AMSTERDAM),  # before summer time
            dt.datetime(2027, 3, 29, 9, 30, tzinfo=AMSTERDAM),
            2,
        ),
    ],
)
def test_working_time_counts_office_hours_only(start, end, hours):
    assert working_time_between(start, end) == dt.timedelta(hours=hours)


@pytest.fixture
def acute(requester, editor):
    filed = help_request(requester, urgency="acute")
    HelpRequest.objects.filter(pk=filed.pk).update(created_at=_at(7, 9))
    filed.refresh_from_db()
    return filed


def test_an_overdue_request_is_mailed_again_once(
    acute, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert requests_escalate(now=_at(7, 10, 59)) == 0  # not yet
        assert requests_escalate(now=_at(7, 11, 1)) == 1
        assert requests_escalate(now=_at(7, 15)) == 0  # once only
    [mail] = mailoutbox
    assert mail.to == [editor.email]
    assert mail.subject.endswith("Te laat: acute hulpvraag uit Lindenwaard")
    assert reverse("experts:request", args=[acute.pk]) in mail.body
    acute.refresh_from_db()
    assert acute.escalated_at == _at(7, 11, 1)


def test_a_request_picked_up_is_not_escalated(acute, editor, expert, requester):
    experts_assign(help_request=acute, experts=[expert], adviser=editor)
    assert requests_escalate(now=_at(8, 12)) == 0


def test_an_answer_counts_as_picked_up_but_the_requesters_own_does_not(
    acute, editor, requester
):
    RequestMessage.objects.create(request=acute, author=requester, body="Nog iets.")
    assert requests_escalate(now=_at(7, 12)) == 1
    other = help_request(requester, urgency="acute")
    HelpRequest.objects.filter(pk=other.pk).update(created_at=_at(7, 9))
    RequestMessage.objects.create(request=other, author=editor, body="Ik bel u.")
    assert requests_escalate(now=_at(7, 12)) == 0


@pytest.mark.parametrize("urgency", ["soon", "advice"])
def test_only_acute_requests_are_escalated(requester, urgency):
    if urgency == "advice":
        filed = old_advice_request(requester)
    else:
        filed = help_request(requester, urgency=urgency)
    HelpRequest.objects.filter(pk=filed.pk).update(created_at=_at(7, 9))
    assert requests_escalate(now=_at(9, 12)) == 0


def test_the_command_reports_what_it_did(acute, monkeypatch):
    from experts import services

    monkeypatch.setattr(services.timezone, "now", lambda: _at(7, 12))
    out = io.StringIO()
    call_command("escalate_help_requests", stdout=out)
    call_command("escalate_help_requests", stdout=out)
    assert out.getvalue().splitlines() == [
        "Requests escalated: 1",
        "Requests escalated: 0",
    ]


def test_the_dashboard_lists_open_requests_with_age_and_overdue(
    client, editor, acute, requester
):
    requests_escalate(now=_at(7, 12))
    quiet = old_advice_request(requester, municipality="Zeewolde")
    login_with_second_factor(client, editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 open hulpvragen" in page
    assert page.index(f"Hulpvraag {acute.pk} (Lindenwaard)") < page.index(
        f"Hulpvraag {quiet.pk} (Zeewolde)"
    )
    assert "Te laat" in page


def test_the_dashboard_panel_costs_the_same_queries_for_3_and_30_requests(requester):
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext

    from experts.dashboard import OpenRequestsPanel

    def queries() -> int:
        panel = OpenRequestsPanel()
        with CaptureQueriesContext(connection) as captured:
            render_to_string(panel.template_name, panel.get_context_data())
        return len(captured)

    for _ in range(3):
        help_request(requester, urgency="soon")
    few = queries()
    for _ in range(27):
        help_request(requester, urgency="soon")
    assert queries() == few == 2  # the list and the count
