"""The member's pages through the test client: the guided form, the
preview with its corrections, confirming, messages and withdrawal; and
odd input, which always gets a message and never a server error."""

import uuid

import pytest
from django.urls import reverse

from casebook.models import CaseStatus, CaseSubmission, Platform

from .factories import (
    PERSONAL,
    STORY,
    anonymised_case,
    draft_case,
    mail_at_once,  # noqa: F401 - autouse
    submitted_case,
)

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    data = {
        "form_token": str(uuid.uuid4()),
        "title": "Oproep van Jan de Vries",
        "region": "Lindenwaard",
        "period": "Voorjaar 2025",
        "platforms": [p.pk for p in Platform.objects.filter(slug="tiktok")],
        "what_happened": STORY,
        "interventions_tried": "",
        "lessons": "",
        "tags": "voetbal, jongeren",
        "action": "save",
    }
    data.update(overrides)
    return data


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def test_the_form_is_in_dutch_with_every_field_labelled(logged_in):
    body = logged_in.get(reverse("casebook:new")).content.decode()
    for label in (
        "Titel",
        "Gemeente of regio",
        "Periode",
        "Betrokken platforms",
        "Wat er gebeurde",
        "Geleerde lessen",
        "Trefwoorden",
        "leerkring",
    ):
        assert label in body
    assert "TikTok" in body and 'name="form_token"' in body
    assert "<legend" in body  # the platforms are a fieldset


def test_save_a_draft_and_come_back_to_it(logged_in, member):
    response = logged_in.post(reverse("casebook:new"), form_data())
    case = CaseSubmission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("casebook:edit", kwargs={"pk": case.pk})
    page = logged_in.get(response["Location"]).content.decode()
    assert "Uw concept is opgeslagen" in page
    assert "Oproep van Jan de Vries" in page
    listing = logged_in.get(reverse("casebook:mine")).content.decode()
    assert "Oproep van Jan de Vries" in listing and "Concept" in listing


def test_the_form_posted_twice_makes_one_case(logged_in):
    data = form_data()
    logged_in.post(reverse("casebook:new"), data)
    response = logged_in.post(reverse("casebook:new"), data, follow=True)
    assert CaseSubmission.objects.count() == 1
    assert "al opgeslagen" in response.content.decode()


def test_save_and_preview_highlights_every_replacement(logged_in):
    response = logged_in.post(
        reverse("casebook:new"), form_data(action="preview"), follow=True
    )
    body = response.content.decode()
    case = CaseSubmission.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "casebook:preview", kwargs={"pk": case.pk}
    )
    assert (
        '<mark class="redaction">[PERSOON-1]<span class="visually-hidden w-sr-only"> ('
        in body
    )
    assert '<mark class="redaction">[HANDLE-1]' in body
    assert '<mark class="redaction">[TELEFOON-1]' in body
    # The anonymised text holds none of the personal data; the table of
    # replacements (the submitter's own words) does.
    preview = body.split('<div class="preview">')[1].split("</article>")[0]
    for item in PERSONAL:
        assert item not in preview
    assert 'name="keep" value="Jan de Vries"' in body


