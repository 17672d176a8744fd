"""Names, organisations and functions are one line: a line break or another
control character typed into one could start a line of its own in someone
else's mail ("Line\\r\\nBcc: ..."). Each form that takes one keeps it out."""

import pytest
from django.urls import reverse

from events.forms import GuestRegistrationForm
from experts.forms import ExpertProfileAdminForm, HelpRequestForm
from experts.models import ExpertProfile
from knowledge.newsletter.forms import SignupForm
from portal.accounts.models import User
from portal.core.single_line import SingleLineCharField, clean_single_line
from tests.accounts.test_account_request import FORM
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

INJECTED = "Anna\r\nBcc: iedereen@example.org"
ONE_LINE = "Anna Bcc: iedereen@example.org"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (INJECTED, ONE_LINE),
        ("Gemeente\nUtrecht", "Gemeente Utrecht"),
        ("a\x00b\x1bc\x85d\u2028e\u2029f\tg", "a b c d e f g"),
        ("  O'Brien   &  <Zoon>  ", "O'Brien & <Zoon>"),
        ("Zoë Çelik-Van 't Hof", "Zoë Çelik-Van 't Hof"),
    ],
)
def test_clean_single_line(typed, kept):
    assert clean_single_line(typed) == kept


def test_a_field_of_only_breaks_is_empty_and_so_required():
    field = SingleLineCharField(max_length=10)
    with pytest.raises(Exception, match="verplicht"):
        field.clean("\r\n\r\n")


def test_the_length_is_checked_after_cleaning():
    assert SingleLineCharField(max_length=5).clean("a\r\nb\r\nc") == "a b c"


@pytest.mark.django_db
def test_account_request_keeps_names_to_one_line(client):
    data = {
        **FORM,
        "first_name": INJECTED,
        "last_name": "de\r\nVries",
        "organisation": "Gemeente\nBodegraven",
        "job_title": "OOV\r\nadviseur",
    }
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 302
    user = User.objects.get(email=FORM["email"])
    assert (user.first_name, user.last_name) == (ONE_LINE, "de Vries")
    assert (user.organisation, user.job_title) == (
        "Gemeente Bodegraven",
        "OOV adviseur",
    )


@pytest.mark.django_db
def test_guest_registration_keeps_names_to_one_line(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    form = GuestRegistrationForm(
        {
            "name": INJECTED,
            "organisation": "Politie\r\nMidden",
            "job_title": "wijk\nagent",
            "email": "gast@example.org",
        },
        event=event,
    )
    assert form.is_valid(), form.errors
    assert form.details()["name"] == ONE_LINE
    assert form.details()["organisation"] == "Politie Midden"
    assert form.details()["job_title"] == "wijk agent"


@pytest.mark.django_db
def test_newsletter_sign_up_keeps_the_name_to_one_line():
    form = SignupForm({"email": "lezer@example.org", "name": INJECTED})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == ONE_LINE


@pytest.mark.django_db
def test_help_request_keeps_the_municipality_to_one_line():
    form = HelpRequestForm(
        {
            "urgency": "soon",
            "municipality": "Utrecht\r\nBcc: x@example.org",
            "region": "utrecht",
            "description": "Oproep tot rellen op een plein.",
            "form_token": "0b5e1c8e-6f7a-4a43-9a56-64b8f5a0c9a1",
        }
    )
    form.is_valid()
    assert "municipality" not in form.errors
    assert form.cleaned_data["municipality"] == "Utrecht Bcc: x@example.org"


def test_the_expert_admin_uses_the_one_line_organisation():
    assert isinstance(
        ExpertProfileAdminForm.base_fields["organisation"], SingleLineCharField
    )


@pytest.mark.django_db
def test_an_adviser_cannot_put_a_break_in_an_experts_organisation(
    client, editor, member
):
    login_with_second_factor(client, editor)
    response = client.post(
        reverse("wagtailsnippets_experts_expertprofile:add"),
        {
            "user": member.pk,
            "organisation": "Gemeente\r\nVoorbeeld",
            "region": "utrecht",
            "expertise": "online monitoring",
            "languages": "Nederlands",
            "availability": "available",
            "description": "",
            "phone": "",
        },
    )
    assert response.status_code == 302
    assert ExpertProfile.objects.get(user=member).organisation == "Gemeente Voorbeeld"


@pytest.mark.django_db
def test_the_user_admin_keeps_a_members_name_to_one_line(
    client, editor, member, settings
):
    # Wagtail's user edit view gets the edited user more than once.
    settings.ZEAL_ALLOWLIST = [
        *settings.ZEAL_ALLOWLIST,
        {"model": "accounts.User", "field": "get()"},
    ]
    # Only a superuser may edit accounts in Wagtail's user admin.
    editor.is_superuser = True
    editor.save(update_fields=["is_superuser"])
    login_with_second_factor(client, editor)
    url = reverse("wagtailusers_users:edit", args=[member.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "email": member.email,
            "first_name": INJECTED,
            "last_name": "de\r\nVries",
            "password1": "",
            "password2": "",
            "is_active": "on",
            "groups": [group.pk for group in member.groups.all()],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == (ONE_LINE, "de Vries")
