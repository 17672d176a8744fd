"""A member asks the flying brigade for help in a real browser: an acute
request, an adviser assigns an expert, the expert replies, the requester
closes it and turns it into a draft case."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from casebook.models import CaseSubmission
from experts.models import ExpertiseTag, HelpRequest
from tests.accounts.factories import MemberFactory
from tests.browser.helpers import log_in
from tests.conftest import totp_code
from tests.experts.factories import ExpertProfileFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORY = (
    "Jan de Vries (06-12345678) roept via TikTok op tot rellen op het "
    "Marktplein in Lindenwaard, vanavond om 21.00 uur."
)


def test_acute_request_from_filing_to_draft_case(
    live_server, new_page, axe, member, editor
):
    expert = ExpertProfileFactory(
        user=MemberFactory(first_name="Sanne", last_name="Bakker"),
        expertise=["online monitoring", "platformcontact"],
    )
    ExpertiseTag.objects.get_or_create(name="jongerenwerk", slug="jongerenwerk")

    # The member files an acute request; the urgency is preselected.
    person = new_page()
    log_in(person, live_server.url, member.email, "/experts/")
    expect(person.get_by_role("heading", level=1)).to_have_text("Expertnetwerk")
    axe(person)
    person.get_by_role("link", name="Hulp vragen").first.click()
    expect(person.get_by_label("Acuut: hulp nodig binnen 24 uur")).to_be_checked()
    axe(person)
    person.get_by_role("button", name="Hulpvraag versturen").click()
    expect(person.get_by_text("Vul de gemeente in.")).to_be_visible()
    expect(person.get_by_text("acute hulp begint met een telefoontje")).to_be_visible()
    axe(person)
    person.get_by_label("Terugbelnummer").fill("06-24 68 13 57")
    person.get_by_label("Gemeente").fill("Lindenwaard")
    person.get_by_label("Provincie").select_option("utrecht")
    person.get_by_label("Wat speelt er?").fill(STORY)
    person.get_by_label("online monitoring").check()
    person.get_by_role("button", name="Hulpvraag versturen").click()
    expect(person.get_by_text("Uw hulpvraag is verstuurd.")).to_be_visible()
    axe(person)
    help_request = HelpRequest.objects.get()
    assert "Jan de Vries" not in help_request.anonymised_text
    assert [m.to for m in mail.outbox] == [[editor.email]]
    # The call-back number is on the request's page only, never in a mail.
    assert "24 68 13 57" not in mail.outbox[0].body

    # The adviser signs in with the second factor and assigns the expert.
    adviser = new_page()
    log_in(adviser, live_server.url, editor.email, "/experts/hulpvragen/")
    adviser.get_by_label("Code", exact=True).fill(totp_code(editor.totp_secret))
    adviser.get_by_role("button", name="Inloggen").click()
    title = f"Hulpvraag {help_request.pk}: Lindenwaard"
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Hulpvragen")
    axe(adviser)
    adviser.get_by_role("link", name=title).first.click()
    expect(adviser.get_by_text("Jan de Vries")).to_have_count(0)
    expect(adviser.get_by_role("link", name="06-24 68 13 57")).to_be_visible()
    axe(adviser)
    adviser.get_by_role("link", name="Experts toewijzen").click()
    axe(adviser)
    adviser.get_by_label(re.compile("^Sanne Bakker")).check()
    adviser.get_by_role("button", name="Toewijzen en inlichten").click()
    expect(
        adviser.get_by_text("De experts zijn toegewezen en ingelicht.")
    ).to_be_visible()
    expect(adviser.get_by_text("Expert toegewezen", exact=True)).to_be_visible()
    assert {tuple(m.to) for m in mail.outbox[1:]} == {
        (expert.user.email,),
        (member.email,),
    }

    # The expert replies.
    helper = new_page()
    log_in(helper, live_server.url, expert.user.email, "/experts/hulpvragen/")
    helper.get_by_role("link", name=title).click()
    expect(helper.get_by_role("link", name="06-24 68 13 57")).to_have_attribute(
        "href", "tel:+31624681357"
    )
    helper.get_by_label("Bericht", exact=True).fill("Ik bel u binnen het uur.")
    helper.get_by_role("button", name="Bericht versturen").click()
    expect(helper.get_by_text("Uw bericht is verstuurd.")).to_be_visible()
    expect(helper.get_by_text("In behandeling", exact=True)).to_be_visible()
    axe(helper)

    # An expert who is not assigned finds no such request.
    other = ExpertProfileFactory(user=MemberFactory(), expertise=["online monitoring"])
    stranger = new_page()
    log_in(stranger, live_server.url, other.user.email, "/experts/hulpvragen/")
    response = stranger.goto(f"{live_server.url}/experts/hulpvragen/{help_request.pk}/")
    assert response.status == 404
    assert "24 68 13 57" not in stranger.content()

    # ... and marks themself as busy for a while on their own profile.
    helper.get_by_role("link", name="Mijn expertprofiel").click()
    axe(helper)
    helper.get_by_label("Beperkt beschikbaar").check()
    helper.get_by_role("button", name="Opslaan").click()
    expect(helper.get_by_text("Uw expertprofiel is opgeslagen.")).to_be_visible()
    expert.refresh_from_db()
    assert expert.availability == "limited"

    # The requester reads the reply, closes the request and makes a case.
    person.goto(f"{live_server.url}/experts/hulpvragen/{help_request.pk}/")
    expect(person.get_by_text("Ik bel u binnen het uur.")).to_be_visible()
    person.get_by_role("button", name="Hulpvraag sluiten").click()
    expect(person.get_by_text("De hulpvraag is gesloten.")).to_be_visible()
    expect(person.get_by_text("06-24 68 13 57")).to_have_count(0)
    help_request.refresh_from_db()
    assert help_request.callback_phone == ""
    axe(person)
    person.get_by_role("button", name="Maak er een conceptcasus van").click()
    expect(person).to_have_url(re.compile(r"/casuistiek/mijn-casussen/\d+/bewerken/$"))
    case = CaseSubmission.objects.get()
    assert case.submitter == member and case.is_draft
    assert "Jan de Vries" not in case.what_happened
    person.go_back()
    person.reload()
    person.get_by_role("button", name="Naar de conceptcasus").click()
    expect(person).to_have_url(re.compile(rf"/casuistiek/mijn-casussen/{case.pk}/"))
    assert CaseSubmission.objects.count() == 1
    help_request.refresh_from_db()
    assert help_request.original_text == ""
