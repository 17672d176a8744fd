"""The members' pages: the directory with its filters, the request form,
the digital cup of coffee and the expert's own profile."""

import pytest
from django.urls import reverse

from experts.errors import ExpertsError
from experts.models import ExpertProfile, HelpRequest
from tests.second_factor import login_with_second_factor

from .factories import ExpertProfileFactory, help_request, old_advice_request

pytestmark = pytest.mark.django_db


def test_directory_is_for_members(client, unapproved):
    url = reverse("experts:directory")
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    client.force_login(unapproved)
    response = client.get(url)
    assert response.status_code == 403
    assert (
        "“Expertnetwerk” is alleen beschikbaar voor leden" in response.content.decode()
    )


def test_directory_filters(client, member, expert, other_expert):
    client.force_login(member)
    url = reverse("experts:directory")
    page = client.get(url + "?expertise=jongerenwerk").content.decode()
    assert "Ilse Demir" in page and "Sanne Bakker" not in page
    page = client.get(url + "?regio=utrecht").content.decode()
    assert "Sanne Bakker" in page and "Ilse Demir" not in page
    page = client.get(url + "?q=demir").content.decode()
    assert "Ilse Demir" in page and "Sanne Bakker" not in page
    ExpertProfile.objects.filter(pk=expert.pk).update(availability="unavailable")
    page = client.get(url + "?beschikbaarheid=available").content.decode()
    assert "Ilse Demir" in page and "Sanne Bakker" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("expertise=toveren", "Er is geen expertisegebied met die naam"),
        ("regio=atlantis", "Die regio bestaat niet"),
        ("beschikbaarheid=soms", "Die beschikbaarheid kennen we niet"),
        ("pagina=abc", None),
    ],
)
def test_unknown_filters_get_a_message(client, member, expert, query, message):
    client.force_login(member)
    response = client.get(reverse("experts:directory") + "?" + query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sanne Bakker" in page
    if message:
        assert message in page


def test_contact_details_only_as_the_expert_chooses(client, member):
    shown = ExpertProfileFactory(show_email=True, show_phone=False, phone="030-111")
    hidden = ExpertProfileFactory(show_email=False, show_phone=True, phone="030-222")
    client.force_login(member)
    page = client.get(reverse("experts:directory")).content.decode()
    assert shown.user.email in page and "030-111" not in page
    assert hidden.user.email not in page and "030-222" in page
    # Tappable on a phone, and nothing of the hidden number in a link (#14).
    assert '<a href="tel:+3130222">030-222</a>' in page
    assert "tel:+3130111" not in page


def test_filing_a_request(
    client, member, editor, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member)
    url = reverse("experts:request_new")
    form = client.get(url + "?urgentie=acute")
    token = form.context["form"].initial["form_token"]
    data = {
        "urgency": "acute",
        "callback_phone": "06-12345678",
        "municipality": "Lindenwaard",
        "region": "utrecht",
        "description": "Oproep van Jan de Vries op TikTok.",
        "expertise": [],
        "form_token": token,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    created = HelpRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("experts:request", args=[created.pk])
    again = client.post(url, data)
    assert again.url == response.url and HelpRequest.objects.count() == 1
    assert len(mailoutbox) == 1


def test_bad_fields_keep_what_was_typed(client, member):
    client.force_login(member)
    response = client.post(
        reverse("experts:request_new"),
        {
            "urgency": "",
            "municipality": "Lindenwaard",
            "region": "mars",
            "description": "Mijn lange verhaal",
            "form_token": "0b6c1b62-5d7e-4c1e-9f43-2c3a7d5f7a11",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies hoe dringend de hulpvraag is." in page
    assert "Mijn lange verhaal" in page and 'value="Lindenwaard"' in page
    assert not HelpRequest.objects.exists()


def test_the_request_form_no_longer_offers_advice(client, member):
    """An informal talk is a digital cup of coffee with a time slot now:
    the request form offers acute and soon only, and ignores an old link."""
    client.force_login(member)
    response = client.get(reverse("experts:request_new") + "?urgentie=advice")
    form = response.context["form"]
    assert [value for value, _label in form.fields["urgency"].choices] == [
        "acute",
        "soon",
    ]
    assert "urgency" not in form.initial
    assert reverse("experts:coffee") in response.content.decode()


def test_advice_posted_by_hand_is_refused(client, member):
    client.force_login(member)
    url = reverse("experts:request_new")
    token = client.get(url).context["form"].initial["form_token"]
    response = client.post(
        url,
        {
            "urgency": "advice",
            "municipality": "Lindenwaard",
            "region": "utrecht",
            "description": "Graag even sparren over onze aanpak.",
            "form_token": token,
        },
    )
    assert response.status_code == 400
    assert not HelpRequest.objects.exists()
    with pytest.raises(ExpertsError, match="hoe dringend"):
        help_request(member, urgency="advice")


def test_an_old_advice_request_still_reads(client, member):
    filed = old_advice_request(member)
    client.force_login(member)
    response = client.get(reverse("experts:request", args=[filed.pk]))
    assert response.status_code == 200
    assert filed.is_coffee


def test_my_profile(client, member, expert):
    url = reverse("experts:my_profile")
    client.force_login(member)
    assert "geen expertprofiel" in client.get(url).content.decode()
    client.force_login(expert.user)
    response = client.post(
        url,
        {"availability": "limited", "description": "Alleen op maandag", "phone": ""},
    )
    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.availability == "limited" and not expert.show_email
    response = client.post(url, {"availability": "available", "show_phone": "on"})
    assert response.status_code == 400
    assert "Vul een telefoonnummer in" in response.content.decode()


def test_assign_page_assigns(client, editor, open_request, expert, other_expert):
    login_with_second_factor(client, editor)
    url = reverse("experts:assign", args=[open_request.pk])
    page = client.get(url).content.decode()
    assert page.index("Sanne Bakker") < page.index("Ilse Demir")
    response = client.post(url, {})
    assert response.status_code == 400
    assert "Kies ten minste één expert." in response.content.decode()
    response = client.post(url, {"experts": [expert.pk]})
    assert response.status_code == 302
    assert list(open_request.experts.all()) == [expert]