def test_preview_corrections_then_confirm(logged_in, member, editor, mailoutbox):
    case = anonymised_case(member)
    url = reverse("casebook:preview", kwargs={"pk": case.pk})
    response = logged_in.post(
        url,
        {
            "action": "recompute",
            "keep": ["Fatima el Amrani"],
            "text": "Marktplein",
            "label": "ADRES",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "opnieuw gemaakt" in body
    case.refresh_from_db()
    assert "[ADRES-1]" in case.anonymised_what_happened
    assert "Fatima el Amrani" in case.anonymised_lessons
    assert "op uw verzoek behouden" in body
    response = logged_in.post(
        url,
        {
            "action": "confirm",
            "keep": ["Fatima el Amrani"],
            "version": case.anonymised_source,
        },
        follow=True,
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert "Uw casus is ingediend" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[editor.email], [member.email]]


def test_confirm_with_new_corrections_applies_them_first(logged_in, member):
    case = anonymised_case(member)
    url = reverse("casebook:preview", kwargs={"pk": case.pk})
    response = logged_in.post(
        url,
        {
            "action": "confirm",
            "text": "Marktplein",
            "label": "ADRES",
            "version": case.anonymised_source,
        },
        follow=True,
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT
    assert (
        "controleer het voorbeeld en bevestig opnieuw"
        in response.content.decode().lower()
    )


def test_confirming_a_stale_preview_gets_a_message(logged_in, member):
    case = anonymised_case(member)
    url = reverse("casebook:preview", kwargs={"pk": case.pk})
    response = logged_in.post(url, {"action": "confirm", "version": "oud"}, follow=True)
    assert "ouder voorbeeld" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT


def test_confirming_twice_is_harmless(logged_in, member, editor, mailoutbox):
    case = anonymised_case(member)
    url = reverse("casebook:preview", kwargs={"pk": case.pk})
    data = {"action": "confirm", "version": case.anonymised_source}
    logged_in.post(url, data)
    response = logged_in.post(url, data, follow=True)
    assert response.status_code == 200
    assert len(mailoutbox) == 2


def test_marking_a_text_that_is_not_there(logged_in, member):
    case = anonymised_case(member)
    url = reverse("casebook:preview", kwargs={"pk": case.pk})
    response = logged_in.post(
        url,
        {"action": "recompute", "text": "Kees Kraanvogel", "label": "PERSOON"},
        follow=True,
    )
    assert "komt niet voor in uw tekst" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "Marktplein", "label": ""}, "wat voor persoonsgegeven"),
        ({"text": "x", "label": "PERSOON"}, "ten minste twee tekens"),
        ({"text": "y" * 300, "label": "PERSOON"}, "200"),
        ({"text": "Marktplein", "label": "GEEN-LABEL"}, "geen beschikbare keuze"),
    ],
)
def test_odd_markings_get_a_message(logged_in, member, data, message):
    case = anonymised_case(member)
    url = reverse("casebook:preview", kwargs={"pk": case.pk})
    response = logged_in.post(url, {"action": "recompute", **data})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_preview_of_an_empty_story_sends_back_to_the_form(logged_in, member):
    case = draft_case(member, what_happened="")
    response = logged_in.get(
        reverse("casebook:preview", kwargs={"pk": case.pk}), follow=True
    )
    assert "Beschrijf wat er gebeurde" in response.content.decode()


def test_edit_after_preview_makes_a_new_preview(logged_in, member):
    case = anonymised_case(member)
    logged_in.post(
        reverse("casebook:edit", kwargs={"pk": case.pk}),
        form_data(lessons="Bel Piet Paulusma."),
    )
    response = logged_in.get(reverse("casebook:preview", kwargs={"pk": case.pk}))
    case.refresh_from_db()
    assert "Piet Paulusma" not in case.anonymised_lessons
    assert response.status_code == 200


def test_detail_thread_and_answer(logged_in, member, editor, mailoutbox):
    case = submitted_case(member)
    mailoutbox.clear()
    url = reverse("casebook:message", kwargs={"pk": case.pk})
    response = logged_in.post(url, {"body": "Het was op een zaterdag."}, follow=True)
    body = response.content.decode()
    assert "Uw bericht is verstuurd" in body and "Het was op een zaterdag." in body
    assert [m.to for m in mailoutbox] == [[editor.email]]
    # An empty or enormous message: a message, nothing stored.
    logged_in.post(url, {"body": ""})
    response = logged_in.post(url, {"body": "x" * 6000}, follow=True)
    assert "5.000" in response.content.decode()
    assert case.messages.count() == 1


