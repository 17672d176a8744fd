"""The call-back number of a help request: asked for acute help, shown on
the request's page to those who handle it, never mailed, erased at closing."""

import pytest
from django.urls import reverse

from experts.errors import ExpertsError
from experts.models import HelpRequest
from experts.services import experts_assign, request_close
from tests.accounts.factories import MemberFactory
from tests.experts.factories import ExpertProfileFactory, help_request
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db
NUMBER = "06-24 68 13 57"


@pytest.fixture
def filed(requester, mailoutbox):
    return help_request(requester, callback_phone=NUMBER)


def _page(client, filed):
    return client.get(reverse("experts:request", args=[filed.pk]))


@pytest.mark.readme_claim(
    "The call-back number of a help request is shown to its author, the "
    "advisers and the experts assigned to it, is never mailed, and is erased "
    "when the request closes."
)
def test_those_who_handle_the_request_see_the_number_and_no_one_else(
    client, filed, requester, editor, expert
):
    experts_assign(help_request=filed, experts=[expert], adviser=editor)
    for user in (requester, expert.user):
        client.force_login(user)
        page = _page(client, filed).content.decode()
        assert NUMBER in page and 'href="tel:+31624681357"' in page
    login_with_second_factor(client, editor)
    assert NUMBER in _page(client, filed).content.decode()
    unassigned = ExpertProfileFactory(user=MemberFactory())
    for user in (MemberFactory(), unassigned.user):
        client.force_login(user)
        response = _page(client, filed)
        assert response.status_code == 404
        assert NUMBER not in response.content.decode()


@pytest.mark.readme_claim(
    "The call-back number of a help request is shown to its author, the "
    "advisers and the experts assigned to it, is never mailed, and is erased "
    "when the request closes."
)
def test_the_number_is_in_no_mail(
    requester, editor, expert, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        filed = help_request(requester, callback_phone=NUMBER)
    with django_capture_on_commit_callbacks(execute=True):
        experts_assign(help_request=filed, experts=[expert], adviser=editor)
    assert len(mailoutbox) >= 3  # advisers, the expert, the requester
    for message in mailoutbox:
        assert "24 68 13 57" not in message.body
        assert all("24 68 13 57" not in str(a) for a in message.alternatives)


@pytest.mark.readme_claim(
    "The call-back number of a help request is shown to its author, the "
    "advisers and the experts assigned to it, is never mailed, and is erased "
    "when the request closes."
)
def test_closing_erases_the_number(filed, requester):
    request_close(help_request=filed, user=requester)
    filed.refresh_from_db()
    assert filed.callback_phone == ""


def test_the_number_is_not_anonymised(filed):
    assert filed.callback_phone == NUMBER


@pytest.mark.parametrize(
    ("urgency", "number", "message"),
    [
        ("acute", "", "acute hulp begint met een telefoontje"),
        ("soon", "bel me", "in cijfers"),
        ("soon", "06-123", "in cijfers"),
        ("soon", "+31 6 1234 5678 9012 34", "in cijfers"),
    ],
)
def test_a_missing_or_odd_number_is_refused(requester, urgency, number, message):
    with pytest.raises(ExpertsError, match=message):
        help_request(requester, urgency=urgency, callback_phone=number)
    assert not HelpRequest.objects.exists()


@pytest.mark.parametrize("number", ["", "+31 (0)6-24681357", "030 - 241 55 09"])
def test_other_urgencies_take_a_number_or_none(requester, number):
    filed = help_request(requester, urgency="soon", callback_phone=number)
    assert filed.callback_phone == " ".join(number.split())


def test_the_form_shows_the_rule_at_the_field(client, member):
    client.force_login(member)
    url = reverse("experts:request_new")
    token = client.get(url).context["form"].initial["form_token"]
    response = client.post(
        url,
        {
            "urgency": "acute",
            "municipality": "Lindenwaard",
            "region": "utrecht",
            "description": "Oproep op TikTok.",
            "form_token": token,
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["callback_phone"]
    assert not HelpRequest.objects.exists()
