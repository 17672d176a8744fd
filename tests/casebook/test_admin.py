"""The advisers' pages in the Wagtail admin: the queue, one case with its
redactions highlighted, editing, questions and the decisions."""

import pytest
from django.urls import reverse

from casebook.models import CasePage, CaseStatus, CaseSubmission
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

from .factories import (
    PERSONAL,
    draft_case,
    mail_at_once,  # noqa: F401 - autouse
    submitted_case,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def adviser(client, editor):
    login_with_second_factor(client, editor)
    return client


def test_the_menu_and_the_queue(adviser, member):
    case = submitted_case(member)
    draft = draft_case(member, title="Nog een concept")
    home = adviser.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar is JSON for Wagtail's script.
    assert '"label": "Casu\\u00efstiek"' in home
    assert reverse("casebook_review:queue") in home
    body = adviser.get(reverse("casebook_review:queue")).content.decode()
    assert case.anonymised_title in body
    assert draft.title not in body
    assert "wil een leerkring" in body


def test_the_case_with_redactions_highlighted_and_no_original(adviser, member):
    case = submitted_case(member)
    body = adviser.get(
        reverse("casebook_review:review", kwargs={"pk": case.pk})
    ).content.decode()
    assert '<mark class="redaction">[PERSOON-1]' in body
    for item in PERSONAL:
        assert item not in body
    original = adviser.get(
        reverse("casebook_review:original", kwargs={"pk": case.pk})
    ).content.decode()
    # What was replaced, by kind and number: the original is its author's alone.
    assert "PERSOON-1" in original
    for item in PERSONAL:
        assert item not in original


def test_the_adviser_edits_the_anonymised_text_sanitised_again(adviser, member):
    case = submitted_case(member)
    url = reverse("casebook_review:edit", kwargs={"pk": case.pk})
    assert adviser.get(url).status_code == 200
    response = adviser.post(
        url,
        {
            "title": "Oproep tot rellen in Lindenwaard",
            "region": "Lindenwaard",
            "what_happened": (
                '<p onclick="x()">[PERSOON-1] riep op.<script>alert(1)</script></p>'
            ),
            "tags": "voetbal",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.anonymised_title == "Oproep tot rellen in Lindenwaard"
    assert case.anonymised_what_happened == "<p>[PERSOON-1] riep op.</p>"
    assert list(case.tags.names()) == ["voetbal"]


def test_an_empty_edit_gets_messages(adviser, member):
    case = submitted_case(member)
    response = adviser.post(reverse("casebook_review:edit", kwargs={"pk": case.pk}), {})
    assert response.status_code == 200
    assert "verplicht" in response.content.decode()


def test_question_schedule_and_publish(adviser, member, editor, home_page, mailoutbox):
    case = submitted_case(member)
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page), title="Leerkring online orde"
    )
    mailoutbox.clear()
    adviser.post(
        reverse("casebook_review:message", kwargs={"pk": case.pk}),
        {"body": "Hoe oud was hij?"},
    )
    adviser.post(
        reverse("casebook_review:schedule", kwargs={"pk": case.pk}), {"event": event.pk}
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.SCHEDULED and case.learning_circle == event
    response = adviser.post(
        reverse("casebook_review:publish", kwargs={"pk": case.pk}),
        {"members_only": "on", "confirmed": "1"},
        follow=True,
    )
    assert "is gepubliceerd" in response.content.decode()
    page = CasePage.objects.get()
    assert page.live and page.learning_circle_id == event.pk
    assert [m.to for m in mailoutbox] == [[member.email]] * 3


def test_reject_with_a_reason(adviser, member, mailoutbox):
    case = submitted_case(member)
    url = reverse("casebook_review:reject", kwargs={"pk": case.pk})
    response = adviser.post(url, {"reason": ""}, follow=True)
    assert "Geef een reden" in response.content.decode()
    adviser.post(
        url, {"reason": "Te herleidbaar, ook geanonimiseerd.", "confirmed": "1"}
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.REJECTED and case.what_happened == ""
    body = adviser.get(
        reverse("casebook_review:review", kwargs={"pk": case.pk})
    ).content.decode()
    assert "gewist" in body
    original = adviser.get(
        reverse("casebook_review:original", kwargs={"pk": case.pk})
    ).content.decode()
    assert "De oorspronkelijke tekst is gewist." in original


def test_a_decision_twice_is_a_message(adviser, member, home_page):
    case = submitted_case(member)
    url = reverse("casebook_review:publish", kwargs={"pk": case.pk})
    adviser.post(url, {"confirmed": "1"})
    response = adviser.post(url, {"confirmed": "1"}, follow=True)
    assert "al gepubliceerd" in response.content.decode()
    assert CasePage.objects.count() == 1
    response = adviser.post(
        reverse("casebook_review:reject", kwargs={"pk": case.pk}),
        {"reason": "x"},
        follow=True,
    )
    assert "al gepubliceerd" in response.content.decode()
    assert CaseSubmission.objects.get().status == CaseStatus.PUBLISHED


def test_scheduling_for_an_unknown_event_is_a_message(adviser, member):
    case = submitted_case(member)
    response = adviser.post(
        reverse("casebook_review:schedule", kwargs={"pk": case.pk}),
        {"event": "999"},
        follow=True,
    )
    assert "Kies een van de komende bijeenkomsten" in response.content.decode()


def test_platforms_are_a_snippet(adviser):
    response = adviser.get(reverse("wagtailsnippets_casebook_platform:list"))
    assert response.status_code == 200
    assert "WhatsApp-groepen" in response.content.decode()


@pytest.mark.parametrize(
    ("action", "data", "button"),
    [
        ("publish", {"members_only": "on"}, "Publiceren en origineel wissen"),
        (
            "reject",
            {"reason": "Te herleidbaar."},
            "Niet publiceren en origineel wissen",
        ),
    ],
)
def test_a_decision_that_erases_the_original_is_confirmed_first(
    adviser, member, home_page, action, data, button
):
    """Publishing or rejecting erases the submitter's original for good: the
    first POST only shows a page that says so, with the choices carried."""
    case = submitted_case(member)
    url = reverse(f"casebook_review:{action}", kwargs={"pk": case.pk})
    response = adviser.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit kan niet ongedaan worden gemaakt." in body
    assert button in body
    assert 'name="confirmed" value="1"' in body
    case.refresh_from_db()
    assert case.in_review and case.what_happened  # nothing erased yet
    assert not CasePage.objects.exists()
    adviser.post(url, {**data, "confirmed": "1"})
    case.refresh_from_db()
    assert not case.in_review and case.what_happened == ""


def test_the_confirmation_carries_public_or_members_only(adviser, member, home_page):
    case = submitted_case(member)
    url = reverse("casebook_review:publish", kwargs={"pk": case.pk})
    body = adviser.post(url, {}).content.decode()
    assert "voor iedereen gepubliceerd, ook voor bezoekers" in body
    adviser.post(url, {"members_only": "False", "confirmed": "1"})
    assert CasePage.objects.get().view_restrictions.count() == 0