def test_withdraw_asks_first_then_erases(logged_in, member):
    case = submitted_case(member)
    url = reverse("casebook:withdraw", kwargs={"pk": case.pk})
    assert "direct gewist" in logged_in.get(url).content.decode()
    response = logged_in.post(url, follow=True)
    assert "ingetrokken" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN and case.what_happened == ""
    response = logged_in.post(url, follow=True)
    assert "is ingetrokken" in response.content.decode()


# --- bad input ------------------------------------------------------------------


def test_empty_form_gets_messages_and_nothing_is_saved(logged_in):
    response = logged_in.post(
        reverse("casebook:new"), {"form_token": str(uuid.uuid4())}
    )
    assert response.status_code == 200
    assert "Dit is een verplicht veld" in response.content.decode()
    assert not CaseSubmission.objects.exists()


def test_an_enormous_text_is_refused_and_kept_in_the_form(logged_in):
    huge = "Het gebeurde op het plein. " * 7_500  # about 200,000 characters
    assert len(huge) > 200_000
    response = logged_in.post(reverse("casebook:new"), form_data(what_happened=huge))
    body = response.content.decode()
    assert response.status_code == 200
    assert "de grens is 20.000" in body
    assert "202.500" in body
    assert huge[:1000] in body  # nothing lost: the text is still in the form
    assert not CaseSubmission.objects.exists()


def test_html_and_script_payloads_are_cleaned(logged_in):
    logged_in.post(
        reverse("casebook:new"),
        form_data(
            title="<img src=x onerror=alert(1)>Titel",
            what_happened='<script>alert(1)</script><p onmouseover="x()">Tekst <a href="https://evil.example">link</a></p>',
        ),
    )
    case = CaseSubmission.objects.get()
    assert case.title == "Titel"
    assert case.what_happened == "<p>Tekst link</p>"
    body = logged_in.get(
        reverse("casebook:edit", kwargs={"pk": case.pk})
    ).content.decode()
    assert "<script>alert" not in body and "onerror" not in body


@pytest.mark.parametrize(
    "story",
    [
        "Иван Петров призвал к беспорядкам в Telegram-канале @ivan_riot.",
        "دعا أحمد إلى أعمال شغب عبر تيك توك في الساحة.",
        "Ο Γιώργος κάλεσε σε ταραχές.",
        "Emoji 🔥🔥 en 零宽\u200bspatie en \u202eomgekeerd",
        "Ahmed said on TikTok: come to the square at 9 pm, bring fireworks.",
    ],
)
def test_other_languages_and_alphabets_go_through(logged_in, story):
    response = logged_in.post(
        reverse("casebook:new"),
        form_data(what_happened=story, action="preview"),
        follow=True,
    )
    assert response.status_code == 200
    case = CaseSubmission.objects.get()
    assert case.anonymised_what_happened
    assert "@ivan_riot" not in case.anonymised_what_happened


def test_a_nul_byte_does_not_break_anything(logged_in):
    response = logged_in.post(
        reverse("casebook:new"), form_data(what_happened="Tekst\x00met nul")
    )
    assert response.status_code == 400  # portal.core.input_guard explains
    assert not CaseSubmission.objects.exists()


def test_a_forged_platform_or_phase_gets_a_message(logged_in):
    response = logged_in.post(
        reverse("casebook:new"), form_data(platforms=["99999"], phase="abc")
    )
    assert response.status_code == 200
    assert (
        "geen geldige keuze" in response.content.decode().lower()
        or "geldige" in response.content.decode()
    )
    assert not CaseSubmission.objects.exists()


def test_too_many_tags(logged_in):
    tags = ", ".join(f"tag{n}" for n in range(11))
    response = logged_in.post(reverse("casebook:new"), form_data(tags=tags))
    assert "hoogstens 10 trefwoorden" in response.content.decode()


def test_a_bad_token_is_a_message_not_an_error(logged_in):
    response = logged_in.post(
        reverse("casebook:new"), form_data(form_token="geen-uuid")
    )
    assert response.status_code == 200
    assert not CaseSubmission.objects.exists()
