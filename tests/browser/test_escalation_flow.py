"""An acute request nobody picked up: the scheduled command mails the
advisers once, and the adviser finds it marked overdue on the dashboard."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from experts.models import HelpRequest
from tests.browser.helpers import log_in
from tests.conftest import totp_code
from tests.experts.factories import help_request

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_overdue_request_is_mailed_once_and_shown_overdue(
    live_server, new_page, axe, member, editor
):
    filed = help_request(member, urgency="acute", municipality="Lindenwaard")
    # Filed a working week ago: more than two working hours, whatever today is.
    HelpRequest.objects.filter(pk=filed.pk).update(
        created_at=timezone.now() - dt.timedelta(days=7)
    )
    mail.outbox.clear()
    call_command("escalate_help_requests", stdout=None)
    call_command("escalate_help_requests", stdout=None)
    overdue = [m for m in mail.outbox if "Te laat" in m.subject]
    assert [m.to for m in overdue] == [[editor.email]]

    page = new_page()
    log_in(page, live_server.url, editor.email, "/admin/")
    page.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    page.get_by_role("button", name="Inloggen").click()
    # Again, without Wagtail's own "logged in" message (its green fails
    # the contrast check; it is not ours to restyle).
    page.reload()
    panel = page.get_by_role("region", name="1 open hulpvraag")
    expect(panel.get_by_text("Te laat")).to_be_visible()
    expect(
        panel.get_by_role("link", name=f"Hulpvraag {filed.pk} (Lindenwaard)")
    ).to_be_visible()
    axe(page)
