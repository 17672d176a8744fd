"""Advisers read the audit log in Wagtail's site history report; others
do not, and Wagtail shows each adviser only the types their group holds a
permission on, which the apps' migrations give the Advisers group."""

import csv
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.urls import reverse

from casebook.services.audit import case_audit
from community.moderation import post_hide
from events.audit import registration_audit
from events.models import Registration
from experts.audit import request_audit
from knowledge.newsletter.services import subscribers_export
from portal.accounts.services import account_approve
from tests.accounts.factories import UserFactory
from tests.casebook.factories import draft_case
from tests.community.factories import PostFactory, ThreadFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.experts.factories import help_request
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db
REPORT = reverse("wagtailadmin_reports:site_history")
RESULTS = reverse("wagtailadmin_reports:site_history_results")


@pytest.fixture
def logged(editor, unapproved, member, home_page):
    """One entry of each kind of object advisers act on."""
    account_approve(user=unapproved, decided_by=editor)
    case = draft_case(member)
    case_audit(case, "edit", by=editor, fields=["anonymised_title"])
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    registration = Registration.objects.create(
        event=event,
        name="Fatima el Amrani",
        organisation="Gemeente Lindenwaard",
        job_title="Jongerenwerker",
        email="fatima@lindenwaard.example",
        status=Registration.Status.PENDING_APPROVAL,
    )
    registration_audit(registration, "decline", by=editor)
    request_audit(help_request(member), "close", by=editor)
    post = PostFactory(thread=ThreadFactory(author=member), author=member)
    post_hide(post=post, by=editor, reason="Noemt een bewoner")
    subscribers_export(by=editor)
    return {
        "account": f"Account #{unapproved.pk}",
        "case": f"Casus #{case.pk}",
        "registration": f"Aanmelding #{registration.pk} voor {event.title}",
        "post": f"Bericht #{post.pk}",
        "list": "Bevestigde abonnees van de nieuwsbrief",
    }


def test_an_adviser_reads_every_kind_of_entry(client, editor, logged):
    login_with_second_factor(client, editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    for label in logged.values():
        assert label in page, label
    assert "Accountaanvraag goedgekeurd" in page
    assert "Hulpvraag gesloten; origineel gewist" in page
    assert "Fatima" not in page and "Noemt een bewoner" not in page


def test_the_filter_by_action_offers_dutch_labels_and_works(client, editor, logged):
    login_with_second_factor(client, editor)
    page = client.get(REPORT).content.decode()
    assert "Geanonimiseerde casus bewerken" in page
    assert "Aanmelding afwijzen" in page
    results = client.get(RESULTS, {"action": "leerkring.case.edit"})
    body = results.content.decode()
    assert logged["case"] in body
    assert logged["account"] not in body and logged["post"] not in body


def test_the_report_exports_as_csv(client, editor, logged):
    login_with_second_factor(client, editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    labels = {row[1] for row in rows[1:]}
    assert set(logged.values()) <= labels


def test_a_member_cannot_open_the_report(client, member, logged):
    client.force_login(member)
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "Casus #" not in client.get(RESULTS).content.decode()


def test_admin_staff_without_the_advisers_permissions_see_none_of_it(client, logged):
    staff = UserFactory(approval_status="approved")
    staff.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    TOTP.activate(staff, generate_totp_secret())
    login_with_second_factor(client, staff)
    response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    for label in logged.values():
        assert label not in page, label
